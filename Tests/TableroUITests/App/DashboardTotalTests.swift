import Testing
import TableroCore
@testable import TableroUI

/// Cuadro 9 ends with the whole portfolio: esperado, real and desviación (issue 9).
@Suite struct DashboardTotalTests {
  @Test func totalRowShowsThePortfolioFigures() throws {
    var app = try AppHarness(.demo)
    let s = app.state.status.portfolio
    let total = app.lines[20]
    #expect(total.contains("Total del portafolio"), "\(app.text)")
    #expect(total.contains(Format.percent(s.expected)) && total.contains(Format.percent(s.actual)), "\(total)")
    #expect(total.contains(Format.percent(s.deviation)), "\(total)")
    #expect(total.hasPrefix(Theme(useColor: true, useUnicode: true).glyph(s.level)))
    // It stays where it is while the list scrolls and filters.
    app.press(.end)
    #expect(app.lines[20] == total)
    #expect(app.state.dashboardRows.indices.contains(app.state.dashboardCursor.selected))
    let selectedID = app.state.dashboardRows[app.state.dashboardCursor.selected].id
    #expect(app.lines[4..<20].contains { $0.contains(selectedID) || $0.contains("Subtotal") }, "selection hidden under the total")
    app.press(.character("f"))
    #expect(app.lines[20].contains("Total del portafolio"))
  }

  @Test func drillDownTotalIsTheComponents() throws {
    var app = try AppHarness(.demo)
    app.press(.down, .enter)
    let c = try #require(app.state.componentIndex["ECE"])
    let s = app.state.status.components[c]
    #expect(app.lines[20].contains("Total ECE") && app.lines[20].contains(Format.percent(s.actual)), "\(app.lines[20])")
  }

  @Test func englishTotal() throws {
    let app = try AppHarness(.demo, language: .en)
    #expect(app.lines[20].contains("Portfolio total"))
  }

  @Test func totalFollowsAnEdit() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("e"), .control("u"))
    app.type("100")
    app.press(.enter)
    // The search drilled into ACMI: its total follows the edit, and so does the portfolio's.
    let c = try #require(app.state.componentIndex["ACMI"])
    #expect(app.lines[20].contains("Total ACMI") && app.lines[20].contains(Format.percent(app.state.status.components[c].actual)), "\(app.lines[20])")
    app.press(.escape)
    #expect(app.lines[20].contains(Format.percent(app.state.status.portfolio.actual)), "\(app.lines[20])")
    #expect(app.state.status.portfolio == StatusEngine().evaluate(app.state.portfolio).portfolio)
  }
}
