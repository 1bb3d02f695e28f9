import Testing
import TableroCore
@testable import TableroUI

/// `o`/`O` sort every list within each level, and the sorted column says so (▲/▼).
@Suite struct SortTests {
  /// The deviations of the component rows of the file's first imperative, top to bottom.
  static func firstImperativeDeviations(_ app: AppHarness) -> [Double?] {
    let rows = app.state.dashboardRows
    let id = app.state.portfolio.imperatives[0].id
    guard let start = rows.firstIndex(where: { $0.kind == .imperative && $0.id == id }),
      let end = rows[start...].firstIndex(where: { $0.kind == .subtotal })
    else { return [] }
    return rows[start..<end].filter { $0.kind == .component }.map(\.status.deviation)
  }

  static func isAscending(_ values: [Double?]) -> Bool {
    // Items without a deviation (not started) go last.
    let present = values.compactMap { $0 }
    let missing = values.drop { $0 != nil }
    return present == present.sorted() && missing.allSatisfy { $0 == nil }
  }

  @Test func dashboardSortsComponentsWithinEachImperative() throws {
    var app = try AppHarness(.demo)
    let before = Self.firstImperativeDeviations(app)
    #expect(!Self.isAscending(before), "the demo's file order is not by deviation")
    app.sort(by: .deviation)
    let ascending = Self.firstImperativeDeviations(app)
    #expect(Self.isAscending(ascending), "\(ascending)")
    #expect(Set(ascending.map { $0 ?? 99 }) == Set(before.map { $0 ?? 99 }), "same components, new order")
    #expect(app.lines[3].contains("▲Desv."), "\(app.lines[3])")
    // Imperatives are sorted too; the subtotal stays last in its imperative.
    let titles = app.state.dashboardRows.filter { $0.kind == .imperative }.map(\.status.deviation)
    #expect(Self.isAscending(titles), "\(titles)")
    #expect(app.state.dashboardRows.filter { $0.kind == .subtotal }.count == app.state.portfolio.imperatives.count)
    app.press(.character("O"))
    let descending = Self.firstImperativeDeviations(app)
    #expect(descending.compactMap { $0 } == ascending.compactMap { $0 }.reversed())
    #expect(app.lines[3].contains("▼Desv."))
    // By name: the item column carries the arrow.
    app.sort(by: .name)
    #expect(app.lines[3].contains("Elemento ▼"))
  }

  @Test func initiativesSortWithinTheirComponentOnTheDashboard() throws {
    var app = try AppHarness(.demo)
    app.press(.character("i"))
    app.sort(by: .actual)
    let rows = app.state.dashboardRows
    var current: [Double] = []
    for row in rows {
      if row.kind == .initiative {
        current.append(row.status.actual ?? -1)
      } else {
        #expect(current == current.sorted(), "initiatives of one component in ascending actual progress")
        current = []
      }
    }
  }

  @Test func treeSortsEachLevel() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"))
    app.sort(by: .deviation)
    #expect(app.lines[3].contains("Orden: desviación ▲"), "\(app.lines[3])")
    let p = app.state.portfolio
    let s = app.state.status
    let components = app.state.treeRows.filter { $0.kind == .component && $0.depth == 1 && $0.path.hasPrefix(p.imperatives[0].id + "/") }
    let deviations = components.map { s.components[$0.index].deviation }
    #expect(components.count == p.imperatives[0].members.count)
    #expect(Self.isAscending(deviations), "\(deviations)")
    // Initiatives within an open component too.
    app.press(.down, .right)
    let open = app.state.treeRows.filter { $0.kind == .initiative }
    #expect(!open.isEmpty)
    let values = open.map { s.initiatives[$0.index].deviation }
    #expect(Self.isAscending(values), "\(values)")
  }
}
