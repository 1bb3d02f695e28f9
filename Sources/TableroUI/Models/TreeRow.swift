import TableroCore

/// One visible line of the portfolio tree (or of the timeline): an item at a depth.
public struct TreeRow: Equatable, Sendable {
  public var kind: ItemKind
  public var id: String
  /// The parent row's path ("" at the top). Kept instead of the whole path so building a row
  /// allocates nothing: a status filter at 100k lists tens of thousands of initiatives.
  public var parentPath: String
  /// Index into the portfolio's array for the kind.
  public var index: Int
  public var depth: Int
  public var hasChildren: Bool
  public var isExpanded: Bool
  /// Shown only as the parent of rows that match a filter (drawn dimmed).
  public var isContext = false

  public init(
    kind: ItemKind, id: String, parentPath: String, index: Int, depth: Int, hasChildren: Bool, isExpanded: Bool,
    isContext: Bool = false
  ) {
    self.kind = kind
    self.id = id
    self.parentPath = parentPath
    self.index = index
    self.depth = depth
    self.hasChildren = hasChildren
    self.isExpanded = isExpanded
    self.isContext = isContext
  }

  /// Unique among rows: a component shared by two imperatives appears under both.
  public var path: String { parentPath.isEmpty ? id : "\(parentPath)/\(id)" }
}

/// Builds the visible rows of the tree from what is expanded, the filter and the sort order
/// (each level sorted on its own: imperatives, components within an imperative, initiatives
/// within a component).
enum TreeModel {
  /// imperative → components → initiatives. Components in no imperative are listed at the end.
  static func rows(
    _ portfolio: Portfolio, status: PortfolioStatus, expanded: Set<String>, filter: ItemFilter,
    componentIndex: [String: Int], sort: SortOrder = SortOrder(), matches: FilterMatches? = nil
  ) -> [TreeRow] {
    let matches = filter.isActive ? (matches ?? FilterMatches(filter: filter, portfolio: portfolio, status: status)) : nil
    var rows: [TreeRow] = []
    var listed = Set<String>()
    /// Whether an item's own status matches (quick-win and horizon filters choose initiatives only).
    func matchesOwn(_ level: StatusLevel) -> Bool { !filter.filtersInitiatives && filter.accepts(level: level) }
    func sortedComponents(_ indices: [Int]) -> [Int] {
      sort.sorted(indices, id: { portfolio.components[$0].id }, name: { portfolio.components[$0].name }, status: { status.components[$0] })
    }
    /// Appends the component's rows, or none when the filter leaves nothing of it.
    func component(_ c: Int, under parent: String, depth: Int, into out: inout [TreeRow]) {
      let component = portfolio.components[c]
      let path = parent.isEmpty ? component.id : "\(parent)/\(component.id)"
      let all = status.initiativesByComponent[c]
      // Without a filter every initiative is a child, and they are only read when open:
      // skipping the scan keeps a refresh proportional to the rows shown, not the portfolio.
      let open: Bool
      let children: [Int]
      var isContext = false
      if let matches {
        children = matches.byComponent[c]
        let own = matchesOwn(status.components[c].level)
        if children.isEmpty, !own { return }
        isContext = !own
        open = expanded.contains(path) || !children.isEmpty
      } else {
        open = expanded.contains(path)
        children = open ? all : []
      }
      out.append(TreeRow(
        kind: .component, id: component.id, parentPath: parent, index: c, depth: depth,
        hasChildren: !all.isEmpty, isExpanded: open, isContext: isContext))
      guard open else { return }
      out.reserveCapacity(out.count + children.count)
      for i in sort.sorted(children, portfolio: portfolio, status: status) {
        out.append(
          TreeRow(
            kind: .initiative, id: portfolio.initiatives[i].id, parentPath: path, index: i, depth: depth + 1,
            hasChildren: false, isExpanded: false))
      }
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
      let own = matchesOwn(status.imperatives[m].level)
      // The imperative's row goes first; it is taken back when a filter leaves it empty.
      rows.append(
        TreeRow(
          kind: .imperative, id: imperative.id, parentPath: "", index: m, depth: 0,
          hasChildren: !imperative.members.isEmpty, isExpanded: open, isContext: filter.isActive && !own))
      let start = rows.count
      if open {
        let members = imperative.members.compactMap { componentIndex[$0.componentID] }
        for c in sortedComponents(members) { component(c, under: imperative.id, depth: 1, into: &rows) }
      }
      if filter.isActive, rows.count == start, !own { rows.removeLast() }
    }
    let unlisted = portfolio.components.indices.filter { !listed.contains(portfolio.components[$0].id) }
    for c in sortedComponents(unlisted) { component(c, under: "", depth: 0, into: &rows) }
    return rows
  }
}
