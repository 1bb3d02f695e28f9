import TableroCore

enum TimelineLayout {
  /// Three tenths of the width: at most 40 columns up to 160, more on wide screens so names
  /// are not cut while 90 columns of axis stay (issue 9); at least 18 on the narrowest.
  static func labelWidth(_ width: Int) -> Int {
    if width >= 160 { return min(64, width * 3 / 10) }
    return max(min(22, width / 2), min(40, width * 3 / 10))
  }
}

/// Cuadro 8, Plan Maestro de Ejecución: one row per component with its phases as bars,
/// initiatives under it when expanded, a marker at the report date, scroll and zoom.
enum TimelineView {
  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    let labelWidth = TimelineLayout.labelWidth(area.width)
    let barX = area.x + labelWidth
    let barWidth = max(0, area.width - labelWidth)
    let axis = state.timelineAxis
    let first = state.timeline.firstColumn
    let markerColumn = axis.column(of: state.portfolio.reportDate).map { $0 - first }

    // Axis: block labels, then a legend of the phase fills.
    let sortMark = state.sort.key == .file ? "" : " " + state.sort.arrow(theme.useUnicode) + " " + state.sort.key.label(l)
    screen.write(l.pick("Componente", "Component") + sortMark, x: area.x, y: area.y, style: theme.header, maxWidth: labelWidth - 1)
    for (i, block) in axis.blocks.enumerated() {
      let start = axis.offset(ofBlock: i) - first
      let end = start + block.width
      guard end > 0, start < barWidth else { continue }
      let visibleStart = max(start, 0)
      let text = start < 0 ? String(block.label.dropFirst(-start)) : block.label
      screen.write(theme.useUnicode ? "▏" : "|", x: barX + visibleStart, y: area.y, style: theme.dim, maxWidth: 1)
      screen.write(text, x: barX + visibleStart + 1, y: area.y, style: theme.header, maxWidth: max(0, min(end, barWidth) - visibleStart - 1))
    }
    var x = area.x
    for phase in Phase.allCases {
      x += screen.write(String(repeating: theme.phaseFill(phase), count: 2), x: x, y: area.y + 1, style: theme.phaseStyle(phase))
      x += screen.write(" " + phase.label(l) + "  ", x: x, y: area.y + 1, style: theme.dim)
    }
    let markerText = "\(theme.marker) " + state.portfolio.reportDate.display + " · " + state.timeline.zoom.label(l)
    screen.write(markerText, x: max(x, area.maxX - markerText.displayWidth), y: area.y + 1, style: theme.dim, maxWidth: max(0, area.maxX - x))

    let listTop = area.y + 2
    let listHeight = area.height - 2
    let rows = state.timelineRows
    let cursor = state.timeline.cursor
    let forecasts = ForecastBoard(portfolio: state.portfolio, status: state.status, history: state.progressHistory)
    for line in 0..<max(0, listHeight) {
      let index = cursor.offset + line
      let y = listTop + line
      guard rows.indices.contains(index) else {
        if let m = markerColumn, m >= 0, m < barWidth { screen.write(String(theme.marker), x: barX + m, y: y, style: theme.dim) }
        continue
      }
      let row = rows[index]
      drawLabel(row, state: state, theme: theme, x: area.x, y: y, width: labelWidth - 1, into: &screen)
      for column in 0..<barWidth {
        guard let range = axis.range(ofColumn: first + column) else { break }
        let mid = range.start.adding(days: max(0, range.start.days(to: range.end) / 2))
        if let (char, style) = cell(row, state: state, theme: theme, range: range, mid: mid, column: first + column, axis: axis) {
          var s = style
          if column == markerColumn { s.reverse.toggle() }
          screen.write(String(char), x: barX + column, y: y, style: s)
        } else if column == markerColumn {
          screen.write(String(theme.marker), x: barX + column, y: y, style: theme.useColor ? CellStyle(foreground: .red) : .plain)
        }
      }
      drawForecast(row, board: forecasts, state: state, theme: theme, axis: axis, first: first, barX: barX, barWidth: barWidth, y: y, into: &screen)
      if index == cursor.selected {
        screen.updateStyle(in: Rect(x: area.x, y: y, width: labelWidth - 1, height: 1)) { $0.reverse = true }
      }
    }
  }

  /// A forecast finish later than planned: dots from the planned end to a mark on the
  /// forecast day (docs/STATUS.md §10). Not drawn when it falls outside the axis.
  static func drawForecast(
    _ row: TreeRow, board: ForecastBoard, state: AppState, theme: Theme, axis: TimeAxis, first: Int, barX: Int, barWidth: Int,
    y: Int, into screen: inout ScreenBuffer
  ) {
    let forecast: Forecast?
    switch row.kind {
    case .initiative: forecast = board.initiative(row.index)
    case .component: forecast = board.component(row.index)
    case .imperative: forecast = nil
    }
    guard let forecast, let day = forecast.finishDay, day > forecast.plannedEnd, let column = axis.column(of: day).map({ $0 - first }) else { return }
    let style = theme.useColor ? CellStyle(foreground: .magenta) : .plain
    let endColumn = (axis.column(of: forecast.plannedEnd) ?? -1) - first
    // Both days may fall in one column: then only the mark.
    let trailStart = max(0, endColumn + 1)
    for c in trailStart..<max(trailStart, min(column, barWidth)) where screen[x: barX + c, y: y].grapheme == " " {
      screen.write(String(theme.forecastTrail), x: barX + c, y: y, style: style)
    }
    guard column >= 0, column < barWidth else { return }
    screen.write(String(theme.forecastMark), x: barX + column, y: y, style: style)
  }

  static func drawLabel(_ row: TreeRow, state: AppState, theme: Theme, x: Int, y: Int, width: Int, into screen: inout ScreenBuffer) {
    let p = state.portfolio
    let level: StatusLevel
    let text: String
    switch row.kind {
    case .component:
      level = state.status.components[row.index].level
      let mark = row.hasChildren ? (row.isExpanded ? theme.expandedMark : theme.collapsedMark) : " "
      text = "\(mark)\(p.components[row.index].id) \(p.components[row.index].name)"
    case .initiative:
      level = state.status.initiatives[row.index].level
      text = "  \(p.initiatives[row.index].id) \(p.initiatives[row.index].name)"
    case .imperative:
      level = .noComponents
      text = ""
    }
    let used = screen.write(theme.glyph(level) + " ", x: x, y: y, style: theme.status(level), maxWidth: width)
    screen.write(text.truncated(toWidth: max(0, width - used), ellipsis: "…"), x: x + used, y: y)
  }

  /// What a column shows for a row: the phase there (components) or the bar (initiatives).
  static func cell(
    _ row: TreeRow, state: AppState, theme: Theme, range: (start: Day, end: Day), mid: Day, column: Int, axis: TimeAxis
  ) -> (Character, CellStyle)? {
    switch row.kind {
    case .component:
      let component = state.portfolio.components[row.index]
      if let phase = component.phases.phase(on: mid) ?? phaseOverlapping(component.phases, range) {
        return (theme.phaseFill(phase), theme.phaseStyle(phase))
      }
      if component.phases.isEmpty, component.start < range.end, component.end >= range.start {
        return (theme.barFill, .plain)
      }
      return nil
    case .initiative:
      let x = state.portfolio.initiatives[row.index]
      guard x.start < range.end, x.end >= range.start else { return nil }
      // The first `progress`% of the bar's columns are solid, the rest a line: 20% fills a
      // fifth of the bar, 100% all of it.
      let level = state.status.initiatives[row.index].level
      let filled = filledColumns(start: x.start, end: x.end, progress: x.actualProgress, axis: axis)
      return (filled.contains(column) ? theme.progressFill : theme.barFill, theme.status(level))
    case .imperative:
      return nil
    }
  }

  /// The axis columns a bar from `start` to `end` fills for `progress` percent, from its left.
  static func filledColumns(start: Day, end: Day, progress: Double, axis: TimeAxis) -> Range<Int> {
    guard axis.totalWidth > 0 else { return 0..<0 }
    let first = axis.column(of: start) ?? 0
    let last = axis.column(of: end) ?? (axis.totalWidth - 1)
    let count = max(1, last - first + 1)
    let filled = Int((Double(count) * min(max(progress, 0), 100) / 100).rounded())
    return first..<(first + filled)
  }

  /// For columns wider than a phase (coarse zoom), the first phase that overlaps them.
  static func phaseOverlapping(_ plan: PhasePlan, _ range: (start: Day, end: Day)) -> Phase? {
    Phase.allCases.first { phase in
      guard let r = plan[phase] else { return false }
      return r.start < range.end && r.end >= range.start
    }
  }
}
