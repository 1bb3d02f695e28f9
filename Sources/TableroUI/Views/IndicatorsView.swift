import TableroCore

/// Indicadores: per imperative (or component), each indicator with unit, baseline, goal,
/// latest value, status (glyph, colour, word) and a small chart of its series.
enum IndicatorsView {
  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    let p = state.portfolio
    var title = l.pick("Indicadores", "Indicators") + " · " + l.pick("fecha del reporte ", "report date ") + p.reportDate.display
    if state.indicatorsView.filter != .all { title += " · " + state.indicatorFilterText(state.indicatorsView.filter) }
    screen.write(title.padded(toWidth: area.width), x: area.x, y: area.y, style: theme.header, maxWidth: area.width)
    let rows = state.indicatorRows
    if rows.isEmpty {
      let text = p.indicators.isEmpty
        ? l.pick("Este portafolio no tiene indicadores (docs/FORMAT.md, «indicators»; tablero indicador medir).", "This portfolio has no indicators (docs/FORMAT.md, \"indicators\").")
        : l.pick("Ningún indicador con el filtro; F lo quita.", "No indicator matches the filter; F clears it.")
      screen.write(text, x: area.x + 1, y: area.y + 2, style: theme.dim, maxWidth: area.width - 2)
      return
    }
    // Columns: glyph · id name · unit · base · meta · último · estado · chart.
    let chartWidth = area.width >= 110 ? 16 : area.width >= 96 ? 10 : 0
    let numberWidth = 9
    let statusWidth = area.width >= 100 ? 24 : 10
    let unitWidth = area.width >= 100 ? 12 : 0
    let fixed = 2 + unitWidth + 3 * (numberWidth + 1) + statusWidth + 1 + (chartWidth > 0 ? chartWidth + 1 : 0)
    let nameWidth = max(12, area.width - fixed)
    var y = area.y + 1
    var x = area.x + 2
    for (text, w) in [(l.pick("Indicador", "Indicator"), nameWidth), (l.pick("Unidad", "Unit"), unitWidth), (l.pick("Base", "Baseline"), numberWidth),
                      (l.pick("Meta", "Goal"), numberWidth), (l.pick("Último", "Latest"), numberWidth), (l.pick("Estado", "Status"), statusWidth),
                      (l.pick("Serie", "Series"), chartWidth)] where w > 0 {
      screen.write(text.padded(toWidth: w), x: x, y: y, style: theme.dim, maxWidth: w)
      x += w + 1
    }
    y += 1
    let cursor = state.indicatorsView.cursor
    // The first row on screen always gets its owner's heading, even when scrolled.
    var lastOwner: String?
    for (n, i) in rows.enumerated().dropFirst(cursor.offset) {
      guard y < area.maxY else { break }
      let ind = p.indicators[i]
      if ind.ownerID != lastOwner {
        lastOwner = ind.ownerID
        let ownerName = p.imperativeIndex(ind.ownerID).map { p.imperatives[$0].name } ?? p.component(ind.ownerID)?.name ?? ""
        let red = state.redIndicators[ind.ownerID] ?? 0
        var heading = "\(ind.ownerID) \(ownerName)"
        if red > 0 { heading += " · " + theme.glyph(.majorDeviation) + " " + l.pick(red == 1 ? "1 en rojo" : "\(red) en rojo", "\(red) red") }
        screen.write(heading, x: area.x, y: y, style: theme.groupRow, maxWidth: area.width)
        y += 1
        guard y < area.maxY else { break }
      }
      let s = state.indicatorStatus.indices.contains(i) ? state.indicatorStatus[i] : IndicatorEvaluator.evaluate(ind, at: p.reportDate, tolerance: p.tolerance)
      let style = theme.status(s.level)
      var x = area.x
      x += screen.write((theme.useUnicode ? s.glyph : s.asciiGlyph) + " ", x: x, y: y, style: style)
      func cell(_ text: String, _ w: Int, _ st: CellStyle = .plain, right: Bool = false) {
        guard w > 0 else { return }
        screen.write(text.truncated(toWidth: w, ellipsis: "…").padded(toWidth: w, alignment: right ? .right : .left), x: x, y: y, style: st, maxWidth: w)
        x += w + 1
      }
      cell("\(ind.id) \(ind.name)", nameWidth)
      cell(ind.unit, unitWidth, theme.dim)
      cell(ind.baseline.map { $0.value.map(Format.measure) ?? $0.reason } ?? "–", numberWidth, right: true)
      cell(ind.finalGoal.map { $0.value.map(Format.measure) ?? $0.reason } ?? "–", numberWidth, right: true)
      cell(s.latest?.value.map(Format.measure) ?? s.lastRecord?.reason ?? "–", numberWidth, right: true)
      cell(statusWidth >= 20 ? s.label(l, tolerance: p.tolerance) : s.shortLabel(l), statusWidth, style)
      if chartWidth > 0 {
        for point in IndicatorSparkline.points(ind, tolerance: p.tolerance, width: chartWidth, unicode: theme.useUnicode) {
          x += screen.write(String(point.character), x: x, y: y, style: point.level.map { theme.status($0) } ?? .plain)
        }
      }
      if n == cursor.selected {
        screen.updateStyle(in: Rect(x: area.x, y: y, width: min(area.width, 2 + nameWidth), height: 1)) { $0.reverse = true }
      }
      y += 1
    }
  }
}
