import TableroCore

/// One item that needs attention in the meeting: red or yellow, at any level.
public struct TriageEntry: Equatable, Sendable {
  public var kind: ItemKind
  /// Index into the portfolio's array for the kind.
  public var index: Int
  public var id: String
  public var status: ItemStatus
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
}
