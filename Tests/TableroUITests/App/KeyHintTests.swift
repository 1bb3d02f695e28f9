import Testing
import TableroCore
@testable import TableroUI

/// The key bar lists the keys that work where the user is, dialogs and view 5 included
/// (issue 9). Each hint is checked against the handler: pressing it does what it says.
@Suite struct KeyHintTests {
  func keyBar(_ app: AppHarness) -> String { app.lines[23] }

  @Test func agreementsViewHasItsOwnKeys() throws {
    var app = try AgreementsTests.app()
    app.press(.character("5"))
    let bar = keyBar(app)
    #expect(bar.contains("a nuevo") && bar.contains("m míos") && bar.contains("v vencidos"), "\(bar)")
    #expect(!bar.contains("/ buscar") && !bar.contains("f filtro"), "keys that do nothing in view 5: \(bar)")
  }

  @Test func helpShowsScrollBackAndQuit() throws {
    var app = try AppHarness(.demo)
    app.press(.character("?"))
    let bar = keyBar(app)
    #expect(bar.contains("Esc volver") && bar.contains("q salir"), "\(bar)")
    #expect(!bar.contains("Intro"), "\(bar)")
  }

  @Test func eachDialogListsItsOwnKeys() throws {
    var app = try EditingTests.openACMI04()
    // Progress form: two fields, Enter accepts.
    app.press(.character("e"))
    #expect(keyBar(app).contains("Intro aceptar") && keyBar(app).contains("Tab campo"), "\(keyBar(app))")
    app.press(.escape)
    // Edit form: Enter moves to the next field until the last.
    app.press(.character("E"))
    #expect(keyBar(app).contains("Intro siguiente"), "\(keyBar(app))")
    app.press(.escape)
    // Removal: yes / no, no Tab, no "Intro aceptar".
    app.press(.character("x"))
    let remove = keyBar(app)
    #expect(remove.contains("s sí, eliminar") && remove.contains("n Esc no"), "\(remove)")
    #expect(!remove.contains("Tab"), "\(remove)")
    app.press(.character("n"))
    // Quit with unsaved changes.
    app.press(.character("e"), .control("u"))
    app.type("41")
    app.press(.enter, .character("q"))
    let quit = keyBar(app)
    #expect(quit.contains("g guardar y salir") && quit.contains("d descartar y salir") && quit.contains("Esc seguir aquí"), "\(quit)")
    #expect(!quit.contains("Tab"), "\(quit)")
  }

  @Test func saveHintOnlyWithSomethingToSave() throws {
    var app = try EditingTests.openACMI04()
    #expect(!keyBar(app).contains("guardar"), "\(keyBar(app))")
    app.press(.character("e"), .control("u"))
    app.type("41")
    app.press(.enter)
    #expect(keyBar(app).contains("s guardar"), "\(keyBar(app))")
  }

  @Test func searchPromptHints() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    #expect(keyBar(app).contains("Esc cancelar"), "\(keyBar(app))")
  }
}
