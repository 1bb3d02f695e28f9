import Testing
import TableroCore
@testable import TableroUI

/// Every pane, dialog and list scrolls at 80×24: the comparison (K), the detail pane, the help
/// with its warnings, the agreements.
@Suite struct ScrollingTests {
  /// The comparison with the date a year before the report: many state changes.
  static func compare(_ app: inout AppHarness) throws -> [String] {
    app.press(.character("K"), .control("u"))
    app.type("30/06/2012")
    app.press(.enter)
    guard case .lines(_, let lines, _) = app.state.modal else {
      Issue.record("no comparison dialog")
      return []
    }
    return lines
  }

  @Test func comparisonListScrollsToItsLastLine() throws {
    var app = try AppHarness(.demo)
    let lines = try Self.compare(&app)
    #expect(lines.count > 18, "more lines than fit: \(lines.count)")
    let wrapped = LinesPage(lines, state: app.state, offset: 0).wrapped
    let last = try #require(wrapped.last)
    #expect(!app.text.contains(last))
    app.press(.end)
    #expect(app.text.contains(last), "\(app.text)")
    #expect(app.text.contains("de \(wrapped.count) · Esc cerrar"), "the dialog says where it is")
    app.press(.home)
    #expect(!app.text.contains(last))
    app.press(.pageDown, .pageDown, .pageDown)
    #expect(app.text.contains(last))
    app.press(.character("k"))
    #expect(app.state.modal != nil)
    app.press(.escape)
    #expect(app.state.modal == nil)
  }

  @Test func detailPaneScrollsToTheNotesAndOverdueMilestones() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .character("/"))
    app.type("acmi-04")
    app.press(.enter)
    let acmi = try #require(app.initiative("ACMI-04"))
    let lastMilestone = try #require(acmi.milestones.last?.name)
    #expect(app.text.contains("↓ } más"), "\(app.text)")
    let before = app.text
    for _ in 0..<6 { app.press(.character("}")) }
    #expect(app.text != before)
    #expect(app.text.contains("↑ {"))
    #expect(!app.text.contains("↓ } más"), "scrolled to the end")
    #expect(app.text.contains("Notas:") || app.text.contains(String(lastMilestone.prefix(10))), "\(app.text)")
    app.press(.character("{"), .character("{"), .character("{"), .character("{"), .character("{"), .character("{"))
    #expect(app.text == before)
  }

  @Test func helpScrollsToItsLastWarning() throws {
    var app = try AppHarness(.demo)
    let warnings = app.state.warnings
    #expect(warnings.count > 10)
    app.press(.character("4"), .end)
    let last = try #require(HelpView.rows(app.state, width: 80).last?.text)
    #expect(app.text.contains(last), "\(app.text)")
    app.press(.up)
    #expect(!app.text.contains(last) || app.state.helpOffset > 0)
    app.press(.home)
    #expect(app.state.helpOffset == 0)
  }

  @Test func agreementsListPagesAndEnds() throws {
    var app = try AppHarness(.demo)
    for n in 1...15 {
      let due = AppHarness.today.adding(days: n)
      try app.state.portfolio.addAgreement(Agreement(
        folio: "AC-\(n < 10 ? "00" : "0")\(n)", text: "Acuerdo \(n)", responsible: "Ana", created: AppHarness.today, due: due))
    }
    app.press(.character("5"))
    let last = try #require(app.state.agreementRows.last?.folio)
    #expect(!app.text.contains(last + " "))
    app.press(.end)
    #expect(app.text.contains(last + " "), "\(app.text)")
    app.press(.home)
    #expect(app.state.agreementsView.cursor.selected == 0)
    app.press(.pageDown)
    #expect(app.state.agreementsView.cursor.selected > 1)
  }
}
