import Foundation
import Testing

@testable import TableroCore

@Suite("HTML export, comparison and progress history")
struct HTMLReportTests {
  static func demo() throws -> Portfolio { try EmbeddedPortfolios.load(.demo).portfolio }

  /// The detailed document (`--detail`) unless `detail` is false (the default summary).
  static func html(_ portfolio: Portfolio, language: Language = .es, series: [String: [ProgressPoint]] = [:], detail: Bool = true) -> String {
    let status = StatusEngine().evaluate(portfolio)
    return HTMLReport(language: language, actualSeries: series, detail: detail)
      .render(portfolio, status: status, dashboard: Dashboard(portfolio, status: status, detail: detail))
  }

  /// The export used to be the detailed view only (17 A4 pages for the demo). The default is
  /// now the summary: Cuadro 9 with subtotals and the portfolio total, the red items with why,
  /// Cuadro 8; no initiative rows and no curves.
  @Test func summaryIsTheDefault() throws {
    let demo = try Self.demo()
    let status = StatusEngine().evaluate(demo)
    let html = HTMLReport().render(demo, status: status, dashboard: Dashboard(demo, status: status))
    #expect(html.contains("<h2>Cuadro 9. Tablero de Control</h2>"))
    #expect(html.contains("Subtotal Oportunidad de Abasto de Medicamentos"))
    #expect(html.contains("<tr class=\"component row-red\" data-id=\"ACMI\""))
    let total = "<td class=\"name\">Total del portafolio</td><td class=\"date\">\(Format.date(status.portfolio.start))</td>"
      + "<td class=\"date\">\(Format.date(status.portfolio.end))</td><td class=\"num\">\(Format.percent(status.portfolio.expected))</td>"
      + "<td class=\"num\">\(Format.percent(status.portfolio.actual))</td><td class=\"num\">100.0%</td>"
    #expect(html.contains(total), "the portfolio total row with its numbers")
    #expect(html.contains("<svg class=\"timeline\""), "Cuadro 8")
    #expect(html.contains("<h2>Elementos en rojo y por qué</h2>"))
    #expect(!html.contains("<tr class=\"initiative"), "no per-initiative rows")
    #expect(!html.contains("<svg class=\"progress\""), "no progress curves")
    let detailed = Self.html(demo)
    #expect(detailed.contains("<tr class=\"initiative"))
    #expect(detailed.contains("<svg class=\"progress\""))
    #expect(detailed.contains(total), "the detail has the total too")
  }

  /// Each red imperative and component is listed with its numbers and what pulls it down.
  @Test func redItemsSayWhy() throws {
    let demo = try Self.demo()
    let status = StatusEngine().evaluate(demo)
    let html = Self.html(demo, detail: false)
    let redComponents = demo.components.indices.filter { status.components[$0].level == .majorDeviation }
    #expect(!redComponents.isEmpty, "the demo has red components")
    for c in redComponents {
      let id = demo.components[c].id
      #expect(html.contains("<li class=\"red-item\" data-red=\"\(id)\">"), "\(id) is listed")
      // Its worst initiative is named in the why.
      let worst = status.initiativesByComponent[c].min { (status.initiatives[$0].deviation ?? 0) < (status.initiatives[$1].deviation ?? 0) }
      if let worst { #expect(html.contains("✗ \(demo.initiatives[worst].id) ") || html.contains("▲ \(demo.initiatives[worst].id) ")) }
    }
    let green = demo.components.indices.filter { status.components[$0].level == .onTrack }.map { demo.components[$0].id }
    for id in green { #expect(!html.contains("data-red=\"\(id)\""), "\(id) is green, not listed") }
    #expect(html.contains("Iniciativas más atrasadas:"))
    // Nothing red: said in words.
    let fine = Self.html(TestPortfolios.single(progress: 100), detail: false)
    #expect(fine.contains("Ningún imperativo ni componente está en rojo."))
  }

  /// Print: headings keep with their content, no forced page breaks, charts not two per page.
  @Test func printKeepsHeadingsWithTheirContent() {
    let css = HTMLStyle.css
    let print = String(css[css.range(of: "@media print")!.lowerBound...])
    #expect(print.contains("h1, h2, h3, .heading-group { break-after: avoid; page-break-after: avoid; }"))
    #expect(print.contains(".keep, .red-item, tr, figure, .chart { break-inside: avoid; page-break-inside: avoid; }"))
    #expect(!print.contains("break-before: page"), "no forced page before the timeline or the curves")
    #expect(print.contains(".charts { grid-template-columns: repeat(3, 1fr);"))
    #expect(css.contains("tr.total td { font-weight: bold; font-size: 1.15em;"))
    let html = Self.html(TestPortfolios.single(progress: 40))
    #expect(html.contains("<section class=\"timeline keep\">\n<h2>"), "Cuadro 8's heading and chart are one block")
    #expect(html.contains("<section class=\"curves\">\n<div class=\"keep heading-group\">\n<h2>"))
  }

  /// Print used to set the table to 10px while initiatives kept 12px: children printed larger
  /// than their components. Row sizes are relative to the table now, in every medium.
  @Test func rowSizesFollowTheHierarchyInPrintToo() {
    let css = HTMLStyle.css
    let rules = css.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let rowRules = rules.filter { $0.hasPrefix("tr.initiative td") || $0.hasPrefix("tr.component td") || $0.hasPrefix("tr.imperative th") }
    #expect(!rowRules.contains { $0.contains("font-size") && $0.contains("px") }, "no absolute size on a row: \(rowRules)")
    #expect(rules.contains { $0.hasPrefix("tr.initiative td {") && $0.contains("font-size: 0.92em") })
    #expect(rules.contains { $0.hasPrefix("tr.component td {") && $0.contains("font-weight: 600") })
  }

  @Test func escapesEverythingAPersonTypes() {
    #expect(HTML.escape(#"<b> & "x" 'y' Ñandú"#) == "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; Ñandú")
    #expect(HTML.escape("a\u{0}b\u{7}c\td") == "abc\td", "control characters are dropped")
  }

  @Test func hostileNamesAreEscapedInTableTimelineAndCharts() {
    var p = TestPortfolios.single(progress: 40)
    p.name = "Programa <script>alert(1)</script> & \"más\""
    p.imperatives[0].name = "Imperativo <i>"
    p.components[0].name = "Compo & \"nente\" <svg onload=x>"
    p.initiatives[0].name = "Iniciativa 'con' <comillas>"
    let html = Self.html(p)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<svg onload"))
    #expect(!html.contains("<i>"))
    #expect(!html.contains("<comillas>"))
    #expect(html.contains("Programa &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;más&quot;"))
    #expect(html.contains("Compo &amp; &quot;nente&quot; &lt;svg onload=x&gt;"))
  }

  @Test func isOneSelfContainedDocument() throws {
    let html = Self.html(try Self.demo())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("@media print"))
    // The only URL is the SVG namespace name, which is never fetched.
    let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    for banned in ["http:", "https:", "//fonts", "<link", "<script", "src=", "@import", "url(http"] {
      #expect(!withoutNamespace.contains(banned), "no network resource: found \(banned)")
    }
    #expect(html.contains("<svg class=\"timeline\""))
    #expect(html.components(separatedBy: "<svg class=\"progress\"").count - 1 == 1 + 3 + 9, "portfolio, 3 imperatives with components, 9 components")
    #expect(html.contains(">Oc-Di 2011</text>"))
    #expect(html.contains("Fecha del reporte</strong> 30/06/2013") || html.contains("Fecha del reporte:</strong> 30/06/2013"))
    // Every state reads without colour: glyph and word.
    #expect(html.contains("<span class=\"glyph\" aria-hidden=\"true\">✗</span> Desviación mayor al 30%"))
    #expect(html.contains("<span class=\"swatch st-yellow\">▲</span> Desviación de hasta 30%"))
    #expect(html.contains("data-id=\"ACMI\" data-status=\"majorDeviation\""))
  }

  @Test func englishOnRequest() throws {
    let html = Self.html(try Self.demo(), language: .en)
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("Deviation over 30%"))
    #expect(html.contains(">Oc-De 2011</text>"))
  }

  @Test func givenHistoryTheActualCurveHasAPointPerChange() throws {
    var p = TestPortfolios.single(progress: 60, report: "2012-10-01")
    p.components[0].phases = PhasePlan(ranges: [.implementation: DateRange(start: p.components[0].start, end: p.components[0].end)])
    let history = ProgressHistory([
      .init(day: TestPortfolios.day("2012-03-01"), id: "C1-01", old: 0, new: 10),
      .init(day: TestPortfolios.day("2012-06-01"), id: "C1-01", old: 10, new: 35),
    ])
    let series = history.actualSeries(p)
    #expect(series["I1"] == [
      ProgressPoint(day: TestPortfolios.day("2012-03-01"), actual: 10), ProgressPoint(day: TestPortfolios.day("2012-06-01"), actual: 35),
    ])
    let html = Self.html(p, series: series)
    let chart = try #require(html.components(separatedBy: "<div class=\"chart\" data-id=\"I1\">").last)
    let points = chart.components(separatedBy: "</div>")[0]
    #expect(points.components(separatedBy: "class=\"actual-point\"").count - 1 == 3, "two changes and the report date")
    #expect(points.contains("<path class=\"actual\""))
    // Without history: a single point at the report date.
    let plain = Self.html(p).components(separatedBy: "<div class=\"chart\" data-id=\"I1\">").last?.components(separatedBy: "</div>")[0] ?? ""
    #expect(plain.components(separatedBy: "class=\"actual-point\"").count - 1 == 1)
    #expect(!plain.contains("<path class=\"actual\""))
  }

  @Test func historyLinesAreReadTolerantly() {
    let text = """
      {"at":"2012-03-01T10:00:00Z","user":"a@b","id":"X","field":"actualProgress","old":"0","new":"20"}
      not json
      {"at":"2012-05-01T10:00:00Z","user":"a@b","id":"X","field":"name","old":"a","new":"b"}
      {"at":"2012-06-01","id":"X","field":"actualProgress","old":20,"new":45.5}\r
      {"at":"2012-07-01","id":"Y","field":"actualProgress","old":"","new":"150"}
      """
    let h = ProgressHistory(jsonLines: text)
    #expect(h.days == [TestPortfolios.day("2012-03-01"), TestPortfolios.day("2012-06-01")])
    #expect(h.actual(of: "X", at: TestPortfolios.day("2012-01-01")) == 0, "before the first change: its old value")
    #expect(h.actual(of: "X", at: TestPortfolios.day("2012-04-01")) == 20)
    #expect(h.actual(of: "X", at: TestPortfolios.day("2013-01-01")) == 45.5)
    #expect(h.actual(of: "Y", at: TestPortfolios.day("2013-01-01")) == nil, "out-of-range values are ignored")
  }

  @Test func comparisonFindsStateChangesBothWays() throws {
    let p = try Self.demo()
    // Expected progress grows with time and actual is fixed: things only get worse.
    let c = StatusComparison(p, TestPortfolios.day("2013-06-30"), TestPortfolios.day("2012-03-01"))
    #expect(c.from == TestPortfolios.day("2012-03-01") && c.to == p.reportDate, "dates are put in order")
    let acmi = try #require(c.changes.first { $0.id == "ACMI" })
    #expect(acmi.kind == .component)
    #expect(acmi.before.level == .onTrack && acmi.after.level == .majorDeviation)
    #expect(acmi.direction == .worsened)
    #expect(acmi.before.actual == acmi.after.actual, "no history: the current actual at both dates")
    #expect(!c.changes.contains { $0.id == "IOS" }, "an imperative without components never changes")
    // With a past actual lower than today's, ACMI improves instead.
    let past = StatusComparison(p, TestPortfolios.day("2012-10-01"), p.reportDate) { _, _ in 0 }
    let acmiPast = try #require(past.entries.first { $0.id == "ACMI" })
    #expect(acmiPast.before.actual == 0)
    #expect(acmiPast.before.level == .majorDeviation)
    #expect(acmiPast.after.actual == acmi.after.actual, "the report date always uses the file's values")
    let improved = past.changes.filter { $0.direction == .improved }
    #expect(!improved.isEmpty)
  }

  @Test func directionWords() {
    #expect(StatusComparison.direction(.majorDeviation, .minorDeviation) == .improved)
    #expect(StatusComparison.direction(.onTrack, .majorDeviation) == .worsened)
    #expect(StatusComparison.direction(.notStarted, .onTrack) == .started)
    #expect(StatusComparison.direction(.onTrack, .notStarted) == .other)
    #expect(StatusComparison.direction(.onTrack, .onTrack) == .unchanged)
  }

  @Test func timeScaleStartsWithThePartialFirstYear() {
    let scale = HTMLTimeScale(
      from: TestPortfolios.day("2011-10-01"), to: TestPortfolios.day("2016-12-31"), x0: 100, x1: 800, language: .es)
    #expect(scale.blocks.map(\.label) == ["Oc-Di 2011", "2012", "2013", "2014", "2015", "2016"])
    #expect(scale.x(TestPortfolios.day("2011-10-01")) == 100)
    #expect(abs(scale.xEnd(TestPortfolios.day("2016-12-31")) - 800) < 0.001)
    #expect(scale.x(TestPortfolios.day("2013-01-01")) < scale.x(TestPortfolios.day("2013-07-01")))
  }
}
