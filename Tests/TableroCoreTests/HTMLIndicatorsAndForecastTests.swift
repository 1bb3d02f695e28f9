import Foundation
import Testing

@testable import TableroCore

/// Issue 12 in the HTML export: the "Indicadores" section, the forecast beside red items and in
/// the detail's rows, and the dotted projection on the progress curves.
@Suite("HTML export: indicators and forecasts")
struct HTMLIndicatorsAndForecastTests {
  /// ACMI-04: 20% on 31/01, 30% on 31/03, 40% on 31/05/2013 (as in ReportForecastTests).
  static let history = ProgressHistory([
    .init(day: TestPortfolios.day("2013-01-31"), id: "ACMI-04", old: 0, new: 20),
    .init(day: TestPortfolios.day("2013-03-31"), id: "ACMI-04", old: 20, new: 30),
    .init(day: TestPortfolios.day("2013-05-31"), id: "ACMI-04", old: 30, new: 40),
  ])

  static func html(_ portfolio: Portfolio, detail: Bool, history: ProgressHistory = history) -> String {
    let status = StatusEngine().evaluate(portfolio)
    return HTMLReport(actualSeries: history.actualSeries(portfolio), detail: detail, history: history)
      .render(portfolio, status: status, dashboard: Dashboard(portfolio, status: status, detail: detail))
  }

  /// The part of `html` from `start` to the next `end`.
  static func slice(_ html: String, from start: String, to end: String) throws -> String {
    let range = try #require(html.range(of: start))
    let rest = html[range.lowerBound...]
    return String(rest[..<(rest.range(of: end)?.upperBound ?? rest.endIndex)])
  }

  @Test func indicatorsSectionInSummaryAndDetail() throws {
    let demo = try HTMLReportTests.demo()
    for detail in [false, true] {
      let html = Self.html(demo, detail: detail)
      // The heading keeps with its key (print), and each owner's heading with its table.
      #expect(html.contains("<section class=\"indicators\">\n<div class=\"keep heading-group\">\n<h2>Indicadores</h2>"))
      #expect(html.contains("<div class=\"owner\">\n<h3><span class=\"id\">"))
      let row = try Self.slice(html, from: "<tr class=\"indicator row-red\" data-indicator=\"1.1\"", to: "</tr>")
      #expect(row.contains("<td>días</td>"))
      #expect(row.contains(">45 (2011)<"), "baseline")
      #expect(row.contains(">25 (2016)<"), "goal")
      #expect(row.contains(">42 (30/06/2013)<"), "latest value")
      #expect(row.contains("<td class=\"state st-red\"><span class=\"glyph\" aria-hidden=\"true\">✗</span> Desviación mayor al 30% (-42.7%)</td>"))
      #expect(row.contains("<svg class=\"indicator-chart\""))
      #expect(row.contains("<polyline class=\"trajectory\""), "the planned path from IndicatorTrajectory")
      #expect(row.contains("class=\"measure-point\""))
    }
  }

  @Test func indicatorWithoutGoalSaysSoAndDrawsNoGoalLine() throws {
    var demo = try HTMLReportTests.demo()
    let i = try #require(demo.indicators.firstIndex { $0.id == "1.1" })
    demo.indicators[i].baseline = nil
    demo.indicators[i].goals = []
    demo.indicators[i].finalGoal = nil
    let row = try Self.slice(Self.html(demo, detail: false), from: "data-indicator=\"1.1\"", to: "</tr>")
    #expect(row.contains("Sin meta"))
    #expect(!row.contains("class=\"trajectory\""), "no invented goal axis")
    #expect(row.contains("class=\"measure-point\""), "the measurements are still drawn")
    // No goal and no measurements: words, no chart.
    demo.indicators[i].measurements = []
    let bare = try Self.slice(Self.html(demo, detail: false), from: "data-indicator=\"1.1\"", to: "</tr>")
    #expect(!bare.contains("<svg"))
    #expect(bare.contains("Sin meta ni mediciones"))
  }

  @Test func forecastInDetailRowsAndBesideRedItems() throws {
    let demo = try HTMLReportTests.demo()
    let detail = Self.html(demo, detail: true)
    let row = try Self.slice(detail, from: "<tr class=\"initiative row-red\" data-id=\"ACMI-04\"", to: "</tr>")
    #expect(row.contains("<td class=\"forecast\" title=\"a este ritmo termina el 26/05/2014 — 18 meses después de lo planeado\">26/05/2014 (+18 m)</td>"))
    #expect(detail.contains("<th scope=\"col\">Pronóstico</th>"))
    let summary = Self.html(demo, detail: false)
    #expect(!summary.contains("<td class=\"forecast\">"), "the summary's table has no forecast column")
    let red = try Self.slice(summary, from: "<li class=\"red-item\" data-red=\"ACMI\">", to: "</li>")
    #expect(red.contains("<span class=\"forecast\">— pronóstico: a este ritmo termina el "))
    // Every red item carries its forecast (or why there is none).
    let items = summary.components(separatedBy: "<li class=\"red-item\"").dropFirst()
    #expect(!items.isEmpty)
    for item in items { #expect(item.contains("pronóstico: ")) }
  }

  @Test func detailCurvesProjectToTheForecastFinish() throws {
    let demo = try HTMLReportTests.demo()
    let detail = Self.html(demo, detail: true)
    let chart = try Self.slice(detail, from: "<div class=\"chart\" data-id=\"ACMI\">", to: "</svg>")
    let line = try Self.slice(chart, from: "<line class=\"projection\"", to: "</line>")
    #expect(line.contains("stroke-dasharray=\"2 3\""))
    #expect(line.contains("a este ritmo termina el "))
    // It ends at 100% (the top of the plot, y = 14).
    #expect(line.contains("y2=\"14\""))
    #expect(!Self.html(demo, detail: false).contains("class=\"projection\""), "no curves in the summary")
    // A finished item has no projection.
    #expect(HTMLReport.projectedFinish(Forecast.estimate(points: [], start: TestPortfolios.day("2012-01-01"),
      plannedEnd: TestPortfolios.day("2012-12-31"), reportDate: TestPortfolios.day("2013-06-30"), current: 100),
      after: TestPortfolios.day("2013-06-30")) == nil)
  }
}
