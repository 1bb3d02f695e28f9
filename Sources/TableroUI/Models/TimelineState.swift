import TableroCore

/// State of the Cronograma view: zoom, horizontal scroll, selection, expanded components.
public struct TimelineState: Equatable, Sendable {
  public var zoom: TimelineZoom = .years
  /// First visible column of the time axis.
  public var firstColumn = 0
  public var cursor = ListCursor()
  /// Components whose initiatives are listed under them.
  public var expanded: Set<String> = []
  /// Axis bounds: from the earliest start to the latest end of the portfolio.
  var from: Day
  var to: Day

  public init() {
    from = Day(ordinal: 0)  // replaced by setBounds from the portfolio
    to = from
  }

  init(portfolio: Portfolio) {
    self.init()
    setBounds(portfolio)
  }

  mutating func setBounds(_ portfolio: Portfolio) {
    let starts = portfolio.components.map(\.start) + portfolio.components.flatMap { $0.phases.ranges.values.map(\.start) }
    let ends = portfolio.components.map(\.end) + portfolio.initiatives.map(\.end)
    // The axis starts with the earliest component (Cuadro 8: "Oc-Di 2011"), not the report date.
    from = starts.min() ?? portfolio.reportDate
    to = max(ends.max() ?? portfolio.reportDate, portfolio.reportDate)
  }
}

enum TimelineModel {
  /// One row per component (file order, or the sort order), its initiatives under it when
  /// expanded; with a filter, components with matching initiatives open to show them.
  static func rows(
    _ portfolio: Portfolio, status: PortfolioStatus, expanded: Set<String>, filter: ItemFilter, sort: SortOrder = SortOrder(),
    matches: FilterMatches? = nil
  ) -> [TreeRow] {
    let matches = filter.isActive ? (matches ?? FilterMatches(filter: filter, portfolio: portfolio, status: status)) : nil
    var rows: [TreeRow] = []
    let components = sort.sorted(
      Array(portfolio.components.indices), id: { portfolio.components[$0].id }, name: { portfolio.components[$0].name },
      status: { status.components[$0] })
    for c in components {
      let component = portfolio.components[c]
      var open = expanded.contains(component.id)
      var isContext = false
      // Unfiltered, the children are all the initiatives, read only when open (see TreeModel).
      let children: [Int]
      if let matches {
        children = matches.byComponent[c]
        let own = !filter.filtersInitiatives && filter.accepts(level: status.components[c].level)
        if children.isEmpty, !own { continue }
        isContext = !own
        open = open || !children.isEmpty
      } else {
        children = open ? status.initiativesByComponent[c] : []
      }
      rows.append(
        TreeRow(
          kind: .component, id: component.id, parentPath: "", index: c, depth: 0,
          hasChildren: !status.initiativesByComponent[c].isEmpty, isExpanded: open, isContext: isContext))
      guard open else { continue }
      rows.reserveCapacity(rows.count + children.count)
      for i in sort.sorted(children, portfolio: portfolio, status: status) {
        rows.append(
          TreeRow(
            kind: .initiative, id: portfolio.initiatives[i].id, parentPath: component.id,
            index: i, depth: 1, hasChildren: false, isExpanded: false))
      }
    }
    return rows
  }
}
