import TableroJSON

/// Renders Cuadro 9 rows as text, Markdown, CSV or JSON.
public struct ReportFormatter: Sendable {
  public var language: Language
  /// ANSI colour in text output (only on a terminal, never with NO_COLOR: the caller decides).
  public var useColor: Bool
  /// With `report --detail`: the finish-date forecast per row (key `forecastKey`), shown as an
  /// extra last column in text, Markdown and CSV. It never changes a status.
  public var forecasts: [String: Forecast]?
  /// With `--detail`: the HTML document adds the progress curves (see `HTMLReport.detail`).
  public var detail = false
  /// The change history the HTML document's forecasts come from (see `HTMLReport.history`).
  public var history = ProgressHistory()

  public init(language: Language = .es, useColor: Bool = false) {
    self.language = language
    self.useColor = useColor
  }

  public func render(_ portfolio: Portfolio, status: PortfolioStatus, dashboard: Dashboard, as format: ReportFormat) -> String {
    render(portfolio, status: status, dashboard: dashboard, as: format, comparison: nil)
  }

  /// The report, followed by the state changes of `comparison` when given (see
  /// Comparison+Format.swift); `actualSeries` feeds the HTML progress curves (keys: item ids).
  public func render(
    _ portfolio: Portfolio, status: PortfolioStatus, dashboard: Dashboard, as format: ReportFormat,
    comparison: StatusComparison?, actualSeries: [String: [ProgressPoint]] = [:]
  ) -> String {
    var whole = ""
    write(portfolio, status: status, dashboard: dashboard, as: format, comparison: comparison, actualSeries: actualSeries) {
      whole += $0
    }
    return whole
  }

  /// `render`, handed to `output` in pieces as it is made, so a 100 000-row report is never held
  /// whole (nor twice, as bytes and as text). Text goes line by line and JSON about 64 KB at a
  /// time, each piece ending at a line or row boundary (never inside a character or a CR LF),
  /// so a filter applied piece by piece (TerminalText) gives what it gives on the whole.
  public func write(
    _ portfolio: Portfolio, status: PortfolioStatus, dashboard: Dashboard, as format: ReportFormat,
    comparison: StatusComparison?, actualSeries: [String: [ProgressPoint]] = [:], to output: (String) -> Void
  ) {
    switch format {
    case .text:
      writeText(portfolio, status: status, rows: dashboard.rows, to: output)
      if let comparison { output("\n" + comparisonText(comparison, tolerance: portfolio.tolerance)) }
    case .json:
      let extra = comparison.map { comparisonJSON($0, tolerance: portfolio.tolerance) }
      writeJSON(portfolio, status: status, rows: dashboard.rows, comparison: extra) {
        output(String(decoding: $0, as: UTF8.self))
      }
    default:
      output(renderWhole(portfolio, status: status, dashboard: dashboard, as: format, comparison: comparison, actualSeries: actualSeries))
    }
  }

  private func renderWhole(
    _ portfolio: Portfolio, status: PortfolioStatus, dashboard: Dashboard, as format: ReportFormat,
    comparison: StatusComparison?, actualSeries: [String: [ProgressPoint]]
  ) -> String {
    switch format {
    case .text:
      let report = text(portfolio, status: status, rows: dashboard.rows)
      guard let comparison else { return report }
      return report + "\n" + comparisonText(comparison, tolerance: portfolio.tolerance)
    case .markdown:
      let report = markdown(portfolio, status: status, rows: dashboard.rows)
      guard let comparison else { return report }
      return report + "\n" + comparisonMarkdown(comparison, tolerance: portfolio.tolerance)
    case .csv:
      let report = csv(dashboard.rows, total: status.portfolio, name: portfolio.name, tolerance: portfolio.tolerance)
      guard let comparison else { return report }
      return report + "\r\n" + comparisonCSV(comparison, tolerance: portfolio.tolerance)
    case .json:
      let extra = comparison.map { comparisonJSON($0, tolerance: portfolio.tolerance) }
      return String(decoding: jsonBytes(portfolio, status: status, rows: dashboard.rows, comparison: extra), as: UTF8.self)
    case .html:
      return HTMLReport(language: language, actualSeries: actualSeries, comparison: comparison, detail: detail, history: history)
        .render(portfolio, status: status, dashboard: dashboard)
    }
  }

  var l: Language { language }

  var headers: [String] {
    [
      l.pick("Elemento", "Item"), l.pick("Fecha inicial", "Start"), l.pick("Fecha esperada", "Expected end"),
      l.pick("Esperado", "Expected"), l.pick("Real", "Actual"), l.pick("Ponderación", "Weight"),
      l.pick("Desviación", "Deviation"), l.pick("Estado", "Status"),
    ] + (forecasts == nil ? [] : [l.pick("Pronóstico", "Forecast")])
  }

  /// The key of the portfolio's own forecast (the total row), by the rule for parents.
  public static let portfolioForecastKey = "portafolio"

  /// The total row's forecast cell: empty without `--detail`, "" when there is no forecast.
  var totalForecastCell: [String] {
    guard let forecasts else { return [] }
    return [forecasts[Self.portfolioForecastKey]?.cell(l) ?? ""]
  }

  /// "componente:ACMI", "iniciativa:ACMI-04", "subtotal:OAM".
  public static func forecastKey(_ row: DashboardRow) -> String {
    switch row.kind {
    case .imperative: "imperativo:" + row.id
    case .component: "componente:" + row.id
    case .initiative: "iniciativa:" + row.id
    case .subtotal: "subtotal:" + row.id
    }
  }

  func forecastCell(_ row: DashboardRow) -> [String] {
    guard let forecasts else { return [] }
    return [forecasts[Self.forecastKey(row)]?.cell(l) ?? ""]
  }

  /// The row's name as one line with no control characters (TerminalText).
  func label(_ row: DashboardRow) -> String { TerminalText.singleLine(rawLabel(row)) }

  func rawLabel(_ row: DashboardRow) -> String {
    switch row.kind {
    case .imperative: return row.name
    case .component: return "  \(row.id) \(row.name)"
    case .initiative: return "    \(row.id) \(row.name)"
    case .subtotal: return "  " + l.pick("Subtotal ", "Subtotal ") + row.name
    }
  }

  func cells(_ row: DashboardRow, tolerance: Double) -> [String] {
    let s = row.status
    let statusText: String = row.kind == .imperative ? "" : "\(s.level.glyph) \(s.level.label(l, tolerance: tolerance))"
    if row.kind == .imperative { return [label(row), "", "", "", "", "", "", ""] + forecastCell(row) }
    return [
      label(row), Format.date(s.start), Format.date(s.end), Format.percent(s.expected), Format.percent(s.actual),
      Format.percent(row.weight), Format.deviation(s.deviation, tolerance: tolerance), statusText,
    ] + forecastCell(row)
  }

  func title(_ portfolio: Portfolio) -> [String] {
    [
      l.pick("Tablero de Control", "Control Dashboard") + " — " + TerminalText.singleLine(portfolio.name),
      l.pick("Fecha del reporte ", "Report date ") + portfolio.reportDate.display + "   "
        + l.pick("Desviación aceptable ", "Acceptable deviation ") + Format.percent(portfolio.tolerance),
      [StatusLevel.onTrack, .minorDeviation, .majorDeviation, .notStarted]
        .map { "\($0.glyph) \($0.label(l, tolerance: portfolio.tolerance))" }.joined(separator: "   "),
    ]
  }

  // MARK: Text

  static let ansiReset = "\u{1B}[0m"
  static func ansi(_ level: StatusLevel) -> String {
    switch level {
    case .onTrack: "\u{1B}[32m"
    case .minorDeviation: "\u{1B}[33m"
    case .majorDeviation: "\u{1B}[31m"
    case .notStarted, .noComponents: ""
    }
  }

  func text(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow]) -> String {
    var whole = ""
    writeText(portfolio, status: status, rows: rows) { whole += $0 }
    return whole
  }

  /// The text report, one line (with its `\n`) at a time.
  func writeText(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow], to output: (String) -> Void) {
    let nameWidth = min(60, max(20, rows.map { label($0).count }.max() ?? 20))
    var widths = headers.map(\.count)
    widths[0] = nameWidth
    for row in rows {
      for (i, cell) in cells(row, tolerance: portfolio.tolerance).enumerated() where i > 0 {
        widths[i] = max(widths[i], cell.count)
      }
    }
    func line(_ fields: [String]) -> String {
      var out = ""
      for (i, field) in fields.enumerated() {
        let cut = field.count > widths[i] ? String(field.prefix(widths[i] - 1)) + "…" : field
        let pad = String(repeating: " ", count: max(0, widths[i] - cut.count))
        let aligned = (1...6).contains(i) ? pad + cut : cut + pad
        out += (i == 0 ? "" : "  ") + aligned
      }
      return out.trimmingTrailingSpaces()
    }
    for heading in title(portfolio) + [""] { output(heading + "\n") }
    output(line(headers) + "\n")
    output(String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n")
    for row in rows {
      var text = line(cells(row, tolerance: portfolio.tolerance))
      if useColor, row.kind != .imperative {
        let code = Self.ansi(row.status.level)
        if !code.isEmpty { text = code + text + Self.ansiReset }
      }
      if useColor, row.kind == .imperative || row.kind == .subtotal { text = "\u{1B}[1m" + text + Self.ansiReset }
      output(text + "\n")
    }
    let overall = status.portfolio
    output("\n")
    output(
      l.pick("Portafolio: esperado ", "Portfolio: expected ") + Format.percent(overall.expected)
        + l.pick(", real ", ", actual ") + Format.percent(overall.actual)
        + l.pick(", desviación ", ", deviation ") + Format.deviation(overall.deviation, tolerance: portfolio.tolerance)
        + " — \(overall.level.glyph) \(overall.level.label(l, tolerance: portfolio.tolerance))\n")
    if let f = forecasts?[Self.portfolioForecastKey] {
      output(l.pick("Pronóstico del portafolio: ", "Portfolio forecast: ") + f.sentence(l) + " (" + f.methodText(l) + ")\n")
    }
  }

  // MARK: Markdown

  func markdown(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow]) -> String {
    let t = title(portfolio)
    var out = ["# \(t[0])", "", t[1], "", t[2], ""]
    out.append("| " + headers.joined(separator: " | ") + " |")
    out.append("|" + headers.indices.map { $0 == 0 || $0 >= 7 ? "---" : "---:" }.joined(separator: "|") + "|")
    for row in rows {
      var fields = cells(row, tolerance: portfolio.tolerance).map {
        $0.trimmingSpaces().replacingOccurrences(of: "|", with: "\\|")
      }
      if row.kind == .imperative || row.kind == .subtotal { fields[0] = "**\(fields[0])**" }
      if row.kind == .initiative { fields[0] = "  ↳ " + fields[0] }
      out.append("| " + fields.joined(separator: " | ") + " |")
    }
    out.append("| " + totalCells(status.portfolio, tolerance: portfolio.tolerance).enumerated().map { i, cell in
      i == 0 || i == 7 ? "**\(cell)**" : cell
    }.joined(separator: " | ") + " |")
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: CSV

  /// The portfolio total as a row of the table (weight: all of it).
  func totalCells(_ s: ItemStatus, tolerance: Double) -> [String] {
    [
      l.pick("Total del portafolio", "Portfolio total"), Format.date(s.start), Format.date(s.end),
      Format.percent(s.expected), Format.percent(s.actual), "100.0%", Format.deviation(s.deviation, tolerance: tolerance),
      "\(s.level.glyph) \(s.level.label(l, tolerance: tolerance))",
    ] + totalForecastCell
  }

  func csv(_ rows: [DashboardRow], total: ItemStatus, name: String, tolerance: Double) -> String {
    let header = [
      "tipo", "imperativo", "id", "nombre", "fecha_inicial", "fecha_esperada", "avance_esperado", "avance_real",
      "ponderacion", "desviacion", "estado",
    ] + (forecasts == nil ? [] : ["pronostico"])
    var lines = [header.joined(separator: ",")]
    for row in rows where row.kind != .imperative {
      let s = row.status
      let kind: String
      switch row.kind {
      case .component: kind = "componente"
      case .initiative: kind = "iniciativa"
      case .subtotal: kind = "subtotal"
      case .imperative: kind = "imperativo"
      }
      let fields = [
        kind, row.imperativeID, row.id, row.name, Format.date(s.start), Format.date(s.end),
        s.expected.map(Format.oneDecimal) ?? "", s.actual.map(Format.oneDecimal) ?? "",
        row.weight.map(Format.oneDecimal) ?? "", s.deviation.map { Format.deviationNumber($0, tolerance: tolerance) } ?? "",
        s.level.label(l, tolerance: tolerance),
      ] + forecastCell(row)
      lines.append(fields.map(InitiativeCSV.quote).joined(separator: ","))
    }
    let total = [
      "portafolio", "", "", name, Format.date(total.start), Format.date(total.end),
      total.expected.map(Format.oneDecimal) ?? "", total.actual.map(Format.oneDecimal) ?? "", "100",
      total.deviation.map { Format.deviationNumber($0, tolerance: tolerance) } ?? "", total.level.label(l, tolerance: tolerance),
    ] + totalForecastCell
    lines.append(total.map(InitiativeCSV.quote).joined(separator: ","))
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  // MARK: JSON

  func json(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow]) -> String {
    JSONWriter.write(.object(jsonRoot(portfolio, status: status, rows: rows)))
  }

  static func jsonNumber(_ value: Double?) -> JSONValue {
    guard let value, let n = JSONNumber((value * 10).rounded() / 10) else { return .null }
    return .number(n)
  }

  func jsonItem(_ s: ItemStatus, tolerance: Double) -> [(key: String, value: JSONValue)] {
    let number = Self.jsonNumber
    return [
      ("start", s.start.map { .string($0.iso) } ?? .null), ("end", s.end.map { .string($0.iso) } ?? .null),
      ("expected", number(s.expected)), ("actual", number(s.actual)), ("deviation", number(s.deviation)),
      ("status", .string(s.level.rawValue)), ("statusLabel", .string(s.level.label(l, tolerance: tolerance))),
    ]
  }

  func jsonRoot(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow]) -> JSONObject {
    let number = Self.jsonNumber
    func item(_ s: ItemStatus) -> [(key: String, value: JSONValue)] { jsonItem(s, tolerance: portfolio.tolerance) }
    let items: [JSONValue] = rows.filter { $0.kind != .imperative }.map { jsonRow($0, tolerance: portfolio.tolerance) }
    let root = JSONObject([
      ("name", .string(portfolio.name)), ("reportDate", .string(portfolio.reportDate.iso)),
      ("tolerance", number(portfolio.tolerance)), ("portfolio", .object(JSONObject(item(status.portfolio) + forecastJSON(key: Self.portfolioForecastKey)))),
      ("rows", .array(items)),
    ])
    return root
  }

  func jsonRow(_ row: DashboardRow, tolerance: Double) -> JSONValue {
    let kind: String
    switch row.kind {
    case .component: kind = "component"
    case .initiative: kind = "initiative"
    case .subtotal, .imperative: kind = "subtotal"
    }
    return .object(JSONObject([
      ("kind", .string(kind)), ("imperative", .string(row.imperativeID)), ("id", .string(row.id)),
      ("name", .string(row.name)), ("weight", Self.jsonNumber(row.weight)),
    ] + jsonItem(row.status, tolerance: tolerance) + forecastJSON(row)))
  }

  /// With `report --detail`: `"forecast"` (docs/STATUS.md §10), null for a row without one.
  func forecastJSON(_ row: DashboardRow) -> [(key: String, value: JSONValue)] {
    forecastJSON(key: Self.forecastKey(row))
  }

  func forecastJSON(key: String) -> [(key: String, value: JSONValue)] {
    guard let forecasts else { return [] }
    guard let f = forecasts[key] else { return [("forecast", .null)] }
    let outcome: String
    switch f.outcome {
    case .finishes: outcome = "finishes"
    case .finished: outcome = "finished"
    case .noRecentProgress: outcome = "noRecentProgress"
    case .tooSlow: outcome = "tooSlow"
    }
    let method: JSONValue
    switch f.method {
    case .recentTrend(let n)?: method = .string("recentTrend:\(n)")
    case .averagePace?: method = .string("averagePace")
    case nil: method = .null
    }
    return [("forecast", .object(JSONObject([
      ("outcome", .string(outcome)), ("finish", f.finishDay.map { .string($0.iso) } ?? .null),
      ("plannedEnd", .string(f.plannedEnd.iso)),
      ("delayDays", f.delayDays.map { .number(JSONNumber($0)) } ?? .null),
      ("method", method), ("decidedBy", f.decidedBy.map { .string($0) } ?? .null), ("text", .string(f.sentence(l))),
    ])))]
  }

  /// The same bytes as `JSONWriter.bytes` of `jsonRoot` (plus `comparison`), written row by row:
  /// at 100k the whole tree of rows (≈ 100 MB) is never built, so `report --detail --format
  /// json` peaks near the size of its output instead.
  func jsonBytes(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow], comparison: JSONValue? = nil)
    -> [UInt8]
  {
    var whole: [UInt8] = []
    whole.reserveCapacity(4096 + rows.count * 400)
    writeJSON(portfolio, status: status, rows: rows, comparison: comparison) { whole += $0 }
    return whole
  }

  /// `jsonBytes` in pieces of about 64 KB, each ending after a row (the last with the final newline).
  func writeJSON(
    _ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow], comparison: JSONValue? = nil,
    to output: ([UInt8]) -> Void
  ) {
    let pieceSize = 1 << 16
    var w = JSONStreamWriter(reservingCapacity: pieceSize + 4096)
    w.beginObject()
    w.key("name")
    w.string(portfolio.name)
    w.key("reportDate")
    w.string(portfolio.reportDate.iso)
    w.key("tolerance")
    w.value(Self.jsonNumber(portfolio.tolerance))
    w.key("portfolio")
    w.value(.object(JSONObject(jsonItem(status.portfolio, tolerance: portfolio.tolerance) + forecastJSON(key: Self.portfolioForecastKey))))
    w.key("rows")
    w.beginArray()
    for row in rows where row.kind != .imperative {
      w.value(jsonRow(row, tolerance: portfolio.tolerance))
      if w.count >= pieceSize { w.flush(to: output) }
    }
    w.endArray()
    if let comparison {
      w.key("comparison")
      w.value(comparison)
    }
    w.endObject()
    output(w.finish())
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
