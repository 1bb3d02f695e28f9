import TableroCore

/// Portafolio: the expandable tree on the left, everything about the selected item on the right.
enum TreeView {
  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    let (left, rule, right) = panes(area)
    var heading = l.pick("Imperativo › Componente › Iniciativa", "Imperative › Component › Initiative")
    if state.sort.key != .file {
      // The sort replaces the path title: it says how each level is ordered.
      heading = l.pick("Orden: ", "Sort: ") + state.sort.key.label(l) + " " + state.sort.arrow(theme.useUnicode)
    }
    screen.write(heading.padded(toWidth: left.width), x: left.x, y: left.y, style: theme.header, maxWidth: left.width)
    for y in rule.y..<rule.maxY { screen.write(String(theme.verticalRule), x: rule.x, y: y, style: theme.dim) }

    let rows = state.treeRows
    let cursor = state.treeCursor
    let listHeight = left.height - 1
    for line in 0..<max(0, listHeight) {
      let index = cursor.offset + line
      guard rows.indices.contains(index) else { break }
      let row = rows[index]
      let y = left.y + 1 + line
      var x = left.x + row.depth * 2
      let mark = row.hasChildren ? (row.isExpanded ? theme.expandedMark : theme.collapsedMark) : " "
      x += screen.write(mark + " ", x: x, y: y, maxWidth: max(0, left.maxX - x))
      let level = level(of: row, state)
      x += screen.write(theme.glyph(level) + " ", x: x, y: y, style: theme.status(level), maxWidth: max(0, left.maxX - x))
      let (label, style) = title(of: row, state, theme)
      x += screen.write(label.truncated(toWidth: max(0, left.maxX - x), ellipsis: "…"), x: x, y: y, style: style)
      if row.isContext {
        screen.updateStyle(in: Rect(x: left.x, y: y, width: max(0, x - left.x), height: 1)) {
          $0.dim = true
          $0.bold = false
        }
      }
      if index == cursor.selected {
        // Highlighted up to the end of the label, not across the pane (fewer bytes per move).
        screen.updateStyle(in: Rect(x: left.x, y: y, width: min(left.width, max(1, x - left.x)), height: 1)) { $0.reverse = true }
      }
    }
    if rows.indices.contains(cursor.selected), right.width > 2 {
      DetailPane.render(rows[cursor.selected], state: state, theme: theme, in: right.inset(left: 1), into: &screen)
    }
  }

  /// The tree, the rule and the detail pane (the pane's text starts one column in).
  /// Below 60 columns there is no room for both: the tree takes the width (the why line in
  /// the footer still explains the selected item).
  static func panes(_ area: Rect) -> (tree: Rect, rule: Rect, detail: Rect) {
    if area.width < 60 {
      let none = Rect(x: area.maxX, y: area.y, width: 0, height: area.height)
      return (area, none, none)
    }
    let treeWidth = max(34, area.width * 9 / 20)
    let (left, rest) = area.splitLeft(treeWidth)
    let (rule, right) = rest.splitLeft(1)
    return (left, rule, right)
  }

  static func level(of row: TreeRow, _ state: AppState) -> StatusLevel {
    switch row.kind {
    case .imperative: return state.status.imperatives[row.index].level
    case .component: return state.status.components[row.index].level
    case .initiative: return state.status.initiatives[row.index].level
    }
  }

  static func title(of row: TreeRow, _ state: AppState, _ theme: Theme) -> (String, CellStyle) {
    let p = state.portfolio
    func mark(_ id: String) -> String { state.changedByOthers.contains(id) ? theme.othersChangedMark : "" }
    switch row.kind {
    case .imperative: return (p.imperatives[row.index].name, theme.groupRow)
    case .component:
      let c = p.components[row.index]
      return ("\(c.id)\(mark(c.id)) \(c.name)", .plain)
    case .initiative:
      let x = p.initiatives[row.index]
      return ((x.isQuickWin ? theme.quickWinMark : "") + "\(x.id)\(mark(x.id)) \(x.name)", .plain)
    }
  }
}
