import Testing
import TableroCore
@testable import TableroUI

/// Messages name items by id and name, in the user's language; never an internal field name or
/// a JSON path (issue 9, defect 8: "edited actualizado", "milestones[0].done actualizado",
/// "agreementNote actualizado", "$.initiatives[15]" in Ayuda).
@Suite struct MessageWordingTests {
  static let internalWords = ["actualizado", "updated", "edited", "milestones[", "agreementNote", "milestone ", "$.", "rename", "(+"]

  /// Enter through a form's fields until it closes (long forms move to the next field).
  static func submit(_ app: inout AppHarness) {
    for _ in 0..<10 where app.state.modal != nil { app.press(.enter) }
  }

  func expectNoInternalWords(_ text: String, _ comment: Comment? = nil) {
    for word in Self.internalWords where word != "actualizado" && word != "updated" {
      #expect(!text.contains(word), "\(word) in \(text)")
    }
  }

  @Test func editFormNamesTheItemAndTheChangedFields() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("E"), .tab, .control("u"))
    app.type("Ana Pérez")
    Self.submit(&app)
    let name = try #require(app.initiative("ACMI-04")).name
    let message = try #require(app.state.message?.text)
    #expect(message.hasPrefix("ACMI-04 «\(name.prefix(10))"), "\(message)")
    #expect(message.hasSuffix(": responsable actualizados") || message.contains("responsable"), "\(message)")
    #expect(!message.contains("edited") && !message.contains("nombre"), "only what changed: \(message)")
  }

  @Test func milestoneMessagesNameTheMilestone() throws {
    var app = try EditingTests.openACMI04()
    let names = try #require(app.initiative("ACMI-04")).milestones.map(\.name)
    #expect(!names.isEmpty, "ACMI-04 has no milestones in the demo")
    app.press(.character("c"))
    Self.submit(&app)
    let done = try #require(app.state.message?.text, "\(app.text)")
    #expect(names.contains { done.contains("hito «\($0)» cumplido") }, "\(done)")
    expectNoInternalWords(done)
    app.press(.character("X"), .control("u"))
    app.type("1")
    Self.submit(&app)
    let removed = try #require(app.state.message?.text, "\(app.text)")
    #expect(names.contains { removed.contains("hito «\($0)» eliminado") }, "\(removed)")
    expectNoInternalWords(removed)
  }

  @Test func englishMessagesToo() throws {
    var app = try AppHarness(.demo, language: .en)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter, .character("E"), .tab, .control("u"))
    app.type("Ann")
    Self.submit(&app)
    let message = try #require(app.state.message?.text)
    #expect(message.contains("ACMI-04 «") && message.contains("owner updated"), "\(message)")
  }

  @Test func agreementNoteIsToldAsProgress() throws {
    var app = try AgreementsTests.app()
    app.press(.character("/"))
    app.type("ACMI-04")
    app.press(.enter, .character("C"))
    app.type("Publicar el fallo")
    app.press(.tab)
    app.type("Ana Pérez")
    Self.submit(&app)
    app.press(.character("5"), .character("e"))
    app.type("Borrador listo")
    Self.submit(&app)
    let message = try #require(app.state.message?.text)
    #expect(message.contains("AC-001") && message.contains("avance"), "\(message)")
    expectNoInternalWords(message)
  }

  @Test func helpWarningsNameTheItem() throws {
    var loaded = try EmbeddedPortfolios.load(.demo)
    guard let i = loaded.portfolio.initiatives.firstIndex(where: { $0.id == "ACMI-04" }) else {
      Issue.record("no ACMI-04")
      return
    }
    loaded.warnings = [.warning("$.initiatives[\(i)].actualProgress", .doneProgressMismatch)]
    var app = AppHarness(loaded: loaded)
    app.press(.character("?"), .end)
    let line = try #require(app.lines.first { $0.contains("ACMI-04") }, "\(app.text)")
    #expect(line.contains("iniciativa ACMI-04 «") && line.contains("avance real"), "\(line)")
    #expect(!app.text.contains("$.initiatives"))
  }

  @Test func recoveryPreviewDescribesBatchesInWords() throws {
    let portfolio = try EmbeddedPortfolios.load(.demo).portfolio
    let x = try #require(portfolio.initiative("ACMI-04"))
    let edit = Edit.batch([
      .rename(id: "ACMI-04", name: "Nuevo nombre"), .setResponsible(id: "ACMI-04", name: x.responsible),
      .setWeight(id: "ACMI-04", value: x.weight + 1),
    ])
    let text = EditDescription(.es, before: portfolio).describe(edit)
    #expect(text == "ACMI-04 «\(EditDescription.short(x.name))»: nombre y peso actualizados")
    let removal = EditDescription(.en, before: portfolio).describe(.remove(id: "ACMI-04"))
    #expect(removal == "Removed: ACMI-04 «\(EditDescription.short(x.name))»")
  }
}
