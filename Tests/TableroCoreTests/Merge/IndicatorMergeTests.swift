import Testing
import TableroCore

/// Issue 12: indicators merge field by field and their measurements by date; the same field or
/// the same measurement changed differently on both sides is a conflict (docs/MERGE.md,
/// «Indicadores»), never settled silently.
@Suite struct IndicatorMergeTests {
  static let june = TestPortfolios.day("2013-06-30")
  static let march = TestPortfolios.day("2013-03-31")

  static func base() -> Portfolio {
    var p = TestPortfolios.single(progress: 40, report: "2013-06-30")
    p.indicators = [
      Indicator(
        id: "1.1", name: "Cobertura", ownerID: "I1", unit: "porcentaje", baseline: IndicatorTarget(year: 2011, value: 40),
        finalGoal: IndicatorTarget(year: 2016, value: 80), measurements: [Measurement(day: march, value: 50, by: "ana")])
    ]
    return p
  }

  static func measured(_ p: Portfolio, _ m: Measurement) throws -> Portfolio {
    var x = p
    try x.recordMeasurement(m, of: "1.1")
    return x
  }

  @Test func theSameMeasurementChangedOnBothSidesIsAConflictResolvableEitherWay() throws {
    let base = Self.base()
    let mine = try Self.measured(base, Measurement(day: Self.march, value: 51, note: "corregido", by: "ana"))
    let theirs = try Self.measured(base, Measurement(day: Self.march, value: 52, by: "luis"))
    var result = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    let path = MergePath(.indicator("1.1"), "measurements[2013-03-31]")
    #expect(path.description == "indicators[1.1].measurements[2013-03-31]")
    let conflict = try #require(result.conflict(at: path))
    #expect(result.conflicts.count == 1)
    #expect(conflict.kind == .bothChanged)
    #expect(conflict.mine.display(.es) == "51 (31/03/2013) «corregido» ana")
    #expect(conflict.theirs.display(.es) == "52 (31/03/2013) luis")
    #expect(result.portfolio.indicators[0].measurements.map(\.value) == [51], "mine until resolved")
    try result.resolve(path, with: .theirs)
    #expect(result.unresolved.isEmpty)
    #expect(result.portfolio.indicators[0].measurements == [Measurement(day: Self.march, value: 52, by: "luis")])
  }

  @Test func measurementsOnOtherDatesAreAllKeptInDateOrder() throws {
    let base = Self.base()
    let mine = try Self.measured(base, Measurement(day: Self.june, value: 55))
    let theirs = try Self.measured(base, Measurement(day: TestPortfolios.day("2013-04-30"), value: 53))
    let result = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(result.isClean)
    #expect(result.portfolio.indicators[0].measurements.map(\.day.iso) == ["2013-03-31", "2013-04-30", "2013-06-30"])
  }

  @Test func theSameNewDateWithDifferentValuesIsAConflict() throws {
    let base = Self.base()
    let mine = try Self.measured(base, Measurement(day: Self.june, value: 55))
    let theirs = try Self.measured(base, Measurement(day: Self.june, value: nil, reason: "N.D."))
    var result = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    let path = MergePath(.indicator("1.1"), "measurements[2013-06-30]")
    #expect(result.conflict(at: path)?.kind == .bothAdded)
    try result.resolve(path, with: .theirs)
    #expect(result.portfolio.indicators[0].measurements.last?.reason == "N.D.")
    // The same measurement added on both sides is taken once, no conflict.
    #expect(PortfolioMerge.merge(base: base, mine: mine, theirs: mine).isClean)
  }

  @Test func definitionFieldsMergeOneByOne() throws {
    let base = Self.base()
    var mine = base
    var theirs = base
    mine.indicators[0].name = "Cobertura efectiva"
    theirs.indicators[0].unit = "puntos"
    mine.indicators[0].finalGoal = IndicatorTarget(year: 2016, value: 85)
    theirs.indicators[0].finalGoal = IndicatorTarget(year: 2016, value: 90)
    theirs.indicators[0].trend = .descending
    var result = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(result.conflicts.map(\.path.description) == ["indicators[1.1].finalGoal"])
    let x = result.portfolio.indicators[0]
    #expect(x.name == "Cobertura efectiva" && x.unit == "puntos" && x.trend == .descending, "one side's change taken")
    #expect(x.finalGoal?.value == 85)
    try result.resolve(MergePath(.indicator("1.1"), "finalGoal"), with: .theirs)
    #expect(result.portfolio.indicators[0].finalGoal?.value == 90)
    // Both sides changing the trend differently is a conflict too (mine / theirs only).
    mine.indicators[0].trend = .constant
    let trend = try #require(PortfolioMerge.merge(base: base, mine: mine, theirs: theirs).conflict(at: MergePath(.indicator("1.1"), "trend")))
    #expect(trend.kind == .bothChanged)
  }

  @Test func removedOnOneSideMeasuredOnTheOtherIsAConflict() throws {
    let base = Self.base()
    var mine = base
    mine.indicators = []
    let theirs = try Self.measured(base, Measurement(day: Self.june, value: 60))
    var result = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    let conflict = try #require(result.conflict(at: MergePath(.indicator("1.1"))))
    #expect(conflict.kind == .removedVsChanged(removedBy: .mine))
    #expect(result.portfolio.indicators.isEmpty)
    try result.resolve(conflict, with: .theirs)
    #expect(result.portfolio.indicators.first?.measurements.count == 2)
    // Removed on one side, untouched on the other: removed, no question.
    #expect(PortfolioMerge.merge(base: base, mine: mine, theirs: base).portfolio.indicators.isEmpty)
  }

  @Test func twoWayDifferencesAreConflicts() throws {
    let base = Self.base()
    let mine = try Self.measured(base, Measurement(day: Self.march, value: 51))
    let result = PortfolioMerge.merge(mine: mine, theirs: base)
    #expect(result.conflict(at: MergePath(.indicator("1.1"), "measurements[2013-03-31]"))?.kind == .differsWithoutBase)
  }
}
