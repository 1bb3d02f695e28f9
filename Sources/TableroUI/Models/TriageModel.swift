import TableroCore

/// One item that needs attention in the meeting: red or yellow, at any level.
public struct TriageEntry: Equatable, Sendable {
  public var kind: ItemKind
  /// Index into the portfolio's array for the kind.
  public var index: Int
  public var id: String
  public var status: ItemStatus
  /// When it will finish at its current pace (docs/STATUS.md §10); nil when not asked for or
  /// the item has no dates.
  public var forecast: Forecast? = nil
}

/// Every red item, then every yellow one, at any level (imperatives, components,
/// initiatives), worst deviation first: the order of `]`/`[` and of the triage list (T).
enum TriageModel {
  static func entries(_ portfolio: Portfolio, status: PortfolioStatus) -> [TriageEntry] {
    var out: [TriageEntry] = []
    func take(_ kind: ItemKind, _ states: [ItemStatus], _ id: (Int) -> String) {
      for (i, s) in states.enumerated() where s.level == .majorDeviation || s.level == .minorDeviation {
        out.append(TriageEntry(kind: kind, index: i, id: id(i), status: s))
      }
    }
    take(.imperative, status.imperatives) { portfolio.imperatives[$0].id }
    take(.component, status.components) { portfolio.components[$0].id }
    take(.initiative, status.initiatives) { portfolio.initiatives[$0].id }
    func rank(_ kind: ItemKind) -> Int {
      switch kind {
      case .initiative: 0
      case .component: 1
      case .imperative: 2
      }
    }
    return out.enumerated().sorted { a, b in
      let x = a.element, y = b.element
      if x.status.level != y.status.level { return x.status.level == .majorDeviation }
      let dx = x.status.deviation ?? 0, dy = y.status.deviation ?? 0
      if dx != dy { return dx < dy }
      if rank(x.kind) != rank(y.kind) { return rank(x.kind) < rank(y.kind) }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// The entries with their forecasts, for the triage list (computed once when it opens or
  /// after an edit, not on every `]`).
  static func entries(_ portfolio: Portfolio, status: PortfolioStatus, history: ProgressHistory) -> [TriageEntry] {
    let board = ForecastBoard(portfolio: portfolio, status: status, history: history)
    return entries(portfolio, status: status).map { entry in
      var e = entry
      switch e.kind {
      case .initiative: e.forecast = board.initiative(e.index)
      case .component: e.forecast = board.component(e.index)
      case .imperative: e.forecast = board.imperative(e.index)
      }
      return e
    }
  }

  /// Largest forecast delay first: "more than a century" before any date, then dates by days
  /// late, then the items with no date (no estimate, finished); ties keep the worst-first order.
  static func byForecastDelay(_ entries: [TriageEntry]) -> [TriageEntry] {
    func key(_ e: TriageEntry) -> Int? {
      guard let f = e.forecast else { return nil }
      if f.outcome == .tooSlow { return .max }
      return f.delayDays
    }
    return entries.enumerated().sorted { a, b in
      switch (key(a.element), key(b.element)) {
      case let (x?, y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.offset < b.offset
      }
    }.map(\.element)
  }
}
