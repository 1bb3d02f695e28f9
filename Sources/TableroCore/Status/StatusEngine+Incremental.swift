/// After a change to one initiative's (or one component's) actual progress, only that item, its
/// component, the imperatives and the portfolio need recomputing: O(initiatives of the
/// component) instead of the whole portfolio, which keeps a progress edit well under a frame
/// at 100k initiatives. The result equals `evaluate` (a test checks it).
extension StatusEngine {
  public func updateProgress(_ status: inout PortfolioStatus, in portfolio: Portfolio, changed id: String) -> Bool {
    guard status.reportDate == portfolio.reportDate, status.tolerance == portfolio.tolerance,
      status.initiatives.count == portfolio.initiatives.count, status.components.count == portfolio.components.count,
      status.imperatives.count == portfolio.imperatives.count
    else { return false }
    let tolerance = portfolio.tolerance
    let date = status.reportDate
    var c: Int?
    if let i = portfolio.initiativeIndex(id) {
      let initiative = portfolio.initiatives[i]
      let expected = ExpectedProgress.of(initiative, at: date, rule: portfolio.expectedProgressRule)
      status.initiatives[i] = .measured(
        start: initiative.start, end: initiative.end, expected: expected, actual: initiative.actualProgress, tolerance: tolerance)
      c = portfolio.componentIndex(initiative.componentID)
    } else {
      c = portfolio.componentIndex(id)
    }
    guard let c else { return false }
    let component = portfolio.components[c]
    var mean = WeightedMean()
    for i in status.initiativesByComponent[c] {
      let s = status.initiatives[i]
      mean.add(expected: s.expected ?? 0, actual: s.actual ?? 0, weight: portfolio.initiatives[i].weight)
    }
    let (expected, actual) =
      mean.value ?? (ExpectedProgress.linear(start: component.start, end: component.end, at: date), component.actualProgress)
    status.components[c] = .measured(start: component.start, end: component.end, expected: expected, actual: actual, tolerance: tolerance)
    rollUpImperatives(&status, in: portfolio)
    return true
  }

  /// Imperatives and portfolio from the component statuses (cheap: a few dozen rows).
  func rollUpImperatives(_ status: inout PortfolioStatus, in portfolio: Portfolio) {
    var componentIndex: [String: Int] = [:]
    for (i, c) in portfolio.components.enumerated() where componentIndex[c.id] == nil { componentIndex[c.id] = i }
    let tolerance = portfolio.tolerance
    var portfolioMean = WeightedMean()
    for (m, imperative) in portfolio.imperatives.enumerated() {
      var mean = WeightedMean()
      for member in imperative.members {
        guard let c = componentIndex[member.componentID], let e = status.components[c].expected,
          let a = status.components[c].actual
        else { continue }
        mean.add(expected: e, actual: a, weight: member.weight)
      }
      let old = status.imperatives[m]
      if let value = mean.value {
        status.imperatives[m] = .measured(start: old.start, end: old.end, expected: value.expected, actual: value.actual, tolerance: tolerance)
        portfolioMean.add(expected: value.expected, actual: value.actual, weight: imperative.weight)
      }
    }
    let old = status.portfolio
    if let value = portfolioMean.value {
      status.portfolio = .measured(start: old.start, end: old.end, expected: value.expected, actual: value.actual, tolerance: tolerance)
    }
  }
}
