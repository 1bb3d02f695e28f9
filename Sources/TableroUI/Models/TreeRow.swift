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

  public init(kind: ItemKind, id: String, parentPath: String, index: Int, depth: Int, hasChildren: Bool, isExpanded: Bool) {
    self.kind = kind
    self.id = id
    self.parentPath = parentPath
    self.index = index
    self.depth = depth
    self.hasChildren = hasChildren
    self.isExpanded = isExpanded
  }

  /// Unique among rows: a component shared by two imperatives appears under both.
  public var path: String { parentPath.isEmpty ? id : "\(parentPath)/\(id)" }
}

/// Builds the visible rows of the tree from what is expanded and the filter.
enum TreeModel {
  /// imperative → components → initiatives. Components in no imperative are listed at the end.
  static func rows(
    _ portfolio: Portfolio, status: PortfolioStatus, expanded: Set<String>, filter: ItemFilter,
    componentIndex: [String: Int]
  ) -> [TreeRow] {
    var rows: [TreeRow] = []
    var listed = Set<String>()
    func addComponent(_ c: Int, under parent: String, depth: Int) {
      let component = portfolio.components[c]
      let path = parent.isEmpty ? component.id : "\(parent)/\(component.id)"
      let all = status.initiativesByComponent[c]
      // Without a filter every initiative is a child, and they are only read when open:
      // skipping the scan keeps a refresh proportional to the rows shown, not the portfolio.
      let open: Bool
      let children: [Int]
      if filter.isActive {
        children = all.filter { filter.accepts(initiative: $0, of: portfolio, status: status) }
        if children.isEmpty, !(filter.levels.map { $0.contains(status.components[c].level) } ?? false) {
          return
        }
        open = expanded.contains(path) || !children.isEmpty
      } else {
        open = expanded.contains(path)
        children = open ? all : []
      }
      rows.append(
        TreeRow(
          kind: .component, id: component.id, parentPath: parent, index: c, depth: depth,
          hasChildren: !all.isEmpty, isExpanded: open))
      guard open else { return }
      rows.reserveCapacity(rows.count + children.count)
      for i in children {
        rows.append(
          TreeRow(
            kind: .initiative, id: portfolio.initiatives[i].id, parentPath: path, index: i, depth: depth + 1,
            hasChildren: false, isExpanded: false))
      }
    }
    for (m, imperative) in portfolio.imperatives.enumerated() {
      let open = expanded.contains(imperative.id) || filter.isActive
      rows.append(
        TreeRow(
          kind: .imperative, id: imperative.id, parentPath: "", index: m, depth: 0,
          hasChildren: !imperative.members.isEmpty, isExpanded: open))
      for member in imperative.members { listed.insert(member.componentID) }
      guard open else { continue }
      for member in imperative.members {
        if let c = componentIndex[member.componentID] { addComponent(c, under: imperative.id, depth: 1) }
      }
    }
    for (c, component) in portfolio.components.enumerated() where !listed.contains(component.id) {
      addComponent(c, under: "", depth: 0)
    }
    return rows
  }
}
