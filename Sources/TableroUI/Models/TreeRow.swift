import TableroCore

/// One visible line of the portfolio tree (or of the timeline): an item at a depth.
public struct TreeRow: Equatable, Sendable {
  public var kind: ItemKind
  public var id: String
  /// Unique among rows: a component shared by two imperatives appears under both.
  public var path: String
  /// Index into the portfolio's array for the kind.
  public var index: Int
  public var depth: Int
  public var hasChildren: Bool
  public var isExpanded: Bool
  /// Shown only as the parent of rows that match a filter (drawn dimmed).
  public var isContext = false
}

/// Builds the visible rows of the tree from what is expanded, the filter and the sort order
/// (each level sorted on its own: imperatives, components within an imperative, initiatives
/// within a component).
enum TreeModel {
  /// imperative → components → initiatives. Components in no imperative are listed at the end.
  static func rows(
    _ portfolio: Portfolio, status: PortfolioStatus, expanded: Set<String>, filter: ItemFilter,
    componentIndex: [String: Int], sort: SortOrder = SortOrder()
  ) -> [TreeRow] {
    var rows: [TreeRow] = []
    var listed = Set<String>()
    /// Whether an item's own status matches (quick-win and horizon filters choose initiatives only).
    func matches(_ level: StatusLevel) -> Bool { !filter.filtersInitiatives && filter.accepts(level: level) }
    func sortedComponents(_ indices: [Int]) -> [Int] {
      sort.sorted(indices, id: { portfolio.components[$0].id }, name: { portfolio.components[$0].name }, status: { status.components[$0] })
    }
    /// The component's rows, or none when the filter leaves nothing of it.
    func component(_ c: Int, under parent: String, depth: Int) -> [TreeRow] {
      let component = portfolio.components[c]
      let path = parent.isEmpty ? component.id : "\(parent)/\(component.id)"
      let all = status.initiativesByComponent[c]
      // Without a filter every initiative is a child, and they are only read when open:
      // skipping the scan keeps a refresh proportional to the rows shown, not the portfolio.
      let open: Bool
      let children: [Int]
      var isContext = false
      if filter.isActive {
        children = all.filter { filter.accepts(portfolio.initiatives[$0], level: status.initiatives[$0].level) }
        let own = matches(status.components[c].level)
        if children.isEmpty, !own { return [] }
        isContext = !own
        open = expanded.contains(path) || !children.isEmpty
      } else {
        open = expanded.contains(path)
        children = open ? all : []
      }
      var out = [TreeRow(
        kind: .component, id: component.id, path: path, index: c, depth: depth,
        hasChildren: !all.isEmpty, isExpanded: open, isContext: isContext)]
      guard open else { return out }
      for i in sort.sorted(children, portfolio: portfolio, status: status) {
        let initiative = portfolio.initiatives[i]
        out.append(
          TreeRow(
            kind: .initiative, id: initiative.id, path: "\(path)/\(initiative.id)", index: i, depth: depth + 1,
            hasChildren: false, isExpanded: false))
      }
      return out
    }
    let imperatives = sort.sorted(
      Array(portfolio.imperatives.indices), id: { portfolio.imperatives[$0].id }, name: { portfolio.imperatives[$0].name },
      status: { status.imperatives[$0] })
    for m in portfolio.imperatives.indices {
      for member in portfolio.imperatives[m].members { listed.insert(member.componentID) }
    }
    for m in imperatives {
      let imperative = portfolio.imperatives[m]
      let open = expanded.contains(imperative.id) || filter.isActive
      var body: [TreeRow] = []
      if open {
        let members = imperative.members.compactMap { componentIndex[$0.componentID] }
        for c in sortedComponents(members) { body += component(c, under: imperative.id, depth: 1) }
      }
      let own = matches(status.imperatives[m].level)
      if filter.isActive, body.isEmpty, !own { continue }
      rows.append(
        TreeRow(
          kind: .imperative, id: imperative.id, path: imperative.id, index: m, depth: 0,
          hasChildren: !imperative.members.isEmpty, isExpanded: open, isContext: filter.isActive && !own))
      rows += body
    }
    let unlisted = portfolio.components.indices.filter { !listed.contains(portfolio.components[$0].id) }
    for c in sortedComponents(unlisted) { rows += component(c, under: "", depth: 0) }
    return rows
  }
}
