/// Status of every item of a portfolio at its report date. Arrays run parallel to the
/// portfolio's own arrays, so a view can zip them without lookups.
public struct PortfolioStatus: Equatable, Sendable {
  public var reportDate: Day
  public var tolerance: Double
  public var initiatives: [ItemStatus]
  public var components: [ItemStatus]
  public var imperatives: [ItemStatus]
  public var portfolio: ItemStatus
  /// Initiative indices per component index, in file order.
  public var initiativesByComponent: [[Int]]

  public init(
    reportDate: Day, tolerance: Double, initiatives: [ItemStatus], components: [ItemStatus],
    imperatives: [ItemStatus], portfolio: ItemStatus, initiativesByComponent: [[Int]]
  ) {
    self.reportDate = reportDate
    self.tolerance = tolerance
    self.initiatives = initiatives
    self.components = components
    self.imperatives = imperatives
    self.portfolio = portfolio
    self.initiativesByComponent = initiativesByComponent
  }
}
