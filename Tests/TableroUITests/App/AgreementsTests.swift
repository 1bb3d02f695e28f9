import Testing
import TableroCore
@testable import TableroUI

@Suite struct AgreementsTests {
  static func app() throws -> AppHarness {
    var app = try AppHarness(.demo)
    app.state.config.userName = "ana"
    app.state.config.now = Timestamp(seconds: 1_372_600_000)
    return app
  }

  @Test func meetingAgreementFromTheSelectedItemAndItsFollowUp() throws {
    var app = try Self.app()
    app.press(.character("R"))
    #expect(app.state.portfolio.openMeeting != nil)
    #expect(app.text.contains("iniciada"))
    app.press(.character("/"))
    app.type("ACMI-04")
    app.press(.enter, .character("C"))
    #expect(app.text.contains("Nuevo acuerdo AC-001"))
    app.type("Publicar el fallo")
    app.press(.tab)
    app.type("Ana Pérez")
    app.press(.tab)
    app.type("DGIS, CENETEC")
    app.press(.tab, .control("u"))
    app.type("15/07/2013")
    app.press(.enter, .enter)
    let a = try #require(app.state.portfolio.agreements.first)
    #expect(a.folio == "AC-001" && a.itemID == "ACMI-04" && a.coResponsibles == ["DGIS", "CENETEC"])
    #expect(a.meetingID == app.state.portfolio.openMeeting?.id)
    // The agreement shows in the item's detail pane.
    app.press(.character("2"))
    app.press(.character("/"))
    app.type("ACMI-04")
    app.press(.enter)
    #expect(app.text.contains("AC-001 Pendiente"), "\(app.text)")
    // View 5: progress note, then conclude.
    app.press(.character("5"))
    #expect(app.lines[0].contains("5 Acuerdos"))
    #expect(app.text.contains("AC-001") && app.text.contains("Publicar el fallo"))
    app.press(.character("e"))
    app.type("Borrador listo")
    app.press(.enter)
    #expect(app.state.portfolio.agreements[0].status(on: AppHarness.today) == .inProgress)
    app.press(.character("c"))
    #expect(app.state.portfolio.agreements[0].concluded == AppHarness.today)
    app.press(.character("u"))
    #expect(app.state.portfolio.agreements[0].concluded == nil)
    app.press(.character("R"))
    #expect(app.state.portfolio.openMeeting == nil)
    #expect(app.journal.contains { if case .edit(.startMeeting) = $0 { true } else { false } })
  }

  @Test func filtersMineAndOverdue() throws {
    var app = try Self.app()
    let day = { (s: String) in Day(userText: s) ?? Day(ordinal: 0) }
    try app.state.portfolio.addAgreement(Agreement(folio: "AC-001", text: "Vencido", responsible: "Luis", created: day("01/06/2013"), due: day("15/06/2013")))
    try app.state.portfolio.addAgreement(Agreement(folio: "AC-002", text: "De Ana", responsible: "Ana", created: day("01/06/2013"), due: day("30/12/2013")))
    try app.state.portfolio.addAgreement(Agreement(folio: "AC-003", text: "Corresponsable", responsible: "Luis", coResponsibles: ["ana"], created: day("01/06/2013"), due: day("30/12/2013")))
    app.press(.character("5"))
    #expect(app.state.agreementRows.map(\.folio) == ["AC-001", "AC-002", "AC-003"])
    #expect(app.text.contains("✗ AC-001 Vencido"))
    app.press(.character("m"))
    #expect(app.state.agreementRows.map(\.folio) == ["AC-002", "AC-003"])
    app.press(.character("m"), .character("v"))
    #expect(app.state.agreementRows.map(\.folio) == ["AC-001"])
    app.press(.character("F"))
    #expect(app.state.agreementRows.count == 3)
  }

  @Test func unknownItemIsRefusedAsTyped() throws {
    var app = try Self.app()
    app.press(.character("5"), .character("a"))
    app.type("Algo")
    app.press(.tab)
    app.type("Ana")
    app.press(.tab, .tab, .tab)
    app.type("NOPE")
    #expect(app.text.contains("no existe el elemento «NOPE»"))
  }
}
