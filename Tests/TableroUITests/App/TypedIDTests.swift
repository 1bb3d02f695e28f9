import Testing
import TableroCore
@testable import TableroUI

/// Ids typed in forms match whatever their capitalisation (issue 9, "pick instead of type").
@Suite struct TypedIDTests {
  @Test func moveAcceptsALowerCaseComponentID() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("m"), .control("u"))
    app.type("pmsrs")
    #expect(!app.text.contains("no existe el componente"), "\(app.text)")
    app.press(.enter)
    #expect(app.initiative("ACMI-04")?.componentID == "PMSRS")
  }

  @Test func agreementItemIsStoredWithItsOwnSpelling() throws {
    var app = try AgreementsTests.app()
    app.press(.character("5"), .character("a"))
    app.type("Revisar")
    app.press(.tab)
    app.type("Ana")
    app.press(.tab, .tab, .tab)
    app.type("acmi-04")
    #expect(!app.text.contains("no existe el elemento"), "\(app.text)")
    MessageWordingTests.submit(&app)
    #expect(app.state.portfolio.agreements.first?.itemID == "ACMI-04")
  }
}
