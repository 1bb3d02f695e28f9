import Testing
import TableroCore
@testable import TableroUI

/// A change (filter, sort, edit) builds only the list on screen; the others are built, with
/// the same rows and selection, when their view is shown. At 100 000 initiatives a filtered
/// list is tens of thousands of rows, so building three of them per key missed 16 ms.
@Suite struct LazyRowsTests {
  @Test func filterOnTheDashboardBuildsOnlyTheDashboard() throws {
    var app = try AppHarness(.demo)
    let before = app.state.rowBuilds
    app.press(.character("f"))
    #expect(app.state.rowBuilds.dashboard == before.dashboard + 1)
    #expect(app.state.rowBuilds.tree == before.tree)
    #expect(app.state.rowBuilds.timeline == before.timeline)
    // Shown later, each list is built once, with the filter.
    app.press(.character("2"))
    #expect(app.state.rowBuilds.tree == before.tree + 1)
    #expect(app.state.treeRows == Self.treeRows(app.state))
    app.press(.character("3"))
    #expect(app.state.rowBuilds.timeline == before.timeline + 1)
    #expect(app.state.timelineRows == Self.timelineRows(app.state))
    // Going back to a list that is up to date builds nothing.
    let shown = app.state.rowBuilds
    app.press(.character("1"), .character("2"), .character("3"))
    #expect(app.state.rowBuilds == shown)
  }

  @Test func editInTheTreeBuildsOnlyTheTree() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .down, .enter, .down)
    #expect(app.state.selectedItem?.kind == .initiative)
    let before = app.state.rowBuilds
    app.press(.character("e"), .control("u"))
    app.type("77")
    app.press(.enter)
    #expect(app.state.isDirty)
    #expect(app.state.rowBuilds.tree > before.tree)
    #expect(app.state.rowBuilds.dashboard == before.dashboard)
    #expect(app.state.rowBuilds.timeline == before.timeline)
    app.press(.character("1"))
    #expect(app.state.dashboardRows == Self.dashboardRows(app.state))
  }

  /// A list built late keeps its selection as if it had been built at once: on the same item,
  /// or on the nearest one still listed.
  @Test func aListBuiltLateSelectsWhatAnEagerBuildWould() throws {
    for target in ["ECE-01", "PGS-05", "GPC"] {
      var eager = try AppHarness(.demo)
      eager.press(.character("2"), .character("/"))
      eager.type(target.lowercased())
      eager.press(.enter)
      #expect(eager.selectedID == target)
      var late = eager
      eager.press(.character("f"))
      late.press(.character("1"), .character("f"), .character("2"))
      #expect(late.state.treeRows == eager.state.treeRows)
      #expect(late.state.treeCursor == eager.state.treeCursor, "\(target)")
      #expect(late.selectedID == eager.selectedID)
    }
  }

  /// Enter on a component and Esc back, with a filter on: the top level's rows are kept while
  /// drilled in and put back (no rebuild), unless something changed meanwhile.
  @Test func drillInAndBackKeepsTheTopLevelRows() throws {
    var app = try AppHarness(.demo)
    app.press(.character("f"))
    while app.state.selectedItem?.kind != .component { app.press(.down) }
    let top = app.state.dashboardRows
    let cursor = app.state.dashboardCursor
    let before = app.state.rowBuilds
    app.press(.enter)
    #expect(app.state.drillComponent != nil)
    app.press(.escape)
    #expect(app.state.drillComponent == nil)
    #expect(app.state.rowBuilds.dashboard == before.dashboard + 1, "only the drill-down was built")
    #expect(app.state.rowBuilds.tree == before.tree && app.state.rowBuilds.timeline == before.timeline)
    #expect(app.state.dashboardRows == top)
    #expect(app.state.dashboardCursor == cursor)
    #expect(app.state.filter.isActive)
    // An edit made while drilled in: Esc builds the top level again, with the edit.
    app.press(.enter)
    let edited = try #require(app.state.selectedItem?.id)
    app.press(.character("e"), .control("u"))
    app.type("1")
    app.press(.enter)
    #expect(app.state.isDirty)
    app.press(.escape)
    #expect(app.state.drillComponent == nil)
    #expect(app.state.dashboardRows == Self.dashboardRows(app.state))
    // Still red at 1 %: listed with its new progress.
    #expect(app.state.dashboardRows.first { $0.kind == .initiative && $0.id == edited }?.status.actual == 1)
  }

  /// The resize of a hidden list is applied when it is shown (cursor kept in range).
  @Test func resizeWhileHiddenKeepsTheCursorInRange() throws {
    var app = try AppHarness(.demo)
    app.press(.character("3"))
    app.press([Key](repeating: .down, count: 12))
    app.press(.character("1"))
    app.resize(80, 12)
    app.press(.character("3"))
    let cursor = app.state.timeline.cursor
    #expect(app.state.timelineRows.indices.contains(cursor.selected))
    #expect(cursor.selected >= cursor.offset && cursor.selected < cursor.offset + Layout.timelineListHeight(app.state.bodyHeight))
  }

  static func treeRows(_ s: AppState) -> [TreeRow] {
    TreeModel.rows(s.portfolio, status: s.status, expanded: s.expanded, filter: s.filter, componentIndex: s.componentIndex, sort: s.sort)
  }

  static func timelineRows(_ s: AppState) -> [TreeRow] {
    TimelineModel.rows(s.portfolio, status: s.status, expanded: s.timeline.expanded, filter: s.filter, sort: s.sort)
  }

  static func dashboardRows(_ s: AppState) -> [DashboardRow] {
    DashboardModel.rows(
      s.portfolio, status: s.status, showsDetail: s.showsDetail, filter: s.filter, sort: s.sort)
  }
}

/// A progress edit changes no id or name: the search index built in an idle moment stays, and
/// still finds what it found (edits of names or structure drop it, in `portfolioChanged`).
@Suite struct SearchIndexKeptTests {
  @Test func progressEditKeepsTheSearchIndex() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .down, .enter, .down)
    _ = update(&app.state, with: .idle)
    #expect(app.state.searchIndex != nil)
    app.press(.character("e"), .control("u"))
    app.type("42")
    app.press(.enter)
    #expect(app.state.isDirty)
    #expect(app.state.searchIndex != nil, "kept across a progress edit")
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter)
    #expect(app.selectedID == "ACMI-04")
    // Undo (an inverse progress edit) keeps it too.
    app.press(.character("u"))
    #expect(app.state.searchIndex != nil)
  }
}
