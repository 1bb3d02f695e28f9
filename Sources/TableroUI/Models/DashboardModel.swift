import TableroCore

/// The rows of the Tablero view: Cuadro 9 with the filter applied at every level (a matching
/// initiative shows inside a component that does not match, which is then context) and each
/// level sorted on its own (components within their imperative, initiatives within their
/// component).
///
/// Built straight from the portfolio, level by level, in the order shown: only the rows that
/// stay are made (at 100 000 initiatives with a filter, building all of Cuadro 9 and then
/// splitting, filtering and sorting copies of its rows cost most of a key press). The rows are
/// the ones `Dashboard` (the report's Cuadro 9) gives for the same filter.
enum DashboardModel {
  static func rows(
    _ portfolio: Portfolio, status: PortfolioStatus, showsDetail: Bool, filter: ItemFilter, sort: SortOrder,
    matches: FilterMatches? = nil
  ) -> [DashboardRow] {
    let active = filter.isActive
    let detail = showsDetail || active
    let matches = active ? (matches ?? FilterMatches(filter: filter, portfolio: portfolio, status: status)) : nil
    var componentIndex: [String: Int] = [:]
    for (i, c) in portfolio.components.enumerated() where componentIndex[c.id] == nil { componentIndex[c.id] = i }
    let measuredWeight = zip(portfolio.imperatives, status.imperatives)
      .filter { $0.1.level != .noComponents }.reduce(0.0) { $0 + max($1.0.weight, 0) }
    /// An item's own status matches (quick-win and horizon filters choose initiatives only).
    func matchesOwn(_ level: StatusLevel) -> Bool { !filter.filtersInitiatives && filter.accepts(level: level) }

    /// One listed component of an imperative: its index, its weight there, its initiatives.
    struct Listed {
      var component: Int
      var weight: Double
      var initiatives: [Int]
      var isContext: Bool
    }

    var out: [DashboardRow] = []
    let imperatives = sort.sorted(
      Array(portfolio.imperatives.indices), id: { portfolio.imperatives[$0].id }, name: { portfolio.imperatives[$0].name },
      status: { status.imperatives[$0] })
    for m in imperatives {
      let imperative = portfolio.imperatives[m]
      var listed: [Listed] = []
      for member in imperative.members {
        guard let c = componentIndex[member.componentID] else { continue }
        let initiatives = detail ? (matches?.byComponent[c] ?? status.initiativesByComponent[c]) : []
        var isContext = false
        if active {
          let own = matchesOwn(status.components[c].level)
          guard own || !initiatives.isEmpty else { continue }
          isContext = !own
        }
        listed.append(Listed(component: c, weight: member.weight, initiatives: initiatives, isContext: isContext))
      }
      let subtotalStatus = status.imperatives[m]
      let subtotalMatches = matchesOwn(subtotalStatus.level)
      if active, !subtotalMatches, listed.isEmpty { continue }
      let share: Double? =
        subtotalStatus.level == .noComponents || measuredWeight <= 0 ? nil : max(imperative.weight, 0) / measuredWeight * 100
      out.append(
        DashboardRow(
          kind: .imperative, id: imperative.id, imperativeID: imperative.id, name: imperative.name, status: subtotalStatus,
          weight: share))
      let components = sort.sorted(
        listed, id: { portfolio.components[$0.component].id }, name: { portfolio.components[$0.component].name },
        status: { status.components[$0.component] })
      for entry in components {
        let c = entry.component
        var row = DashboardRow(
          kind: .component, id: portfolio.components[c].id, imperativeID: imperative.id, name: portfolio.components[c].name,
          status: status.components[c], weight: entry.weight)
        row.isContext = entry.isContext
        out.append(row)
        guard !entry.initiatives.isEmpty else { continue }
        // Read through a buffer: `portfolio.initiatives[i].weight` may copy (and retain every
        // field of) the whole initiative, 100 000 times per build with a filter on.
        portfolio.initiatives.withUnsafeBufferPointer { initiatives in
          // Shares are of the whole component, whatever the filter leaves.
          let total = status.initiativesByComponent[c].reduce(0.0) { $0 + max(initiatives[$1].weight, 0) }
          for i in sort.sorted(entry.initiatives, portfolio: portfolio, status: status) {
            let weight = initiatives[i].weight
            out.append(
              DashboardRow(
                kind: .initiative, id: initiatives[i].id, imperativeID: imperative.id, name: initiatives[i].name,
                status: status.initiatives[i], weight: total > 0 ? max(weight, 0) / total * 100 : nil))
          }
        }
      }
      var subtotal = DashboardRow(
        kind: .subtotal, id: imperative.id, imperativeID: imperative.id, name: imperative.name, status: subtotalStatus,
        weight: share)
      subtotal.isContext = active && !subtotalMatches
      out.append(subtotal)
    }
    return out
  }
}
