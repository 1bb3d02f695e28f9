import Testing
import TableroCore
@testable import TableroUI

/// The selection stays on the item after an edit, a re-sort or a filter change.
@Suite struct SelectionFollowTests {
  @Test func editThatResortsKeepsTheEditedItemSelected() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter)
    app.sort(by: .deviation)
    #expect(app.selectedID == "ACMI-04")
    let before = app.state.dashboardCursor.selected
    app.press(.character("e"), .control("u"))
    app.type("100")
    app.press(.enter)
    #expect(app.state.dashboardCursor.selected != before, "the row moved in the sorted list")
    #expect(app.selectedID == "ACMI-04")
    // The next `e` edits ACMI-04 again.
    app.press(.character("e"))
    #expect(app.text.contains("Avance real de ACMI-04"))
  }

  @Test func resortAndFilterKeepTheSelection() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .character("/"))
    app.type("pgs-05")
    app.press(.enter)
    #expect(app.selectedID == "PGS-05")
    app.press(.character("o"), .character("o"), .character("O"))
    #expect(app.selectedID == "PGS-05")
    app.press(.character("f"))  // red: PGS-05 is red
    #expect(app.selectedID == "PGS-05")
    let y = try #require(app.lines.firstIndex { $0.prefix(34).contains("PGS-05") })
    #expect(app.screen[x: 6, y: y].style.reverse, "the highlighted row is PGS-05's")
  }

  @Test func whenTheItemLeavesTheListTheNearestStaysSelected() throws {
    var app = try AppHarness(.demo)
    // ECE-01 (green) under ECE; filtering to red hides it: the nearest listed item is chosen,
    // not whatever row happened to be at that position.
    app.press(.character("2"), .character("/"))
    app.type("ece-01")
    app.press(.enter)
    #expect(app.selectedID == "ECE-01")
    let oldRows = app.state.treeRows
    let old = app.state.treeCursor.selected
    app.press(.character("f"))
    let chosen = try #require(app.state.treeRows.indices.contains(app.state.treeCursor.selected) ? app.state.treeRows[app.state.treeCursor.selected] : nil)
    let shown = Set(app.state.treeRows.map(\.path))
    let distances = oldRows.indices.filter { shown.contains(oldRows[$0].path) }.map { abs($0 - old) }
    let nearest = try #require(distances.min())
    let chosenOld = try #require(oldRows.firstIndex { $0.path == chosen.path })
    #expect(abs(chosenOld - old) == nearest)
  }
}
