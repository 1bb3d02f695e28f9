/// The HTML export (`tablero export --format html`): one self-contained document to e-mail
/// after a meeting. No network resource of any kind (inline CSS, inline SVG, system fonts, no
/// script); UTF-8; `lang` set; printable (A4 landscape, colours kept, and every state also a
/// glyph and a word, every phase also a pattern and a letter, so black-and-white prints read).
///
/// Contents: title, report date, tolerance, legend; Cuadro 9 (the dashboard rows given, then
/// the portfolio total); the items in red and why, each with its finish-date forecast; the
/// indicators (HTMLIndicators.swift); optionally the state changes of a comparison; Cuadro 8
/// as an SVG timeline. The detail adds a forecast column and projects each curve to 100%. With `detail` only (`--detail`): progress curves
/// of the portfolio, each imperative and each component (expected from `StatusEngine` at
/// monthly dates; actual from `actualSeries` when given, else the current value at the report
/// date as a single point). The summary is the default: a few pages a meeting reads.
public struct HTMLReport: Sendable {
  public var language: Language
  /// Known actual progress over time, keyed by imperative or component id
  /// (`ProgressHistory.portfolioKey` for the portfolio); see `ProgressHistory.actualSeries`.
  public var actualSeries: [String: [ProgressPoint]]
  public var comparison: StatusComparison?
  /// Adds the progress curves (the caller passes a dashboard with the initiatives).
  public var detail: Bool
  /// The change history the finish-date forecasts come from (docs/STATUS.md §10): shown in
  /// the detail's rows, beside each red item, and as a dotted projection on the curves.
  public var history: ProgressHistory

  public init(
    language: Language = .es, actualSeries: [String: [ProgressPoint]] = [:], comparison: StatusComparison? = nil,
    detail: Bool = false, history: ProgressHistory = ProgressHistory()
  ) {
    self.language = language
    self.history = history
    self.actualSeries = actualSeries
    self.comparison = comparison
    self.detail = detail
  }

  var l: Language { language }

  public func render(_ portfolio: Portfolio, status: PortfolioStatus, dashboard: Dashboard) -> String {
    let title = l.pick("Tablero de Control", "Control Dashboard") + " — " + portfolio.name
    var out = "<!DOCTYPE html>\n<html lang=\"\(l.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<meta name=\"generator\" content=\"Tablero\">\n"
    // Belt and braces: even if someone adds a link later, the browser fetches nothing.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
    out += "<title>\(HTML.escape(title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
    out += "<header>\n<h1>\(HTML.escape(title))</h1>\n"
    out += "<p class=\"meta\"><strong>\(l.pick("Fecha del reporte", "Report date")):</strong> \(portfolio.reportDate.display)"
      + " &nbsp; <strong>\(l.pick("Desviación aceptable", "Acceptable deviation")):</strong> \(Format.percent(portfolio.tolerance))</p>\n"
    let overall = status.portfolio
    out += "<p class=\"meta\"><strong>\(l.pick("Portafolio", "Portfolio")):</strong> "
      + HTML.escape(
        l.pick("esperado ", "expected ") + Format.percent(overall.expected) + l.pick(", real ", ", actual ")
          + Format.percent(overall.actual) + l.pick(", desviación ", ", deviation ") + Format.deviation(overall.deviation, tolerance: portfolio.tolerance))
      + " <span class=\"badge st-\(overall.level.colorName)\"><span aria-hidden=\"true\">\(overall.level.glyph)</span> "
      + "\(HTML.escape(overall.level.label(l, tolerance: portfolio.tolerance)))</span></p>\n"
    out += legend(portfolio, status: status) + "</header>\n"

    out += "<section class=\"cuadro9\">\n<h2>\(l.pick("Cuadro 9. Tablero de Control", "Table 9. Control dashboard"))</h2>\n"
    let board = ForecastBoard(portfolio: portfolio, status: status, history: history)
    out += table(portfolio, rows: dashboard.rows, total: status.portfolio, forecasts: detail ? board : nil) + "</section>\n"
    out += redItems(portfolio, status: status, board: board)
    out += indicators(portfolio)

    if let comparison { out += comparisonSection(comparison, tolerance: portfolio.tolerance) }

    // Heading and chart in one block, so a page never ends on the heading alone.
    out += "<section class=\"timeline keep\">\n<h2>\(l.pick("Cuadro 8. Plan Maestro de Ejecución", "Table 8. Master execution plan"))</h2>\n"
    out += "<figure>\n" + timeline(portfolio) + "<figcaption>\n" + timelineKey(withUnphased: portfolio.components.contains { $0.phases.isEmpty }) + "</figcaption>\n</figure>\n</section>\n"

    if detail { out += curves(portfolio, status: status, board: board) }
    out += "<footer>\(HTML.escape(l.pick("Generado por Tablero. ", "Generated by Tablero. ") + notes))</footer>\n"
    out += "</body>\n</html>\n"
    return out
  }

  var notes: String {
    let expected = l.pick(
      "Avance esperado: lineal en el tiempo entre inicio y fin de cada iniciativa, agregado por ponderación (calculado mes a mes). ",
      "Expected progress: linear in time between each initiative's start and end, rolled up by weight (computed month by month). ")
    let actual =
      actualSeries.isEmpty
      ? l.pick("Avance real: solo se conoce el de la fecha del reporte.", "Actual progress: only the value at the report date is known.")
      : l.pick("Avance real: según el historial de cambios.", "Actual progress: from the change history.")
    return expected + actual
  }

  func comparisonSection(_ c: StatusComparison, tolerance: Double) -> String {
    var out = "<section class=\"comparison\">\n<h2>\(HTML.escape(c.title(l)))</h2>\n"
    out += "<p class=\"note\">\(HTML.escape(c.basis(l)))</p>\n<p>\(HTML.escape(c.summary(l)))</p>\n"
    let changes = c.changes
    guard !changes.isEmpty else { return out + "</section>\n" }
    let a = c.from.display
    let b = c.to.display
    let headers = [
      l.pick("Elemento", "Item"), l.pick("Esperado ", "Expected ") + a, l.pick("Real ", "Actual ") + a,
      l.pick("Estado ", "Status ") + a, l.pick("Esperado ", "Expected ") + b, l.pick("Real ", "Actual ") + b,
      l.pick("Estado ", "Status ") + b, l.pick("Cambio", "Change"),
    ]
    out += "<table class=\"changes\">\n<thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
      + "</tr></thead>\n<tbody>\n"
    for e in changes {
      out += "<tr class=\"\(e.kind.rawValue) row-\(e.after.level.colorName)\" data-id=\"\(HTML.escape(e.id))\">"
      out += "<td class=\"name\">\(HTML.escape(c.kindLabel(e.kind, l))): <span class=\"id\">\(HTML.escape(e.id))</span> \(HTML.escape(e.name))</td>"
      out += "<td class=\"num\">\(Format.percent(e.before.expected))</td><td class=\"num\">\(Format.percent(e.before.actual))</td>"
      out += Self.stateCell(e.before.level, l, tolerance: tolerance)
      out += "<td class=\"num\">\(Format.percent(e.after.expected))</td><td class=\"num\">\(Format.percent(e.after.actual))</td>"
      out += Self.stateCell(e.after.level, l, tolerance: tolerance)
      out += "<td class=\"state\">\(HTML.escape(e.direction.label(l)))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  /// Days at which the expected curves are sampled: the first of every month over the
  /// portfolio's span, plus every item's start and end and the report date.
  func sampleDays(_ portfolio: Portfolio, status: PortfolioStatus) -> [Day] {
    var days = Set<Day>([portfolio.reportDate])
    let bounds = status.components.flatMap { [$0.start, $0.end] } + status.imperatives.flatMap { [$0.start, $0.end] }
    for case let d? in bounds { days.insert(d) }
    guard let first = days.min(), let last = days.max() else { return [] }
    var c = first.components
    var count = 0
    while let d = Day(year: c.year, month: c.month, day: 1), d <= last, count < 1200 {
      if d >= first { days.insert(d) }
      c.month += 1
      if c.month == 13 { c.month = 1; c.year += 1 }
      count += 1
    }
    return days.sorted()
  }

  func curves(_ portfolio: Portfolio, status: PortfolioStatus, board: ForecastBoard) -> String {
    let days = sampleDays(portfolio, status: status)
    let engine = StatusEngine()
    var imperativeExpected = Array(repeating: [ProgressPoint](), count: portfolio.imperatives.count)
    var componentExpected = Array(repeating: [ProgressPoint](), count: portfolio.components.count)
    var portfolioExpected: [ProgressPoint] = []
    for day in days {
      let s = engine.evaluate(portfolio, at: day)
      for (i, item) in s.imperatives.enumerated() { if let e = item.expected { imperativeExpected[i].append(ProgressPoint(day: day, actual: e)) } }
      for (i, item) in s.components.enumerated() { if let e = item.expected { componentExpected[i].append(ProgressPoint(day: day, actual: e)) } }
      if let e = s.portfolio.expected { portfolioExpected.append(ProgressPoint(day: day, actual: e)) }
    }
    let tolerance = portfolio.tolerance
    let report = portfolio.reportDate
    // The headings and the key travel together and stay with the first row of charts.
    var out = "<section class=\"curves\">\n<div class=\"keep heading-group\">\n<h2>\(l.pick("Avance en el tiempo", "Progress over time"))</h2>\n"
    out += chartKey(hasHistory: !actualSeries.isEmpty)
    out += "<h3>\(l.pick("Portafolio e imperativos", "Portfolio and imperatives"))</h3>\n</div>\n<div class=\"charts\">\n"
    out += chart(
      ChartItem(
        key: ProgressHistory.portfolioKey, title: l.pick("Portafolio", "Portfolio") + ": " + portfolio.name,
        status: status.portfolio, expected: portfolioExpected, actual: actualSeries[ProgressHistory.portfolioKey] ?? []),
      reportDate: report, tolerance: tolerance)
    var empty: [String] = []
    for (i, imp) in portfolio.imperatives.enumerated() {
      guard status.imperatives[i].level != .noComponents else {
        empty.append(imp.id + " " + imp.name)
        continue
      }
      out += chart(
        ChartItem(
          key: imp.id, title: "\(imp.id) \(imp.name)", status: status.imperatives[i], expected: imperativeExpected[i],
          actual: actualSeries[imp.id] ?? [], forecast: board.imperative(i)), reportDate: report, tolerance: tolerance)
    }
    out += "</div>\n"
    if !empty.isEmpty {
      out += "<p class=\"note\">\(HTML.escape(l.pick("Sin componentes (sin curva): ", "No components (no curve): ") + empty.joined(separator: "; ")))</p>\n"
    }
    if !portfolio.components.isEmpty {
      out += "<h3>\(l.pick("Componentes", "Components"))</h3>\n<div class=\"charts\">\n"
      for (c, component) in portfolio.components.enumerated() {
        out += chart(
          ChartItem(
            key: component.id, title: "\(component.id) \(component.name)", status: status.components[c],
            expected: componentExpected[c], actual: actualSeries[component.id] ?? [], forecast: board.component(c)), reportDate: report, tolerance: tolerance)
      }
      out += "</div>\n"
    }
    return out + "</section>\n"
  }
}
