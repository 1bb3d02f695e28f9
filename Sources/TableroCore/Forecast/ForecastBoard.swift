/// Forecasts for the items of one portfolio, computed on demand (a detail pane asks for one
/// item, a report for a few hundred), from the progress history and the current values.
///
/// An initiative (or a component without initiatives) is forecast from its own series
/// (`Forecast.estimate`). A parent — component, imperative, the portfolio — **finishes when
/// the last of its parts finishes** (docs/STATUS.md §10, «Elementos con partes»): its date is
/// the latest of its parts' dates, so one part with a fast recent series cannot make the
/// parent look early while the others lag. The parts are the ones the status engine weighs
/// (weight > 0; all of them when every weight is 0, as `WeightedMean` does).
public struct ForecastBoard: Sendable {
  public let portfolio: Portfolio
  public let status: PortfolioStatus
  public let history: ProgressHistory

  public init(portfolio: Portfolio, status: PortfolioStatus, history: ProgressHistory) {
    self.portfolio = portfolio
    self.status = status
    self.history = history
  }

  /// One part of a parent, with what the rule needs to know about it.
  struct Part {
    var id: String
    var weight: Double
    var forecast: Forecast
    /// Planned start after the report date and no progress yet: not due to move.
    var notDueYet: Bool
  }

  public func initiative(_ i: Int) -> Forecast? {
    guard portfolio.initiatives.indices.contains(i) else { return nil }
    // Fields read in place: a copy of the whole initiative (`let x = …[i]`) retains each of
    // its strings and arrays, ≈ half of the portfolio forecast's cost at 100 000 (start-up).
    return leafForecast(
      id: portfolio.initiatives[i].id, start: portfolio.initiatives[i].start, end: portfolio.initiatives[i].end,
      current: portfolio.initiatives[i].actualProgress)
  }

  public func component(_ c: Int) -> Forecast? {
    guard portfolio.components.indices.contains(c), status.initiativesByComponent.indices.contains(c) else { return nil }
    let component = portfolio.components[c]
    let members = status.initiativesByComponent[c]
    if members.isEmpty {
      return leafForecast(id: component.id, start: component.start, end: component.end, current: component.actualProgress)
    }
    guard let end = status.components[c].end else { return nil }
    let parts = members.compactMap { i -> Part? in
      guard let f = initiative(i) else { return nil }
      let start = portfolio.initiatives[i].start, actual = portfolio.initiatives[i].actualProgress
      return Part(
        id: portfolio.initiatives[i].id, weight: portfolio.initiatives[i].weight, forecast: f,
        notDueYet: start > portfolio.reportDate && actual <= 0)
    }
    return Self.latest(of: parts, plannedEnd: end)
  }

  /// Nil for an imperative without components.
  public func imperative(_ m: Int) -> Forecast? {
    var cache: [Int: Forecast?] = [:]
    return imperative(m, components: &cache, index: nil)
  }

  /// The whole portfolio: the latest of its imperatives with components (imperative weights),
  /// for the total row. Nil when no imperative has components.
  public func portfolioForecast() -> Forecast? {
    guard let end = status.portfolio.end else { return nil }
    var cache: [Int: Forecast?] = [:]
    var index: [String: Int] = [:]
    for (c, x) in portfolio.components.enumerated() where index[x.id] == nil { index[x.id] = c }
    var parts: [Part] = []
    for (m, imp) in portfolio.imperatives.enumerated() where status.imperatives.indices.contains(m) {
      let s = status.imperatives[m]
      guard s.actual != nil, let f = imperative(m, components: &cache, index: index) else { continue }
      parts.append(Part(id: imp.id, weight: imp.weight, forecast: f, notDueYet: Self.notDueYet(s, reportDate: portfolio.reportDate)))
    }
    return Self.latest(of: parts, plannedEnd: end)
  }

  /// `components` keeps each component's forecast: a component shared by several imperatives
  /// is computed once per call; `index` (component id → position) saves a scan per member.
  func imperative(_ m: Int, components cache: inout [Int: Forecast?], index: [String: Int]?) -> Forecast? {
    guard portfolio.imperatives.indices.contains(m), status.imperatives.indices.contains(m) else { return nil }
    let s = status.imperatives[m]
    guard s.actual != nil, let end = s.end else { return nil }
    var parts: [Part] = []
    for member in portfolio.imperatives[m].members {
      guard let c = index.map({ $0[member.componentID] }) ?? portfolio.componentIndex(member.componentID), status.components.indices.contains(c) else { continue }
      let f: Forecast?
      if let known = cache[c] {
        f = known
      } else {
        f = component(c)
        cache[c] = f
      }
      guard let f else { continue }
      parts.append(
        Part(id: member.componentID, weight: member.weight, forecast: f, notDueYet: Self.notDueYet(status.components[c], reportDate: portfolio.reportDate)))
    }
    return Self.latest(of: parts, plannedEnd: end)
  }

  static func notDueYet(_ s: ItemStatus, reportDate: Day) -> Bool {
    guard let start = s.start else { return false }
    return start > reportDate && (s.actual ?? 0) <= 0
  }

  /// The rule for a parent: every counted part finished → finished; any part that cannot be
  /// estimated (and is already due to move) → the parent cannot either; any part slower than a
  /// century → so is the parent; otherwise the latest finish day. A part not due to start yet,
  /// with no progress, counts with its planned end. `decidedBy` names the part that decided.
  static func latest(of all: [Part], plannedEnd: Day) -> Forecast? {
    let parts = all.contains { $0.weight > 0 } ? all.filter { $0.weight > 0 } : all
    guard !parts.isEmpty else { return nil }
    var stuck: Part?
    var tooSlow: Part?
    var latest: (day: Day, part: Part, method: Forecast.Method?)?
    for part in parts {
      let day: Day
      var method = part.forecast.method
      switch part.forecast.outcome {
      case .finished: continue
      case .finishes(let d): day = d
      case .tooSlow:
        if tooSlow == nil { tooSlow = part }
        continue
      case .noRecentProgress:
        guard part.notDueYet else {
          if stuck == nil { stuck = part }
          continue
        }
        day = part.forecast.plannedEnd
        method = nil
      }
      if latest.map({ day > $0.day }) ?? true { latest = (day, part, method) }
    }
    if let stuck {
      return Forecast(outcome: .noRecentProgress, method: stuck.forecast.method, plannedEnd: plannedEnd, decidedBy: path(stuck))
    }
    if let tooSlow {
      return Forecast(outcome: .tooSlow, method: tooSlow.forecast.method, plannedEnd: plannedEnd, decidedBy: path(tooSlow))
    }
    guard let latest else { return Forecast(outcome: .finished, method: nil, plannedEnd: plannedEnd) }
    let via = latest.method == nil && latest.part.forecast.method != nil ? latest.part.id : path(latest.part)
    return Forecast(outcome: .finishes(latest.day), method: latest.method, plannedEnd: plannedEnd, decidedBy: via)
  }

  /// "RTE/PMSRS/PMSRS-07": the part, and down to the initiative that decided it.
  static func path(_ part: Part) -> String {
    part.forecast.decidedBy.map { part.id + "/" + $0 } ?? part.id
  }

  func leafForecast(id: String, start: Day, end: Day, current: Double) -> Forecast {
    // No history (a file never edited here): no lookup, which hashes the id.
    let points = (history.changes.isEmpty ? [] : history.changes[id] ?? []).map { ProgressPoint(day: $0.day, actual: $0.new) }
    return Forecast.estimate(points: points, start: start, plannedEnd: end, reportDate: portfolio.reportDate, current: current)
  }
}
