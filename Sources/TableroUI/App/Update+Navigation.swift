import TableroCore

/// Moving around: selection, expanding, drilling in, timeline scroll and zoom.
extension AppState {
  /// The item under the cursor in the current view.
  public var selectedItem: (kind: ItemKind, id: String)? {
    if triage != nil { return selectedTriageEntry.map { ($0.kind, $0.id) } }
    switch view {
    case .dashboard:
      guard dashboardRows.indices.contains(dashboardCursor.selected) else { return nil }
      let row = dashboardRows[dashboardCursor.selected]
      switch row.kind {
      case .imperative, .subtotal: return (.imperative, row.id)
      case .component: return (.component, row.id)
      case .initiative: return (.initiative, row.id)
      }
    case .tree:
      guard treeRows.indices.contains(treeCursor.selected) else { return nil }
      return (treeRows[treeCursor.selected].kind, treeRows[treeCursor.selected].id)
    case .timeline:
      guard timelineRows.indices.contains(timeline.cursor.selected) else { return nil }
      return (timelineRows[timeline.cursor.selected].kind, timelineRows[timeline.cursor.selected].id)
    case .help, .agreements, .indicators:
      return nil
    }
  }

  /// The imperative a selected component row belongs to (dashboard row or tree path).
  var selectedImperativeID: String? {
    switch view {
    case .dashboard:
      guard dashboardRows.indices.contains(dashboardCursor.selected) else { return nil }
      let id = dashboardRows[dashboardCursor.selected].imperativeID
      return id.isEmpty ? nil : id
    case .tree:
      guard treeRows.indices.contains(treeCursor.selected) else { return nil }
      let first = treeRows[treeCursor.selected].path.split(separator: "/").first.map(String.init)
      return first.flatMap { portfolio.imperativeIndex($0) != nil ? $0 : nil }
    case .timeline, .help, .agreements, .indicators:
      return nil
    }
  }

  var pageSize: Int {
    switch view {
    case .timeline: Layout.timelineListHeight(bodyHeight)
    case .dashboard: Layout.dashboardListHeight(bodyHeight)
    default: Layout.listHeight(bodyHeight)
    }
  }

  mutating func moveSelection(by delta: Int) {
    let visible = Layout.listHeight(bodyHeight)
    switch view {
    case .dashboard: dashboardCursor.move(by: delta, count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
    case .tree: treeCursor.move(by: delta, count: treeRows.count, visible: visible)
    case .timeline: timeline.cursor.move(by: delta, count: timelineRows.count, visible: Layout.timelineListHeight(bodyHeight))
    case .help: scrollHelp(to: helpOffset + delta)
    case .agreements: agreementsView.cursor.move(by: delta, count: agreementRows.count, visible: agreementsVisible)
    case .indicators: indicatorsView.cursor.move(by: delta, count: indicatorRows.count, visible: indicatorsVisible)
    }
  }

  mutating func moveSelection(to index: Int) {
    let visible = Layout.listHeight(bodyHeight)
    switch view {
    case .dashboard: dashboardCursor.jump(to: index, count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
    case .tree: treeCursor.jump(to: index, count: treeRows.count, visible: visible)
    case .timeline: timeline.cursor.jump(to: index, count: timelineRows.count, visible: Layout.timelineListHeight(bodyHeight))
    case .help: scrollHelp(to: index)
    case .agreements: agreementsView.cursor.jump(to: index, count: agreementRows.count, visible: agreementsVisible)
    case .indicators: indicatorsView.cursor.jump(to: index, count: indicatorRows.count, visible: indicatorsVisible)
    }
  }

  mutating func openSelected() {
    switch view {
    case .dashboard:
      guard let item = selectedItem else { return }
      switch item.kind {
      case .component:
        drill(into: item.id)
      case .initiative:
        show(.tree)
        reveal(kind: .initiative, id: item.id)
      case .imperative:
        break
      }
    case .tree, .timeline:
      toggleExpanded()
    case .help, .agreements, .indicators:
      view = lastList
    }
  }

  mutating func drill(into componentID: String) {
    dashboardTopCursor = dashboardCursor
    let atTop = drillComponent == nil && !staleLists.contains(.dashboard)
    dashboardTopRows = atTop ? (dashboardRows, rowsGeneration) : nil
    drillComponent = componentID
    // The cursor starts at the top of the component: nothing to follow from the rows before.
    dashboardRows = []
    refreshDashboard()
    dashboardCursor = ListCursor()
    dashboardCursor.clamp(count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
  }

  mutating func goBack() {
    switch view {
    case .dashboard:
      if drillComponent != nil {
        drillComponent = nil
        if let top = dashboardTopRows, top.generation == rowsGeneration {
          // Nothing changed since drilling in: the top level's rows are still right.
          dashboardRows = top.rows
          staleLists.remove(.dashboard)
        } else {
          dashboardRows = []
          refreshDashboard()
        }
        dashboardTopRows = nil
        dashboardCursor = dashboardTopCursor
        dashboardCursor.clamp(count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
      } else if filter.isActive {
        filter = ItemFilter()
        filterChanged()
      }
    case .tree, .timeline:
      if filter.isActive {
        filter = ItemFilter()
        filterChanged()
      } else {
        goLeft()
      }
    case .help, .agreements, .indicators:
      view = lastList
    }
  }

  mutating func toggleExpanded() {
    switch view {
    case .tree:
      guard treeRows.indices.contains(treeCursor.selected) else { return }
      let row = treeRows[treeCursor.selected]
      guard row.hasChildren else { return }
      if row.isExpanded { expanded.remove(row.path) } else { expanded.insert(row.path) }
      refreshRows()
    case .timeline:
      guard timelineRows.indices.contains(timeline.cursor.selected) else { return }
      let row = timelineRows[timeline.cursor.selected]
      guard row.kind == .component, row.hasChildren else { return }
      if row.isExpanded { timeline.expanded.remove(row.id) } else { timeline.expanded.insert(row.id) }
      refreshRows()
    case .dashboard, .help, .agreements, .indicators:
      break
    }
  }

  mutating func goLeft() {
    switch view {
    case .tree:
      guard treeRows.indices.contains(treeCursor.selected) else { return }
      let row = treeRows[treeCursor.selected]
      if row.hasChildren, row.isExpanded {
        expanded.remove(row.path)
        refreshRows()
      } else if !row.parentPath.isEmpty,
        // The parent is above its children: look back from here, not from the top of 100k rows.
        let index = treeRows[..<treeCursor.selected].lastIndex(where: { $0.path == row.parentPath })
      {
        treeCursor.jump(to: index, count: treeRows.count, visible: Layout.listHeight(bodyHeight))
      }
    case .timeline:
      scrollTimeline(blocks: -1)
    case .dashboard:
      goBack()
    case .help, .agreements, .indicators:
      break
    }
  }

  mutating func goRight() {
    switch view {
    case .tree:
      guard treeRows.indices.contains(treeCursor.selected) else { return }
      let row = treeRows[treeCursor.selected]
      if row.hasChildren, !row.isExpanded {
        expanded.insert(row.path)
        refreshRows()
      } else if row.hasChildren {
        moveSelection(by: 1)
      }
    case .timeline:
      scrollTimeline(blocks: 1)
    case .dashboard:
      if let item = selectedItem, item.kind == .component { drill(into: item.id) }
    case .help, .agreements, .indicators:
      break
    }
  }

  /// Expands the tree so an item is visible and selects it.
  mutating func reveal(kind: ItemKind, id: String) {
    switch kind {
    case .imperative:
      break
    case .component:
      if let imp = portfolio.imperatives(containing: id).first { expanded.insert(imp.id) }
    case .initiative:
      guard let i = initiativeIndex[id] else { return }
      let componentID = portfolio.initiatives[i].componentID
      if let imp = portfolio.imperatives(containing: componentID).first {
        expanded.insert(imp.id)
        expanded.insert("\(imp.id)/\(componentID)")
      } else {
        expanded.insert(componentID)
      }
    }
    refreshRows()
    if let index = treeRows.firstIndex(where: { $0.kind == kind && $0.id == id }) {
      treeCursor.jump(to: index, count: treeRows.count, visible: Layout.listHeight(bodyHeight))
    }
  }

  // MARK: Timeline

  var timelineAxis: TimeAxis {
    TimeAxis.make(from: timeline.from, to: timeline.to, zoom: timeline.zoom, language: language)
  }

  /// Columns available for bars at the current width.
  var timelineBarWidth: Int { max(1, size.width - TimelineLayout.labelWidth(size.width)) }

  mutating func scrollTimeline(blocks delta: Int) {
    let axis = timelineAxis
    let step = max(1, axis.blocks.first.map { _ in axis.blocks.count > 1 ? axis.blocks[1].width : axis.blocks[0].width } ?? 1)
    let maxFirst = max(0, axis.totalWidth - timelineBarWidth)
    timeline.firstColumn = min(max(0, timeline.firstColumn + delta * step), maxFirst)
  }

  mutating func zoom(finer: Bool) {
    guard view == .timeline else {
      message = StatusMessage(language.pick("El acercamiento es del cronograma (3).", "Zoom applies to the timeline (3)."))
      return
    }
    let old = timeline.zoom
    timeline.zoom = finer ? old.finer : old.coarser
    centerTimelineOnReportDate(quiet: true)
    message = StatusMessage(language.pick("Escala: ", "Scale: ") + timeline.zoom.label(language))
  }

  mutating func centerTimelineOnReportDate(quiet: Bool = false) {
    let axis = timelineAxis
    let maxFirst = max(0, axis.totalWidth - timelineBarWidth)
    if let column = axis.column(of: portfolio.reportDate) {
      // Show the axis from its start while the marker fits; else keep some history left of it.
      let target = column < timelineBarWidth * 3 / 4 ? 0 : column - timelineBarWidth / 4
      timeline.firstColumn = min(max(0, target), maxFirst)
    } else {
      timeline.firstColumn = min(timeline.firstColumn, maxFirst)
    }
    if !quiet { view = .timeline }
  }
}
