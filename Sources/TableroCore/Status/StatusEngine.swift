/// Computes Cuadro 9 for a portfolio: initiative → component → imperative → portfolio.
/// See docs/STATUS.md for the rules and a worked example.
public struct StatusEngine: Sendable {
  public init() {}

  public func evaluate(_ portfolio: Portfolio) -> PortfolioStatus {
    evaluate(portfolio, at: portfolio.reportDate)
  }

  public func evaluate(_ portfolio: Portfolio, at date: Day) -> PortfolioStatus {
    let tolerance = portfolio.tolerance
    var componentIndex: [String: Int] = [:]
    componentIndex.reserveCapacity(portfolio.components.count)
    for (i, component) in portfolio.components.enumerated() where componentIndex[component.id] == nil {
      componentIndex[component.id] = i
    }

    // Initiatives, and their grouping by component in the same pass.
    var byComponent = Array(repeating: [Int](), count: portfolio.components.count)
    var componentMeans = Array(repeating: WeightedMean(), count: portfolio.components.count)
    var initiativeStatus: [ItemStatus] = []
    initiativeStatus.reserveCapacity(portfolio.initiatives.count)
    for (i, initiative) in portfolio.initiatives.enumerated() {
      let expected = ExpectedProgress.of(initiative, at: date, rule: portfolio.expectedProgressRule)
      let actual = initiative.actualProgress
      initiativeStatus.append(
        .measured(
          start: initiative.start, end: initiative.end, expected: expected, actual: actual,
          tolerance: tolerance))
      if let c = componentIndex[initiative.componentID] {
        byComponent[c].append(i)
        componentMeans[c].add(expected: expected, actual: actual, weight: initiative.weight)
      }
    }

    // Components: weighted means of their initiatives, else their own dates and progress.
    var componentStatus: [ItemStatus] = []
    componentStatus.reserveCapacity(portfolio.components.count)
    for (c, component) in portfolio.components.enumerated() {
      let (expected, actual) =
        componentMeans[c].value
        ?? (
          ExpectedProgress.linear(start: component.start, end: component.end, at: date),
          component.actualProgress
        )
      componentStatus.append(
        .measured(
          start: component.start, end: component.end, expected: expected, actual: actual,
          tolerance: tolerance))
    }

    // Imperatives: means of member components weighted by their ponderación there.
    var portfolioMean = WeightedMean()
    var starts: [Day] = []
    var ends: [Day] = []
    var imperativeStatus: [ItemStatus] = []
    for imperative in portfolio.imperatives {
      var mean = WeightedMean()
      var start = imperative.plannedStart
      var end = imperative.plannedEnd
      var earliest: Day?
      var latest: Day?
      for member in imperative.members {
        guard let c = componentIndex[member.componentID] else { continue }
        let status = componentStatus[c]
        if let e = status.expected, let a = status.actual {
          mean.add(expected: e, actual: a, weight: member.weight)
        }
        let component = portfolio.components[c]
        earliest = min(earliest ?? component.start, component.start)
        latest = max(latest ?? component.end, component.end)
      }
      start = start ?? earliest
      end = end ?? latest
      if let s = start { starts.append(s) }
      if let e = end { ends.append(e) }
      if let value = mean.value {
        imperativeStatus.append(
          .measured(
            start: start, end: end, expected: value.expected, actual: value.actual,
            tolerance: tolerance))
        portfolioMean.add(expected: value.expected, actual: value.actual, weight: imperative.weight)
      } else {
        imperativeStatus.append(
          ItemStatus(
            start: start, end: end, expected: nil, actual: nil, deviation: nil, level: .noComponents))
      }
    }

    let overall: ItemStatus
    if let value = portfolioMean.value {
      overall = .measured(
        start: starts.min(), end: ends.max(), expected: value.expected, actual: value.actual,
        tolerance: tolerance)
    } else {
      overall = ItemStatus(
        start: starts.min(), end: ends.max(), expected: nil, actual: nil, deviation: nil,
        level: .noComponents)
    }
    return PortfolioStatus(
      reportDate: date, tolerance: tolerance, initiatives: initiativeStatus,
      components: componentStatus, imperatives: imperativeStatus, portfolio: overall,
      initiativesByComponent: byComponent)
  }
}
