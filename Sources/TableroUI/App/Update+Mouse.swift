import TableroCore

/// The mouse: a click on a tab shows that view, a click on a list row selects it (a second
/// click on the selected row opens it, as Enter); the wheel scrolls. Dialogs, search and the
/// presentation ignore the mouse so a stray click never changes data.
extension AppState {
  mutating func handle(_ mouse: MouseEvent) {
    guard modal == nil, !search.isTyping, presentation == nil, !Layout.isTooSmall(size) else { return }
    switch mouse.kind {
    case .wheelUp: moveSelection(by: -3)
    case .wheelDown: moveSelection(by: 3)
    case .click: click(x: mouse.x, y: mouse.y)
    }
  }

  private mutating func click(x: Int, y: Int) {
    if y == 0 {
      if let tab = Self.tab(at: x, language) { show(tab) }
      return
    }
    let top = Layout.headerRows
    switch view {
    case .dashboard:
      selectRow(line: y - top - 1, visible: Layout.dashboardListHeight(bodyHeight))
    case .tree:
      guard x < TreeView.panes(Rect(x: 0, y: top, width: size.width, height: bodyHeight)).tree.maxX else { return }
      selectRow(line: y - top - 1, visible: Layout.listHeight(bodyHeight))
    case .timeline:
      selectRow(line: y - top - 2, visible: Layout.timelineListHeight(bodyHeight))
    case .help, .agreements, .indicators:
      return
    }
  }

  /// Selects the row drawn on `line` of the list; clicking the selected row opens it.
  private mutating func selectRow(line: Int, visible: Int) {
    guard line >= 0, line < visible else { return }
    let offset: Int
    let count: Int
    let selected: Int
    switch view {
    case .dashboard: (offset, count, selected) = (dashboardCursor.offset, dashboardRows.count, dashboardCursor.selected)
    case .tree: (offset, count, selected) = (treeCursor.offset, treeRows.count, treeCursor.selected)
    case .timeline: (offset, count, selected) = (timeline.cursor.offset, timelineRows.count, timeline.cursor.selected)
    case .help, .agreements, .indicators: return
    }
    let index = offset + line
    guard index < count else { return }
    if index == selected {
      _ = perform(.open)
    } else {
      moveSelection(to: index)
    }
  }

  /// The view whose tab covers column `x` of the top row (tabs as HeaderView draws them).
  static func tab(at x: Int, _ l: Language) -> ViewID? {
    var start = 0
    for view in ViewID.allCases {
      let width = " \(view.rawValue) \(HeaderView.tabTitle(view, l)) ".displayWidth
      if x >= start, x < start + width { return view }
      start += width
    }
    return nil
  }
}
