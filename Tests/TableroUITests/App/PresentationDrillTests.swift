import Testing
import TableroCore
@testable import TableroUI

/// In presentation mode Intro lists a component's initiatives under it, and every key that does
/// nothing says why (issue 9).
@Suite struct PresentationDrillTests {
  @Test func enterListsTheComponentsInitiatives() throws {
    var app = try AppHarness(.demo)
    app.press(.character("P"))
    let p = try #require(app.state.presentation)
    let first = try #require(app.state.presentationRows.first)
    let initiatives = app.state.status.initiativesByComponent[first.componentIndex]
    let someID = try #require(initiatives.first.map { app.state.portfolio.initiatives[$0].id })
    #expect(!app.text.contains(someID + " "), "initiatives hidden before Intro")
    app.press(.enter)
    #expect(app.state.presentation?.openComponent == first.componentIndex)
    #expect(app.text.contains(someID + " "), "\(app.text)")
    app.press(.enter)
    #expect(app.state.presentation?.openComponent == nil)
    #expect(!app.text.contains(someID + " "))
    _ = p
  }

  @Test func keysThatDoNothingSayWhy() throws {
    var app = try AppHarness(.demo)
    app.press(.character("P"), .character("e"))
    #expect(app.lines[app.lines.count - 2].contains("en la presentación no se edita"), "\(app.text)")
    app.press(.character("/"))
    #expect(app.state.message?.text.contains("es de las vistas") == true, "\(app.state.message?.text ?? "")")
    app.press(.character("Y"))
    #expect(app.state.message?.text.contains("Tecla «Y» sin función en la presentación") == true)
    #expect(app.state.presentation != nil)
  }
}
