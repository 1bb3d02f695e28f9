import TableroCore

/// `/` incremental search over ids and names, accent-insensitive; `n`/`N` repeat it.
extension AppState {
  mutating func beginSearch() {
    search.isTyping = true
    search.query = ""
    search.origin = currentSearchPosition
  }

  var currentSearchPosition: SearchIndex.Position? {
    guard let item = selectedItem else { return nil }
    switch item.kind {
    case .imperative: return portfolio.imperativeIndex(item.id).map { .init(kind: .imperative, index: $0) }
    case .component: return componentIndex[item.id].map { .init(kind: .component, index: $0) }
    case .initiative: return initiativeIndex[item.id].map { .init(kind: .initiative, index: $0) }
    }
  }

  mutating func index() -> SearchIndex {
    if let searchIndex { return searchIndex }
    let built = SearchIndex(portfolio)
    searchIndex = built
    return built
  }

  mutating func handleSearchKey(_ key: Key) -> [Effect] {
    switch key {
    case .escape:
      search.isTyping = false
      search.query = ""
      message = nil
    case .enter:
      search.isTyping = false
      if search.query.isEmpty { message = nil }
    case .backspace:
      if search.query.isEmpty {
        search.isTyping = false
      } else {
        search.query.removeLast()
        findIncremental()
      }
    case .character(let c):
      guard !c.isNewline, !c.unicodeScalars.contains(where: TerminalText.isControl) else { return [] }
      search.query.append(c)
      findIncremental()
    case .control("u"):
      search.query = ""
    default:
      break
    }
    return []
  }

  /// As the query grows, search from where typing began, so the match only moves forward.
  mutating func findIncremental() {
    let idx = index()
    let start = search.origin.flatMap { idx.order(of: $0) } ?? 0
    guard !search.query.isEmpty else { return }
    if let position = idx.find(search.query, from: start) {
      select(position)
      message = nil
    } else {
      message = StatusMessage(language.pick("Sin coincidencias para «\(search.query)»", "No match for «\(search.query)»"), .error)
    }
  }

  mutating func repeatSearch(backwards: Bool) {
    guard !search.query.isEmpty else {
      message = StatusMessage(language.pick("Use / para buscar.", "Use / to search."))
      return
    }
    let idx = index()
    let current = currentSearchPosition.flatMap { idx.order(of: $0) } ?? -1
    let start = backwards ? current - 1 : current + 1
    if let position = idx.find(search.query, from: max(start, backwards ? start : 0), backwards: backwards) {
      select(position)
      message = StatusMessage("/" + search.query)
    } else {
      message = StatusMessage(language.pick("Sin coincidencias para «\(search.query)»", "No match for «\(search.query)»"), .error)
    }
  }

  /// Shows a found item in the current view (the dashboard drills into the component).
  mutating func select(_ position: SearchIndex.Position) {
    let id: String
    switch position.kind {
    case .imperative: id = portfolio.imperatives[position.index].id
    case .component: id = portfolio.components[position.index].id
    case .initiative: id = portfolio.initiatives[position.index].id
    }
    // A filter that hides the match would make the search look broken: lift it.
    if filter.isActive, !isVisible(kind: position.kind, id: id) {
      filter = ItemFilter()
      refreshRows()
    }
    switch view {
    case .dashboard:
      switch position.kind {
      case .initiative:
        let componentID = portfolio.initiatives[position.index].componentID
        if drillComponent != componentID { drill(into: componentID) }
        if let row = dashboardRows.firstIndex(where: { $0.kind == .initiative && $0.id == id }) {
          dashboardCursor.jump(to: row, count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
        }
      case .component, .imperative:
        if drillComponent != nil {
          drillComponent = nil
          refreshRows()
        }
        let kind: DashboardRow.Kind = position.kind == .component ? .component : .imperative
        if let row = dashboardRows.firstIndex(where: { $0.kind == kind && $0.id == id }) {
          dashboardCursor.jump(to: row, count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
        }
      }
    case .tree, .help, .agreements, .indicators:
      if view == .help || view == .agreements || view == .indicators { view = .tree }
      reveal(kind: position.kind, id: id)
    case .timeline:
      var componentID = id
      if position.kind == .initiative {
        componentID = portfolio.initiatives[position.index].componentID
        timeline.expanded.insert(componentID)
        refreshRows()
      }
      let target = position.kind == .imperative ? nil : (position.kind == .initiative ? id : componentID)
      if let target, let row = timelineRows.firstIndex(where: { $0.id == target }) {
        timeline.cursor.jump(to: row, count: timelineRows.count, visible: Layout.timelineListHeight(bodyHeight))
      }
    }
  }

  func isVisible(kind: ItemKind, id: String) -> Bool {
    switch view {
    case .dashboard:
      if kind == .initiative, let i = initiativeIndex[id] {
        return filter.accepts(portfolio.initiatives[i], level: status.initiatives[i].level)
      }
      return dashboardRows.contains { $0.id == id }
    case .tree, .help, .agreements, .indicators: return treeRows.contains { $0.kind == kind && $0.id == id } || kind == .initiative && initiativeIndex[id].map { filter.accepts(portfolio.initiatives[$0], level: status.initiatives[$0].level) } == true
    case .timeline: return kind == .imperative || timelineRows.contains { $0.id == id } || kind == .initiative
    }
  }
}
