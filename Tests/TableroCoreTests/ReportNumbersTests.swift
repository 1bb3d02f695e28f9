import Testing
@testable import TableroCore

/// Numbers in reports: rounded half away from zero in decimal, and a deviation always shown
/// with enough digits that it explains its colour.
@Suite("Report numbers")
struct ReportNumbersTests {
  @Test(arguments: [
    (8.45, 1, "8.5"), (-8.45, 1, "-8.5"), (0.05, 1, "0.1"), (-0.05, 1, "-0.1"), (0.04, 1, "0.0"),
    (-0.04, 1, "0.0"), (2.675, 2, "2.68"), (99.96, 1, "100.0"), (33.333, 1, "33.3"), (5e-05, 6, "0.000050"),
    (1.25, 1, "1.3"), (-1.25, 1, "-1.3"), (2.35, 1, "2.4"), (-2.35, 1, "-2.4"), (0, 1, "0.0"), (-0.0, 1, "0.0"), (40, 0, "40"),
  ])
  func roundsHalfAwayFromZeroInDecimal(value: Double, places: Int, expected: String) {
    #expect(Format.fixed(value, decimals: places) == expected)
  }

  @Test func aDeviationShowsTheDigitsThatExplainItsColour() {
    #expect(Format.deviation(-0.04, tolerance: -30) == "-0.04%", "yellow, so not 0.0%")
    #expect(Format.deviation(-0.004, tolerance: -30) == "-0.004%")
    #expect(Format.deviation(-0.05, tolerance: -30) == "-0.1%")
    #expect(Format.deviation(0.04, tolerance: -30) == "0.0%", "green: zero explains it")
    #expect(Format.deviation(-30.04, tolerance: -30) == "-30.04%", "red, so not -30.0%")
    #expect(Format.deviation(-30.0, tolerance: -30) == "-30.0%")
    #expect(Format.deviation(-15.62, tolerance: -30) == "-15.6%")
    #expect(Format.deviation(nil, tolerance: -30) == "–")
  }

  @Test func theTextReportShowsATinyNegativeDeviationWithItsSign() throws {
    var portfolio = TestPortfolios.single()
    let expected = try #require(StatusEngine().evaluate(portfolio).initiatives[0].expected)
    portfolio.initiatives[0].actualProgress = expected * (1 - 0.0004)  // −0.04 %
    let status = StatusEngine().evaluate(portfolio)
    #expect(status.initiatives[0].level == .minorDeviation)
    let text = ReportFormatter().render(
      portfolio, status: status, dashboard: Dashboard(portfolio, status: status, detail: true), as: .text)
    let row = try #require(text.split(separator: "\n").first { $0.contains("C1-01") })
    #expect(row.contains("-0.04%"), "\(row)")
  }
}
