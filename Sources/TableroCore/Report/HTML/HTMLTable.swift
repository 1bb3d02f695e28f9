/// Cuadro 9 as an HTML table: imperative → components (→ initiatives) → subtotal, then the
/// portfolio total; the state cell in its colour with glyph and word.
extension HTMLReport {
  func legend(_ portfolio: Portfolio, status: PortfolioStatus) -> String {
    var levels: [StatusLevel] = [.onTrack, .minorDeviation, .majorDeviation, .notStarted]
    if status.imperatives.contains(where: { $0.level == .noComponents }) { levels.append(.noComponents) }
    var out = "<ul class=\"legend\" aria-label=\"\(l.pick("Leyenda", "Legend"))\">\n"
    for level in levels {
      out += "<li><span class=\"swatch st-\(level.colorName)\">\(level.glyph)</span> "
        + HTML.escape(level.label(l, tolerance: portfolio.tolerance)) + "</li>\n"
    }
    return out + "</ul>\n"
  }

  static func stateCell(_ level: StatusLevel, _ language: Language, tolerance: Double) -> String {
    "<td class=\"state st-\(level.colorName)\"><span class=\"glyph\" aria-hidden=\"true\">\(level.glyph)</span> "
      + HTML.escape(level.label(language, tolerance: tolerance)) + "</td>"
  }

  /// With `forecasts` (the detail) a last column gives each row's finish-date forecast.
  func table(_ portfolio: Portfolio, rows: [DashboardRow], total: ItemStatus? = nil, forecasts board: ForecastBoard? = nil) -> String {
    let headers = [
      l.pick("Elemento", "Item"), l.pick("Fecha inicial", "Start"), l.pick("Fecha esperada de terminación", "Expected end"),
      l.pick("Avance esperado", "Expected progress"), l.pick("Avance real", "Actual progress"),
      l.pick("Ponderación", "Weight"), l.pick("Desviación", "Deviation"), l.pick("Estado", "Status"),
    ] + (board == nil ? [] : [l.pick("Pronóstico", "Forecast")])
    var initiativeIndex: [String: Int] = [:]
    if board != nil {
      for (i, x) in portfolio.initiatives.enumerated() where initiativeIndex[x.id] == nil { initiativeIndex[x.id] = i }
    }
    func forecastCell(_ row: DashboardRow) -> String {
      guard let board else { return "" }
      let f: Forecast?
      switch row.kind {
      case .imperative: f = nil
      case .component: f = portfolio.componentIndex(row.id).flatMap(board.component)
      case .initiative: f = initiativeIndex[row.id].flatMap(board.initiative)
      case .subtotal: f = portfolio.imperativeIndex(row.id).flatMap(board.imperative)
      }
      return cell(f)
    }
    // The short cell keeps the rows one line tall in print (the full sentence as a 16-page
    // detail became 28); the sentence itself is the tooltip and stands beside red items.
    func cell(_ f: Forecast?) -> String {
      guard let f else { return "<td class=\"forecast\"></td>" }
      return "<td class=\"forecast\" title=\"\(HTML.escape(f.sentence(l) + (f.decidedBy == nil ? "" : " (" + f.methodText(l) + ")")))\">\(HTML.escape(f.cell(l)))</td>"
    }
    var out = "<table class=\"cuadro9\">\n<thead><tr>"
    out += headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for row in rows {
      let s = row.status
      let kind: String
      switch row.kind {
      case .imperative:
        out += "<tr class=\"imperative\" data-id=\"\(HTML.escape(row.id))\"><th colspan=\"\(headers.count)\" scope=\"rowgroup\">"
          + "<span class=\"id\">\(HTML.escape(row.id))</span> \(HTML.escape(row.name))</th></tr>\n"
        continue
      case .component: kind = "component"
      case .initiative: kind = "initiative"
      case .subtotal: kind = "subtotal"
      }
      let name: String
      switch row.kind {
      case .subtotal: name = HTML.escape(l.pick("Subtotal ", "Subtotal ") + row.name)
      default: name = "<span class=\"id\">\(HTML.escape(row.id))</span> \(HTML.escape(row.name))"
      }
      out += "<tr class=\"\(kind) row-\(s.level.colorName)\" data-id=\"\(HTML.escape(row.id))\" data-status=\"\(s.level.rawValue)\">"
      out += "<td class=\"name\">\(name)</td>"
      out += "<td class=\"date\">\(Format.date(s.start))</td><td class=\"date\">\(Format.date(s.end))</td>"
      out += "<td class=\"num\">\(Format.percent(s.expected))</td><td class=\"num\">\(Format.percent(s.actual))</td>"
      out += "<td class=\"num\">\(Format.percent(row.weight))</td>"
      out += "<td class=\"num st-\(s.level.colorName)\">\(Format.deviation(s.deviation, tolerance: portfolio.tolerance))</td>"
      out += Self.stateCell(s.level, l, tolerance: portfolio.tolerance) + forecastCell(row) + "</tr>\n"
    }
    out += "</tbody>\n"
    if let t = total {
      // The whole portfolio weighs 100% of itself. A tbody, not a tfoot: print repeats tfoots.
      out += "<tbody class=\"total\"><tr class=\"total row-\(t.level.colorName)\" data-id=\"\(ProgressHistory.portfolioKey)\" data-status=\"\(t.level.rawValue)\">"
      out += "<td class=\"name\">\(l.pick("Total del portafolio", "Portfolio total"))</td>"
      out += "<td class=\"date\">\(Format.date(t.start))</td><td class=\"date\">\(Format.date(t.end))</td>"
      out += "<td class=\"num\">\(Format.percent(t.expected))</td><td class=\"num\">\(Format.percent(t.actual))</td>"
      out += "<td class=\"num\">100.0%</td>"
      out += "<td class=\"num st-\(t.level.colorName)\">\(Format.deviation(t.deviation, tolerance: portfolio.tolerance))</td>"
      out += Self.stateCell(t.level, l, tolerance: portfolio.tolerance) + (board.map { cell($0.portfolioForecast()) } ?? "") + "</tr></tbody>\n"
    }
    return out + "</table>\n"
  }
}
