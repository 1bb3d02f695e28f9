import Testing
import TableroCore
@testable import TableroUI

/// Clicks select a tab or a row (a second click opens it); the wheel scrolls (issue 9).
@Suite struct MouseTests {
  mutating func click(_ app: inout AppHarness, _ x: Int, _ y: Int) {
    app.effects += update(&app.state, with: .mouse(MouseEvent(x: x, y: y, kind: .click)))
  }

  @Test mutating func clickOnATabShowsThatView() throws {
    var app = try AppHarness(.demo)
    let tree = try #require(app.lines[0].range(of: "2 Portafolio"))
    click(&app, app.lines[0].distance(from: app.lines[0].startIndex, to: tree.lowerBound), 0)
    #expect(app.state.view == .tree)
    let agreements = try #require(app.lines[0].range(of: "5 Acuerdos"))
    click(&app, app.lines[0].distance(from: app.lines[0].startIndex, to: agreements.lowerBound) + 3, 0)
    #expect(app.state.view == .agreements)
  }

  @Test mutating func clickSelectsTheRowUnderItAndASecondClickOpensIt() throws {
    var app = try AppHarness(.demo)
    let y = try #require(app.lines.firstIndex { $0.contains("PMSRS Plan Maestro") })
    click(&app, 10, y)
    #expect(app.state.selectedItem?.id == "PMSRS", "\(app.lines[21])")
    #expect(app.lines[21].hasPrefix("PMSRS ·"))
    click(&app, 10, y)
    #expect(app.state.drillComponent == "PMSRS", "a click on the selected row opens it")
    // A click below the last row or on the total row changes nothing.
    let before = app.state.dashboardCursor
    click(&app, 10, 20)
    #expect(app.state.dashboardCursor == before)
  }

  @Test mutating func wheelScrollsAndDialogsIgnoreTheMouse() throws {
    var app = try AppHarness(.demo)
    app.effects += update(&app.state, with: .mouse(MouseEvent(x: 5, y: 8, kind: .wheelDown)))
    #expect(app.state.dashboardCursor.selected == 3)
    app.effects += update(&app.state, with: .mouse(MouseEvent(x: 5, y: 8, kind: .wheelUp)))
    #expect(app.state.dashboardCursor.selected == 0)
    app.press(.character("d"))
    click(&app, 3, 0)
    #expect(app.state.modal != nil && app.state.view == .dashboard)
  }

  @Test mutating func treeClickInTheDetailPaneSelectsNothing() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"))
    let before = app.state.treeCursor
    click(&app, 70, 6)
    #expect(app.state.treeCursor == before)
    click(&app, 5, 6)
    #expect(app.state.treeCursor.selected == 2)
  }
}
