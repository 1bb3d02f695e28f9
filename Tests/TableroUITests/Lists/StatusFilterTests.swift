import Testing
import TableroCore
@testable import TableroUI

/// `f` keeps every matching item at any level; parents that do not match show dimmed, as context.
@Suite struct StatusFilterTests {
  /// Every red initiative of the demo portfolio.
  static func redInitiatives(_ app: AppHarness) -> Set<String> {
    Set(app.state.portfolio.initiatives.indices.filter { app.state.status.initiatives[$0].level == .majorDeviation }
      .map { app.state.portfolio.initiatives[$0].id })
  }

  @Test func redFilterOnTheDashboardKeepsRedInitiativesOfYellowComponents() throws {
    var app = try AppHarness(.demo)
    let red = Self.redInitiatives(app)
    #expect(red.isSuperset(of: ["PGS-05", "INTS-05", "GPC-11"]))
    app.press(.character("f"))
    let rows = app.state.dashboardRows
    #expect(Set(rows.filter { $0.kind == .initiative }.map(\.id)) == red)
    // PGS is yellow: it is there as context for PGS-05, dimmed.
    let pgs = try #require(rows.firstIndex { $0.kind == .component && $0.id == "PGS" })
    #expect(rows[pgs].isContext && rows[pgs].status.level == .minorDeviation)
    #expect(rows[pgs + 1].id == "PGS-05")
    // Every row that is not context is red.
    #expect(rows.filter { !$0.isContext && $0.kind != .imperative }.allSatisfy { $0.status.level == .majorDeviation })
    // On screen: the context row is dim, the red row is not.
    let screen = app.screen
    let y = try #require(app.row(containing: "PGS Padrón"))
    #expect(screen[x: 2, y: y].style.dim)
    let redY = try #require(app.row(containing: "PGS-05"))
    #expect(!screen[x: 4, y: redY].style.dim)
  }

  @Test func redFilterInTheTreeAndTimelineShowsEveryRedInitiative() throws {
    var app = try AppHarness(.demo)
    let red = Self.redInitiatives(app)
    app.press(.character("2"), .character("f"))
    let tree = app.state.treeRows
    #expect(Set(tree.filter { $0.kind == .initiative }.map(\.id)) == red)
    #expect(tree.filter { $0.kind == .component && $0.id == "PGS" }.allSatisfy { $0.isContext })
    app.press(.character("3"))
    #expect(Set(app.state.timelineRows.filter { $0.kind == .initiative }.map(\.id)) == red)
  }
}
