import Testing
import TableroCore
@testable import TableroUI

@Suite struct EditingTests {
  /// Finds ACMI-04 (the demo's red 40% initiative) the way a user would.
  static func openACMI04() throws -> AppHarness {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter)
    return app
  }

  @Test func progressEditWithNoteUpdatesStatusAndAsksToSave() throws {
    var app = try Self.openACMI04()
    #expect(app.state.selectedItem?.id == "ACMI-04")
    app.press(.character("e"))
    #expect(app.text.contains("Avance real de ACMI-04"))
    app.press(.control("u"))
    app.type("55")
    app.press(.tab)
    app.type("Licitación publicada")
    app.press(.enter)
    let acmi = try #require(app.initiative("ACMI-04"))
    #expect(acmi.actualProgress == 55)
    #expect(acmi.notes.contains("01/07/2013: 40.0% → 55.0%. Licitación publicada"))
    #expect(app.lines[0].contains("● sin guardar"))
    #expect(app.lines[22].contains("ACMI-04: avance 40% → 55%"))
    // The component moved from red to yellow (Assets/README.md).
    let c = try #require(app.state.portfolio.componentIndex("ACMI"))
    #expect(app.state.status.components[c].level == .minorDeviation)
    app.press(.character("s"))
    #expect(app.actions == [.save(app.state.portfolio)])
    _ = update(&app.state, with: .saveFinished(error: nil))
    #expect(app.lines[0].contains("guardado"))
  }

  @Test func invalidProgressIsRefusedWithTheReason() throws {
    var app = try Self.openACMI04()
    app.press(.character("e"), .control("u"))
    app.type("150")
    #expect(app.text.contains("debe estar entre 0 y 100"))
    app.press(.enter)
    #expect(app.initiative("ACMI-04")?.actualProgress == 40)
    #expect(app.state.modal != nil)
    app.press(.escape)
    #expect(app.state.modal == nil)
    #expect(app.state.isDirty == false)
  }

  @Test func endBeforeStartIsExplainedAsTyped() throws {
    var app = try Self.openACMI04()
    app.press(.character("E"))
    app.press(.tab, .tab, .tab, .control("u"))
    app.type("01/01/2000")
    #expect(app.text.contains("fecha de fin anterior al inicio"))
  }

  @Test func undoRedoEveryEdit() throws {
    var app = try Self.openACMI04()
    let original = app.state.portfolio
    app.press(.character("e"), .control("u"))
    app.type("70")
    app.press(.enter)
    app.press(.character("d"), .control("u"))
    app.type("31/12/2014")
    app.press(.enter)
    #expect(app.state.portfolio.reportDate.display == "31/12/2014")
    app.press(.character("u"), .character("u"))
    #expect(app.state.portfolio == original)
    app.press(.control("r"))
    #expect(app.initiative("ACMI-04")?.actualProgress == 70)
  }

  @Test func reportDateRecomputesTheWholeScreen() throws {
    var app = try AppHarness(.seed)
    #expect(app.line(containing: "ECE Expediente")?.contains("    0.0%") == true)
    app.press(.character("d"), .control("u"))
    app.type("31/12/2016")
    app.press(.enter)
    #expect(app.lines[1].contains("Fecha del reporte 31/12/2016"))
    let ece = try #require(app.line(containing: "ECE Expediente"))
    #expect(ece.contains("100.0%") && ece.hasPrefix("✗"))
  }

  @Test func quitAsksWhenThereAreUnsavedChanges() throws {
    var app = try Self.openACMI04()
    app.press(.character("e"), .control("u"))
    app.type("60")
    app.press(.enter)
    app.press(.character("q"))
    #expect(app.actions.isEmpty)
    #expect(app.text.contains("Cambios sin guardar"))
    app.press(.escape)
    #expect(app.state.modal == nil)
    app.press(.character("q"), .character("g"))
    #expect(app.actions == [.save(app.state.portfolio)])
    app.effects = update(&app.state, with: .saveFinished(error: nil))
    #expect(app.actions == [.quit])
  }

  @Test func quitWithoutChangesQuitsAtOnce() throws {
    var app = try AppHarness(.seed)
    app.press(.character("q"))
    #expect(app.actions == [.quit])
  }

  @Test func failedSaveKeepsChangesAndSaysWhy() throws {
    var app = try Self.openACMI04()
    app.press(.character("e"), .control("u"))
    app.type("60")
    app.press(.enter, .character("s"))
    _ = update(&app.state, with: .saveFinished(error: "disco lleno"))
    #expect(app.state.isDirty)
    #expect(app.lines[22].contains("No se guardó: disco lleno"))
  }

  @Test func addInitiativeWithAccentsAndWideCharacters() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"))
    app.press(.down)  // RTE ▸ ECE
    app.press(.character("a"))
    app.press(.tab)
    app.type("Atención al niño 漢字 e\u{301}")
    app.press(.enter, .enter, .enter, .enter, .enter, .enter, .enter)
    let added = try #require(app.initiative("ECE-06"))
    #expect(added.name == "Atención al niño 漢字 e\u{301}")
    #expect(app.state.selectedItem?.id == "ECE-06")
    #expect(app.lines.allSatisfy { $0.displayWidth <= 80 })
    #expect(app.text.contains("Atención al niño"))
  }

  @Test func removeAsksAndSaysWhatGoesWithIt() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .down)
    app.press(.character("x"))
    #expect(app.text.contains("Se eliminará el componente ECE con sus 5 iniciativas"))
    app.press(.character("n"))
    #expect(app.state.portfolio.component("ECE") != nil)
    app.press(.character("x"), .character("s"))
    #expect(app.state.portfolio.component("ECE") == nil)
    #expect(app.state.portfolio.initiatives.allSatisfy { $0.componentID != "ECE" })
    app.press(.character("u"))
    #expect(app.state.portfolio.component("ECE") != nil)
  }

  /// Issue 12: an imperative's indicators go with it; the confirmation lists them by id and name.
  @Test func removingAnImperativeListsTheIndicatorsThatGoWithIt() throws {
    var app = try AppHarness(.demo, size: Size(width: 100, height: 30))
    app.press(.character("2"))
    #expect(app.state.selectedItem?.id == "RTE")
    app.press(.character("x"))
    let text = app.text
    #expect(text.contains("Se eliminará el imperativo RTE"), "\(text)")
    #expect(text.contains("También se eliminarán sus 2 indicadores, con sus mediciones:"), "\(text)")
    #expect(text.contains("· 1.1 Días de espera para cirugía"), "\(text)")
    #expect(text.contains("· 1.2 Referencias entre instituciones"), "\(text)")
    app.press(.character("s"))
    #expect(app.state.portfolio.indicators.allSatisfy { $0.ownerID != "RTE" })
    #expect(app.state.portfolio.indicators.count == 4)
    app.press(.character("u"))
    #expect(app.state.portfolio.indicators.count == 6)
    // A component without indicators says nothing about them; one with them lists its own.
    var p = app.state.portfolio
    #expect(p.removalImpact(of: "ECE")?.indicators == [])
    p.indicators.append(Indicator(id: "9.1", name: "Expedientes en línea", ownerID: "ECE"))
    let impact = try #require(p.removalImpact(of: "ECE"))
    #expect(impact.lines(.en) == [impact.describe(.en), "Its indicator goes too, with its measurements:", "  · 9.1 Expedientes en línea"])
  }

  @Test func readOnlyRefusesEdits() throws {
    var app = try AppHarness(.demo, readOnly: true)
    app.press(.character("/"))
    app.type("ACMI-04")
    app.press(.enter, .character("e"))
    #expect(app.state.modal == nil)
    #expect(app.text.contains("Solo lectura"))
    app.press(.character("q"))
    #expect(app.actions == [.quit])
  }
}

@Suite struct FormTypingTests {
  @Test func typingReplacesTheProposedValueUntilTheCursorMoves() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("e"))
    app.type("55")
    guard case .form(let form) = app.state.modal else {
      Issue.record("no form")
      return
    }
    #expect(form.fields[0].text == "55")
    app.press(.tab, .backTab, .end)
    app.type("5")
    guard case .form(let again) = app.state.modal else { return }
    #expect(again.fields[0].text == "555")
  }
}

@Suite struct JournalEffectTests {
  @Test func everyEditUndoAndRedoIsJournalledAndReplaysToTheSameState() throws {
    var app = try EditingTests.openACMI04()
    let original = app.state.portfolio
    app.press(.character("e"))
    app.type("70")
    app.press(.tab)
    app.type("nota")
    app.press(.enter)
    app.press(.character("d"))
    app.type("31/12/2014")
    app.press(.enter)
    app.press(.character("u"), .control("r"), .character("u"))
    #expect(app.journal.count == 5)
    #expect(app.journal[0] == .edit(.setProgress(id: "ACMI-04", value: 70, note: "nota", day: AppHarness.today)))
    #expect(app.journal[2] == .undo && app.journal[3] == .redo && app.journal[4] == .undo)
    var replayed = original
    #expect(replayed.replay(app.journal).isEmpty)
    #expect(replayed == app.state.portfolio)
  }

  @Test func undoingBackToTheSavedStateClearsTheUnsavedMark() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("e"))
    app.type("70")
    app.press(.enter)
    #expect(app.state.isDirty)
    app.press(.character("u"))
    #expect(!app.state.isDirty)
  }
}

@Suite struct HostileTextTests {
  @Test func longRightToLeftEmojiAndCombiningTextIsStoredAsTypedAndFits() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .down)
    app.press(.character("a"), .tab)
    let name = String(repeating: "Atención ", count: 40) + "مرحبا بالعالم 😀👍🏽 e\u{301}ñ 漢字"
    app.type(name)
    app.press(.control("a"))  // Home in a field: control keys move, they never enter the text
    app.press(.enter, .enter, .enter, .enter, .enter, .enter, .enter)
    let added = try #require(app.initiative("ECE-06"))
    #expect(added.name == name.trimmingCharacters(in: .whitespaces))
    for view in ["1", "2", "3"] {
      app.press(.character(Character(view)))
      #expect(app.lines.allSatisfy { $0.displayWidth <= 80 }, "view \(view)")
      #expect(app.lines.count == 24)
    }
  }

  @Test func controlCharactersNeverEnterTheData() throws {
    var app = try EditingTests.openACMI04()
    app.press(.character("E"))
    app.press(.end)
    app.type(" \u{7}\u{1B}[31m\u{0}x")
    app.press(.enter, .enter, .enter, .enter, .enter, .enter, .enter, .enter)
    let name = try #require(app.initiative("ACMI-04")?.name)
    #expect(!name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(name.hasSuffix("[31mx"))
  }
}
