/// Forecasts for the items of one portfolio, computed on demand (a detail pane asks for one
/// item, a report for a few hundred), from the progress history and the current values.
///
/// A component's or imperative's past actual progress is rebuilt on each day one of its
/// initiatives changed, with ProgressHistory's rule (an item keeps its current value where the
/// history does not know it) and the status engine's weights.
public struct ForecastBoard: Sendable {
  public let portfolio: Portfolio
  public let status: PortfolioStatus
  public let history: ProgressHistory

  public init(portfolio: Portfolio, status: PortfolioStatus, history: ProgressHistory) {
    self.portfolio = portfolio
    self.status = status
    self.history = history
  }

  public func initiative(_ i: Int) -> Forecast? {
    guard portfolio.initiatives.indices.contains(i) else { return nil }
    let x = portfolio.initiatives[i]
    return leafForecast(id: x.id, start: x.start, end: x.end, current: x.actualProgress)
  }

  public func component(_ c: Int) -> Forecast? {
    guard portfolio.components.indices.contains(c), status.initiativesByComponent.indices.contains(c) else { return nil }
    let component = portfolio.components[c]
    let members = status.initiativesByComponent[c]
    if members.isEmpty {
      return leafForecast(id: component.id, start: component.start, end: component.end, current: component.actualProgress)
    }
    return rolledUp(parts: [(1, members)], status: status.components[c])
  }

  /// Nil for an imperative without components.
  public func imperative(_ m: Int) -> Forecast? {
    guard portfolio.imperatives.indices.contains(m), status.imperatives.indices.contains(m) else { return nil }
    let s = status.imperatives[m]
    guard s.actual != nil else { return nil }
    var parts: [(Double, [Int])] = []
    var ownComponents: [(Double, Int)] = []
    for member in portfolio.imperatives[m].members {
      guard let c = portfolio.componentIndex(member.componentID) else { continue }
      if status.initiativesByComponent[c].isEmpty {
        ownComponents.append((member.weight, c))
      } else {
        parts.append((member.weight, status.initiativesByComponent[c]))
      }
    }
    return rolledUp(parts: parts, ownComponents: ownComponents, status: s)
  }

  func leafForecast(id: String, start: Day, end: Day, current: Double) -> Forecast {
    let points = (history.changes[id] ?? []).map { ProgressPoint(day: $0.day, actual: $0.new) }
    return Forecast.estimate(points: points, start: start, plannedEnd: end, reportDate: portfolio.reportDate, current: current)
  }

  /// `parts`: (weight in the parent, initiative indexes of one component).
  func rolledUp(parts: [(Double, [Int])], ownComponents: [(Double, Int)] = [], status s: ItemStatus) -> Forecast? {
    guard let start = s.start, let end = s.end else { return nil }
    var days = Set<Day>()
    for (_, members) in parts {
      for i in members { for change in history.changes[portfolio.initiatives[i].id] ?? [] { days.insert(change.day) } }
    }
    for (_, c) in ownComponents { for change in history.changes[portfolio.components[c].id] ?? [] { days.insert(change.day) } }
    let points = days.filter { $0 <= portfolio.reportDate }.sorted().map { day in
      ProgressPoint(day: day, actual: actual(parts: parts, ownComponents: ownComponents, at: day))
    }
    return Forecast.estimate(points: points, start: start, plannedEnd: end, reportDate: portfolio.reportDate, current: s.actual)
  }

  func actual(parts: [(Double, [Int])], ownComponents: [(Double, Int)], at day: Day) -> Double {
    var outer = WeightedMean()
    for (weight, members) in parts {
      var inner = WeightedMean()
      for i in members {
        let x = portfolio.initiatives[i]
        inner.add(expected: 0, actual: history.actual(of: x.id, at: day) ?? x.actualProgress, weight: x.weight)
      }
      if let v = inner.value { outer.add(expected: 0, actual: v.actual, weight: weight) }
    }
    for (weight, c) in ownComponents {
      let component = portfolio.components[c]
      outer.add(expected: 0, actual: history.actual(of: component.id, at: day) ?? component.actualProgress, weight: weight)
    }
    return outer.value?.actual ?? 0
  }
}
