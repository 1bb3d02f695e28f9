import TableroCore

/// Scrolling what is not a list of items: the detail pane (`}`/`{`), the help and the agreements.
extension AppState {
  mutating func scrollDetail(by delta: Int) {
    guard view == .tree, treeRows.indices.contains(treeCursor.selected), !showsChart else {
      message = StatusMessage(language.pick(
        "El panel de detalle está en Portafolio (2); } y { lo desplazan.", "The detail pane is in Portfolio (2); } and { scroll it."))
      return
    }
    let row = treeRows[treeCursor.selected]
    let area = TreeView.panes(Rect(x: 0, y: 0, width: size.width, height: bodyHeight)).detail.inset(left: 1)
    let theme = Theme(useColor: config.useColor, useUnicode: config.useUnicode)
    let count = DetailPane.lines(row, state: self, theme: theme, width: area.width).count
    let limit = DetailPane.maxOffset(lineCount: count, height: area.height)
    let current = detailScroll.path == row.path ? min(detailScroll.offset, limit) : 0
    detailScroll = (row.path, min(max(0, current + delta), limit))
    if limit == 0 { message = StatusMessage(language.pick("Todo el detalle ya está a la vista.", "All the detail is already in view.")) }
  }

  /// The help's last useful offset: its last line at the bottom.
  var helpMaxOffset: Int { max(0, HelpView.rows(self, width: size.width).count - bodyHeight) }

  mutating func scrollHelp(to offset: Int) { helpOffset = min(max(0, offset), helpMaxOffset) }

  /// Agreements take two rows each under the title row.
  var agreementsVisible: Int { max(1, Layout.listHeight(bodyHeight) / 2) }

  /// Indicators take one row each under the title row (owner headings included).
  var indicatorsVisible: Int {
    max(1, Layout.listHeight(bodyHeight) - 1 - indicatorOwnerCount)
  }
}
