/// A portfolio that passed validation, with the warnings to show.
public struct LoadedPortfolio: Equatable, Sendable {
  public var portfolio: Portfolio
  public var warnings: [ValidationIssue]
  public init(portfolio: Portfolio, warnings: [ValidationIssue]) {
    self.portfolio = portfolio
    self.warnings = warnings
  }
}
