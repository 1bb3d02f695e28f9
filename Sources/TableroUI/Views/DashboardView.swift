import TableroCore

/// Cuadro 9: imperatives with their components and a subtotal row, or (after Enter on a
/// component) that component's initiatives with the same columns.
enum DashboardView {
  static func columns(_ l: Language, width: Int) -> [TableColumn] {
    var columns = [
      TableColumn(title: "", width: 1, alignment: .left),
      TableColumn(title: l.pick("Elemento", "Item"), width: 0, alignment: .left),
      TableColumn(title: l.pick("F.inicial", "Start"), width: 10, alignment: .left),
      TableColumn(title: l.pick("F.esperada", "Exp. end"), width: 10, alignment: .left),
      TableColumn(title: l.pick("Esper.", "Exp."), width: 7, alignment: .right),
      TableColumn(title: l.pick("Real", "Actual"), width: 7, alignment: .right),
      TableColumn(title: l.pick("Pond.", "Weight"), width: 6, alignment: .right),
      TableColumn(title: l.pick("Desv.", "Dev."), width: 7, alignment: .right),
    ]
    if width >= 110 { columns.append(TableColumn(title: l.pick("Estado", "Status"), width: 24, alignment: .left)) }
    // Narrow terminals drop columns, least needed first, down to Layout.minimumSize: the dates
    // below 80 columns, the weight below 60. Status, id, name, expected, actual and deviation stay.
    if width < 80 {
      columns[2].width = 0
      columns[3].width = 0
    }
    if width < 60 { columns[6].width = 0 }
    return columns
  }

  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    var cols = columns(l, width: area.width)
    let xs = TableColumns.layout(&cols, flex: 1, totalWidth: area.width)
    // Column titles; in a drill-down the first title names the component.
    var titleRow = cols.map(\.title)
    if let drill = state.drillComponent, let c = state.componentIndex[drill] {
      titleRow[1] = "← \(drill) \(state.portfolio.components[c].name)"
    }
    if let sorted = sortedColumn(state.sort.key), titleRow.indices.contains(sorted) {
      titleRow[sorted] = cols[sorted].alignment == .right
        ? state.sort.arrow(theme.useUnicode) + titleRow[sorted] : titleRow[sorted] + " " + state.sort.arrow(theme.useUnicode)
    }
    for (i, column) in cols.enumerated() {
      screen.write(titleRow[i].padded(toWidth: column.width, alignment: column.alignment), x: area.x + xs[i], y: area.y, style: theme.header, maxWidth: column.width)
    }
    let listArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: Layout.dashboardListHeight(area.height))
    drawTotal(state, theme: theme, columns: cols, xs: xs, x: area.x, y: area.y + area.height - 1, into: &screen)
    let rows = state.dashboardRows
    if rows.isEmpty {
      let text = state.filter.isActive
        ? l.pick("Ningún elemento con el filtro «\(state.filterDescription)». F quita los filtros.", "Nothing matches the filter «\(state.filterDescription)». F clears filters.")
        : l.pick("Sin elementos.", "No items.")
      screen.write(text, x: listArea.x + 2, y: listArea.y + 1, style: theme.dim, maxWidth: listArea.width - 2)
      return
    }
    let cursor = state.dashboardCursor
    for line in 0..<listArea.height {
      let index = cursor.offset + line
      guard rows.indices.contains(index) else { break }
      let y = listArea.y + line
      let keyEnd = drawRow(rows[index], state: state, theme: theme, columns: cols, xs: xs, x: listArea.x, y: y, into: &screen)
      if rows[index].isContext {
        // Only there for the rows under it that match the filter.
        screen.updateStyle(in: Rect(x: listArea.x, y: y, width: listArea.width, height: 1)) {
          $0.dim = true
          $0.bold = false
        }
      }
      if index == cursor.selected {
        // Highlighted: the status glyph and the item's id (an imperative's whole title), not
        // the whole row, so a move rewrites a few cells of two rows instead of 2 × 80
        // (bytes per move: docs/PERFORMANCE.md, TUI).
        screen.updateStyle(in: Rect(x: listArea.x, y: y, width: min(max(1, keyEnd - listArea.x), listArea.width), height: 1)) {
          $0.reverse = true
        }
      }
    }
  }

  /// The last row, as Cuadro 9 ends: esperado, real and desviación of the whole portfolio (in a
  /// drill-down, of the component shown). Always visible, whatever the filter or scroll.
  static func drawTotal(
    _ state: AppState, theme: Theme, columns: [TableColumn], xs: [Int], x: Int, y: Int, into screen: inout ScreenBuffer
  ) {
    let l = state.language
    let row: DashboardRow
    if let drill = state.drillComponent, let c = state.componentIndex[drill] {
      row = DashboardRow(
        kind: .subtotal, id: drill, imperativeID: "", name: l.pick("Total ", "Total ") + drill, status: state.status.components[c],
        weight: nil)
    } else {
      row = DashboardRow(
        kind: .subtotal, id: "", imperativeID: "", name: l.pick("Total del portafolio", "Portfolio total"),
        status: state.status.portfolio, weight: 100)
    }
    let s = row.status
    func cell(_ i: Int, _ text: String, _ style: CellStyle) {
      guard columns.indices.contains(i) else { return }
      screen.write(text.padded(toWidth: columns[i].width, alignment: columns[i].alignment), x: x + xs[i], y: y, style: style, maxWidth: columns[i].width)
    }
    let levelStyle = theme.status(s.level)
    var bold = theme.groupRow
    bold.bold = true
    cell(0, theme.glyph(s.level), levelStyle)
    // The portfolio's forecast (the latest of its imperatives) after the name, as room allows:
    // the longest wording that fits the name column (from ≈ 95 columns), else the name alone.
    var name = row.name
    if state.drillComponent == nil, let f = state.portfolioForecast, columns.indices.contains(1) {
      let forecast = f.cell(l)
      let wordings = [row.name + " · " + l.pick("pronóstico ", "forecast ") + forecast, row.name + " · " + forecast]
      name = wordings.first { $0.displayWidth <= columns[1].width } ?? row.name
    }
    cell(1, name, bold)
    cell(2, Format.date(s.start), bold)
    cell(3, Format.date(s.end), bold)
    cell(4, Format.percent(s.expected), bold)
    cell(5, Format.percent(s.actual), bold)
    cell(6, Format.percent(row.weight), bold)
    cell(7, Format.percent(s.deviation), levelStyle)
    cell(8, s.level.label(l, tolerance: state.portfolio.tolerance), levelStyle)
  }

  /// The column the sort key shows in (the item's column for id and name), nil in file order.
  static func sortedColumn(_ key: SortKey) -> Int? {
    switch key {
    case .file: nil
    case .id, .name: 1
    case .end: 3
    case .expected: 4
    case .actual: 5
    case .deviation: 7
    }
  }

  /// Draws one row; returns the column after its key text (glyph and id, or the title).
  @discardableResult
  static func drawRow(
    _ row: DashboardRow, state: AppState, theme: Theme, columns: [TableColumn], xs: [Int], x: Int, y: Int,
    into screen: inout ScreenBuffer
  ) -> Int {
    let l = state.language
    let s = row.status
    func cell(_ i: Int, _ text: String, _ style: CellStyle = .plain) {
      guard columns.indices.contains(i) else { return }
      screen.write(text.padded(toWidth: columns[i].width, alignment: columns[i].alignment), x: x + xs[i], y: y, style: style, maxWidth: columns[i].width)
    }
    let levelStyle = theme.status(s.level)
    var name: String
    /// The leading part of `name` that identifies the row (highlighted when selected).
    var key: String
    var nameStyle = CellStyle.plain
    switch row.kind {
    case .imperative:
      // A title line across the row, with its red indicators (benefit) after the name.
      let maxWidth = columns.count > 1 ? xs.last.map { $0 - xs[1] + (columns.last?.width ?? 0) } : nil
      let used = screen.write(row.name, x: x + xs[1], y: y, style: theme.groupRow, maxWidth: maxWidth)
      if let red = state.redIndicators[row.id], red > 0 {
        let note = "  " + theme.glyph(.majorDeviation) + " " + l.pick(red == 1 ? "1 indicador en rojo" : "\(red) indicadores en rojo", red == 1 ? "1 red indicator" : "\(red) red indicators")
        screen.write(note, x: x + xs[1] + used, y: y, style: theme.status(.majorDeviation), maxWidth: maxWidth.map { max(0, $0 - used) })
      }
      return x + xs[1] + used
    case .component:
      key = row.id + (state.changedByOthers.contains(row.id) ? theme.othersChangedMark : "")
      name = "\(key) \(row.name)"
      if state.drillComponent == nil, state.showsDetail || state.filter.filtersInitiatives { nameStyle.bold = true }
    case .initiative:
      let quick = state.initiativeIndex[row.id].map { state.portfolio.initiatives[$0].isQuickWin } == true ? theme.quickWinMark : " "
      key = (state.drillComponent == nil ? "  " : "") + quick + row.id
        + (state.changedByOthers.contains(row.id) ? theme.othersChangedMark : "")
      name = key + " " + row.name
    case .subtotal:
      name = l.pick("Subtotal ", "Subtotal ") + row.name
      key = l.pick("Subtotal", "Subtotal")
      nameStyle = theme.groupRow
    }
    cell(0, theme.glyph(s.level), levelStyle)
    cell(1, name.truncated(toWidth: columns[1].width, ellipsis: "…"), nameStyle)
    cell(2, Format.date(s.start), nameStyle.bold ? theme.groupRow : .plain)
    cell(3, Format.date(s.end), nameStyle.bold ? theme.groupRow : .plain)
    cell(4, Format.percent(s.expected))
    cell(5, Format.percent(s.actual))
    cell(6, Format.percent(row.weight))
    cell(7, Format.deviation(s.deviation, tolerance: state.portfolio.tolerance), levelStyle)
    cell(8, s.level.label(l, tolerance: state.portfolio.tolerance), levelStyle)
    guard columns.count > 1 else { return x + 1 }
    return x + xs[1] + min(key.displayWidth, columns[1].width)
  }
}
