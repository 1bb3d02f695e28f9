import Testing
import TableroCore
@testable import TableroUI

/// Pick instead of type (issue 9): component, agreement item and responsable fields offer a
/// filtered list under the field; the screen is what the user sees after the keys.
@Suite struct PickListTests {

  static func openForm(_ app: AppHarness) -> FormState? {
    if case .form(let form) = app.state.modal { return form }
    return nil
  }

  /// The rows right under the field whose label is `label`: where the list is drawn.
  static func rowsUnder(_ label: String, in app: AppHarness, count: Int) -> [String] {
    let lines = app.lines
    guard let row = lines.firstIndex(where: { $0.contains(label) }) else { return [] }
    return Array(lines[min(lines.count, row + 2)..<min(lines.count, row + 2 + count)])
  }

  static func openMove() throws -> AppHarness {
    var app = try EditingTests.openACMI04()
    app.press(.character("m"), .control("u"))
    return app
  }

  @Test func typingNarrowsTheListAccentsAndCaseIgnored() throws {
    var app = try Self.openMove()
    // Empty text: every component, more than fit, so the list scrolls (▼).
    #expect(Self.openForm(app)?.fields[0].pick?.matches.count == 9)
    #expect(Self.rowsUnder("Componente destino", in: app, count: 6).last?.contains("▼") == true, "\(app.text)")
    app.type("CLINIC")
    let rows = Self.rowsUnder("Componente destino", in: app, count: 3)
    #expect(rows[0].contains("ECE") && rows[0].contains("Expediente Clínico"), "\(app.text)")
    #expect(rows[1].contains("GPC") && rows[1].contains("Guías de Práctica"), "\(app.text)")
    #expect(!rows[2].contains("Marco") && !rows[2].contains("PMSRS"), "\(app.text)")
    #expect(Self.openForm(app)?.fields[0].pick?.matches.map(\.value) == ["ECE", "GPC"])
    #expect(app.lines.last?.contains("cerrar lista") == true, "footer: \(app.lines.last ?? "")")
  }

  @Test func arrowsAndEnterPickTheComponentTheInitiativeMovesTo() throws {
    var app = try Self.openMove()
    app.type("clinic")
    app.press(.down, .down, .up, .down)
    #expect(Self.rowsUnder("Componente destino", in: app, count: 2)[1].contains("GPC"))
    app.press(.enter)
    #expect(app.state.modal == nil, "\(app.text)")
    #expect(app.initiative("ACMI-04")?.componentID == "GPC")
  }

  @Test func downOpensTheListOfAOneFieldForm() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("m"))
    #expect(Self.openForm(app)?.showingPick == nil, "no list before typing")
    app.press(.down)
    #expect(Self.openForm(app)?.fields[0].pick?.matches.count == 9)
    #expect(Self.rowsUnder("Componente destino", in: app, count: 1).first?.contains("ECE") == true, "\(app.text)")
  }

  @Test func anExactIDComesFirstInAnyCase() throws {
    var app = try Self.openMove()
    // "ca" is also inside "Práctica", "Calidad", "compra coordinada…": CA itself is first.
    app.type("ca")
    #expect(Self.openForm(app)?.fields[0].pick?.matches.first?.value == "CA")
    app.press(.enter)
    #expect(app.initiative("ACMI-04")?.componentID == "CA")
  }

  @Test func escClosesTheListKeepingTheText() throws {
    var app = try Self.openMove()
    app.type("clin")
    app.press(.escape)
    let form = try #require(Self.openForm(app), "Esc with the list open must not cancel the form")
    #expect(form.fields[0].text == "clin")
    #expect(form.showingPick == nil)
    #expect(!Self.rowsUnder("Componente destino", in: app, count: 2).joined().contains("Expediente"), "\(app.text)")
    app.press(.escape)
    #expect(app.state.modal == nil)
  }

  @Test func aLongItemListScrollsAndFitsTheScreen() throws {
    var app = try AgreementsTests.app()
    app.press(.character("5"), .character("i"))
    app.type("acmi")
    let matches = try #require(Self.openForm(app)?.fields[0].pick?.matches)
    #expect(matches.count > PickListState.maxRows)
    #expect(matches.first?.value == "ACMI")
    for _ in 0..<PickListState.maxRows { app.press(.down) }
    let target = matches[PickListState.maxRows].value
    let rows = Self.rowsUnder("Id (vacío: todos)", in: app, count: PickListState.maxRows)
    #expect(rows.last?.contains(target) == true, "\(app.text)")
    #expect(rows.first?.contains("▲") == true, "\(app.text)")
    #expect(!rows.contains { $0.contains(" ACMI ") }, "the first entry scrolled away: \(app.text)")
    #expect(app.lines.count == 24 && app.lines.allSatisfy { $0.displayWidth <= 80 })
    #expect(app.text.contains("Esc cierra la lista"), "the dialog's hint row stays inside the dialog: \(app.text)")
    app.press(.enter)
    #expect(app.state.agreementsView.filter.itemID == target)
  }

  @Test func responsableIsPickedFromThoseInThePortfolio() throws {
    var app = try AgreementsTests.app()
    app.press(.character("5"), .character("a"))
    app.type("Revisar")
    app.press(.tab)
    app.type("dgis")
    #expect(Self.rowsUnder("Responsable", in: app, count: 1).first?.contains("DGIS (ficticio)") == true, "\(app.text)")
    app.press(.enter)
    let form = try #require(Self.openForm(app))
    #expect(form.fields[1].text == "DGIS (ficticio)")
    #expect(form.focus == 2)
  }
}
