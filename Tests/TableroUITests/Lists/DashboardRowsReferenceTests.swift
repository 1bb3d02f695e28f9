import Testing
import TableroCore
@testable import TableroUI

/// The dashboard's rows, built level by level, are the ones of the earlier way (Cuadro 9 from
/// `Dashboard`, split into imperatives, filtered and sorted) for every filter, sort and detail
/// setting, on both embedded portfolios.
@Suite struct DashboardRowsReferenceTests {
  @Test func sameRowsAsCuadro9SplitFilteredAndSorted() throws {
    let filters: [ItemFilter] =
      ItemFilter.statusSteps.map { ItemFilter(levels: $0) } + [
        ItemFilter(quickWinsOnly: true), ItemFilter(horizon: .short), ItemFilter(horizon: .medium),
        ItemFilter(levels: [.majorDeviation], quickWinsOnly: true), ItemFilter(levels: [.onTrack], horizon: .short),
      ]
    var compared = 0
    for choice in EmbeddedPortfolios.Choice.allCases {
      let loaded = try EmbeddedPortfolios.load(choice)
      let p = loaded.portfolio
      let status = StatusEngine().evaluate(p)
      var index: [String: Int] = [:]
      for (i, x) in p.initiatives.enumerated() where index[x.id] == nil { index[x.id] = i }
      for filter in filters {
        for key in SortKey.allCases {
          for descending in [false, true] {
            for detail in [false, true] {
              let sort = SortOrder(key: key, descending: descending)
              let rows = DashboardModel.rows(p, status: status, showsDetail: detail, filter: filter, sort: sort)
              let expected = ReferenceDashboard.rows(
                p, status: status, showsDetail: detail, filter: filter, sort: sort, initiativeIndex: index)
              #expect(rows == expected, "\(choice) \(filter) \(key) desc \(descending) detail \(detail)")
              compared += 1
            }
          }
        }
      }
    }
    #expect(compared > 100)
  }
}

/// The dashboard rows as built before (kept here as the reference).
enum ReferenceDashboard {
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
    let f = filter
    let pick: ((Initiative) -> Bool)? =
      f.filtersInitiatives ? { x in (!f.quickWinsOnly || x.isQuickWin) && (f.horizon == nil || x.horizon == f.horizon) } : nil
    let base = Dashboard(portfolio, status: status, detail: detail, levels: f.isActive ? f.levels : nil, initiativeFilter: pick).rows
    var out: [DashboardRow] = []
    let imperatives = sort.sorted(blocks(base), id: { $0.title.id }, name: { $0.title.name }, status: { $0.title.status })
    for var block in imperatives {
      func matches(_ row: DashboardRow) -> Bool {
        guard row.kind == .initiative else { return false }
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
