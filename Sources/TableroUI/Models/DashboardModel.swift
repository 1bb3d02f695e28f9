import TableroCore

/// The rows of the Tablero view: Cuadro 9 with the filter applied at every level (a matching
/// initiative shows inside a component that does not match, which is then context) and each
/// level sorted on its own (components within their imperative, initiatives within their
/// component).
enum DashboardModel {
  /// One imperative's rows: its title, its components with their initiatives, its subtotal.
  private struct Block {
    var title: DashboardRow
    var components: [(row: DashboardRow, initiatives: [DashboardRow])] = []
    var subtotal: DashboardRow?
  }

  static func rows(
    _ portfolio: Portfolio, status: PortfolioStatus, showsDetail: Bool, filter: ItemFilter, sort: SortOrder,
    initiativeIndex: [String: Int]
  ) -> [DashboardRow] {
    let detail = showsDetail || filter.isActive
    // The filter goes into Cuadro 9 too, so at 100k only the matching initiatives become rows
    // (not all 100 000); the pass below is the same filter and keeps them all, and decides
    // what is context.
    let f = filter
    let pick: ((Initiative) -> Bool)? =
      f.filtersInitiatives ? { x in (!f.quickWinsOnly || x.isQuickWin) && (f.horizon == nil || x.horizon == f.horizon) } : nil
    let base = Dashboard(portfolio, status: status, detail: detail, levels: f.isActive ? f.levels : nil, initiativeFilter: pick).rows
    var out: [DashboardRow] = []
    out.reserveCapacity(base.count)
    let imperatives = sort.sorted(blocks(base), id: { $0.title.id }, name: { $0.title.name }, status: { $0.title.status })
    for var block in imperatives {
      func matches(_ row: DashboardRow) -> Bool {
        guard row.kind == .initiative else { return false }
        // A status filter needs only the row's level: no lookup of the initiative.
        guard filter.filtersInitiatives else { return filter.accepts(level: row.status.level) }
        guard let i = initiativeIndex[row.id] else { return false }
        return filter.accepts(initiative: i, of: portfolio, status: status)
      }
      var kept: [(row: DashboardRow, initiatives: [DashboardRow])] = []
      for (component, initiatives) in block.components {
        guard filter.isActive else {
          kept.append((component, initiatives))
          continue
        }
        let matching = initiatives.filter(matches)
        // Quick-win and horizon filters choose initiatives: a component is then only context.
        let componentMatches = !filter.filtersInitiatives && filter.accepts(level: component.status.level)
        guard componentMatches || !matching.isEmpty else { continue }
        var row = component
        row.isContext = !componentMatches
        kept.append((row, matching))
      }
      if filter.isActive {
        let subtotalMatches = !filter.filtersInitiatives && filter.accepts(level: block.title.status.level)
        guard subtotalMatches || !kept.isEmpty else { continue }
        block.subtotal?.isContext = !subtotalMatches
      }
      block.components = sort.sorted(kept, id: { $0.row.id }, name: { $0.row.name }, status: { $0.row.status })
      out.append(block.title)
      for (component, initiatives) in block.components {
        out.append(component)
        out += sort.sorted(initiatives, id: \.id, name: \.name, status: \.status)
      }
      if let subtotal = block.subtotal { out.append(subtotal) }
    }
    return out
  }

  /// Splits Cuadro 9's flat rows back into imperatives (rows out of place are skipped).
  private static func blocks(_ rows: [DashboardRow]) -> [Block] {
    var result: [Block] = []
    for row in rows {
      if row.kind == .imperative {
        result.append(Block(title: row))
        continue
      }
      guard var block = result.popLast() else { continue }
      switch row.kind {
      case .component: block.components.append((row, []))
      case .initiative:
        if var last = block.components.popLast() {
          last.initiatives.append(row)
          block.components.append(last)
        }
      case .subtotal: block.subtotal = row
      case .imperative: break
      }
      result.append(block)
    }
    return result
  }
}
