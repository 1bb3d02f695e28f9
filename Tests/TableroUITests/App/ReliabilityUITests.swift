import Testing
import TableroCore
@testable import TableroUI

#if canImport(Glibc)
  import Glibc
#endif

/// The UI never pretends (a change the journal refused is taken back) and never freezes on
/// long text (forms and wrapping are linear in the text).
@Suite struct ReliabilityUITests {
  static func milliseconds(_ work: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    work()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1_000_000
  }

  /// ACMI-04 with `lines` note lines of 70 characters, selected.
  static func withLongNotes(_ lines: Int) throws -> AppHarness {
    var loaded = try EmbeddedPortfolios.load(.demo)
    let i = try #require(loaded.portfolio.initiatives.firstIndex { $0.id == "ACMI-04" })
    loaded.portfolio.initiatives[i].notes = (1...lines).map { "\($0): " + String(repeating: "avance de obra según acta ", count: 3) }
      .joined(separator: "\n")
    var app = AppHarness(loaded: loaded)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter)
    return app
  }

  /// 100 and 400 note lines: opening `E`, moving to the notes and typing stay well under a
  /// frame's budget per key (they took 2.7 s per key at 100 lines, over a minute at 400).
  @Test(arguments: [100, 400]) func longNotesKeepTheEditFormFast(lines: Int) throws {
    var app = try Self.withLongNotes(lines)
    var worst = 0.0
    worst = max(worst, Self.milliseconds { app.press(.character("E")); _ = app.screen })
    #expect(app.text.contains("Editar ACMI-04"))
    for _ in 0..<7 { worst = max(worst, Self.milliseconds { app.press(.tab); _ = app.screen }) }
    worst = max(worst, Self.milliseconds { app.press(.end); _ = app.screen })
    for c in " fin." { worst = max(worst, Self.milliseconds { app.press(.character(c)); _ = app.screen }) }
    for _ in 0..<20 { worst = max(worst, Self.milliseconds { app.press(.left); _ = app.screen }) }
    print("E form with \(lines) note lines: worst key + frame \(String(format: "%.1f", worst)) ms")
    // A guard against the quadratic wrap (2.7 s per key at 100 lines before the fix), not a
    // speed target: the frame budget is measured in the benchmark, and a loaded CI machine
    // took 108 ms here.
    #expect(worst < 1000, "worst key + frame took \(worst) ms")
    app.press(.enter)
    #expect(app.initiative("ACMI-04")?.notes.hasSuffix(" fin.") == true)
  }

  /// Unbroken text (no spaces) is wrapped in one pass.
  @Test func wrappingAHundredThousandCharacterWordIsLinear() {
    let word = String(repeating: "ñ", count: 100_000)
    var lines: [String] = []
    let ms = Self.milliseconds { lines = TextWrap.lines(word, width: 70) }
    #expect(lines.count == 1429)
    #expect(lines.dropLast().allSatisfy { $0.count == 70 })
    #expect(lines.joined() == word)
    #expect(ms < 1000, "wrapping took \(ms) ms")
  }

  /// A change the journal could not record is taken back on screen and cannot be redone; an
  /// undo the journal refused is redone.
  @Test func aChangeTheJournalRefusedIsTakenBack() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter)
    let before = app.state.portfolio
    app.press(.character("e"), .control("u"))
    app.type("55")
    app.press(.enter)
    let edit = try #require(app.journal.last)
    #expect(app.initiative("ACMI-04")?.actualProgress == 55)
    _ = update(&app.state, with: .recordFailed(edit, message: "disco lleno"))
    #expect(app.state.portfolio == before)
    #expect(!app.state.isDirty)
    #expect(app.text.contains("No se aplicó el cambio: disco lleno"))
    app.effects = []
    app.press(.control("r"))
    #expect(app.state.portfolio == before, "a change never journalled came back with redo")
    #expect(app.journal.isEmpty)

    // An undo the journal refused: the change stays.
    app.press(.character("e"), .control("u"))
    app.type("60")
    app.press(.enter)
    app.press(.character("u"))
    #expect(app.initiative("ACMI-04")?.actualProgress == 40)
    _ = update(&app.state, with: .recordFailed(.undo, message: "disco lleno"))
    #expect(app.initiative("ACMI-04")?.actualProgress == 60)
    #expect(app.state.isDirty)
  }

  /// A message longer than the terminal is wrapped, not cut: its last words are on screen.
  @Test func aLongMessageIsWrappedNotCut() throws {
    var app = try AppHarness(.demo)
    let text = "/home/ana/Documentos/Oficina de Proyectos/portafolio-2026.json: no se pudo guardar (reemplazar / rename: No space left on device); el archivo anterior queda intacto y los cambios siguen en el diario"
    _ = update(&app.state, with: .notice(text, isError: true))
    let lines = app.lines
    #expect(lines.count == 24)
    let shown = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(shown.contains("siguen en el diario"), "\(app.text)")
    #expect(shown.contains("el archivo anterior queda intacto"))
    #expect(lines[23].contains("salir") || lines[23].contains("q"), "the key bar stays")
  }

  /// The write-protection question: s saves anyway, Esc keeps the changes unsaved.
  @Test func aWriteProtectedSaveAsksAndCanSaveAnyway() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter, .character("e"), .control("u"))
    app.type("55")
    app.press(.enter, .character("s"))
    _ = update(&app.state, with: .saveWriteProtected(message: "/tmp/p.json: el archivo está protegido contra escritura (permisos 0444 (r--r--r--))"))
    #expect(app.text.contains("Archivo protegido contra escritura"))
    #expect(app.text.contains("s guardar de todos modos"))
    app.effects = []
    app.press(.character("s"))
    #expect(app.actions == [.saveOverProtection(app.state.portfolio)])
    _ = update(&app.state, with: .saveWriteProtected(message: "protegido"))
    app.press(.escape)
    #expect(app.state.modal == nil)
    #expect(app.state.isDirty)
  }
}
