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
        children = all.filter { filter.accepts(portfolio.initiatives[$0], level: status.initiatives[$0].level) }
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
          kind: .component, id: component.id, path: path, index: c, depth: depth,
          hasChildren: !all.isEmpty, isExpanded: open))
      guard open else { return }
      for i in children {
        let initiative = portfolio.initiatives[i]
        rows.append(
          TreeRow(
            kind: .initiative, id: initiative.id, path: "\(path)/\(initiative.id)", index: i, depth: depth + 1,
            hasChildren: false, isExpanded: false))
      }
    }
    for (m, imperative) in portfolio.imperatives.enumerated() {
      let open = expanded.contains(imperative.id) || filter.isActive
      rows.append(
        TreeRow(
          kind: .imperative, id: imperative.id, path: imperative.id, index: m, depth: 0,
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
