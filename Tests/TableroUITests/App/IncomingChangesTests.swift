import Testing
import TableroCore
@testable import TableroUI

/// Others' saves coming into a TUI session (issue 11), headless: polling results and merged
/// saves as the runner reports them, the resolver inside the TUI, the marks and the messages.
@Suite struct IncomingChangesTests {
  static let day = Day(year: 2013, month: 7, day: 1) ?? Day(ordinal: 0)

  /// The demo with ACMI-04 at 55 (another session's save) and, unsaved here, ACMI-04 edited.
  static func appWithUnsavedEdit(_ language: Language = .es) throws -> (AppHarness, saved: Portfolio) {
    var app = try AppHarness(.demo, language: language)
    let saved = app.state.portfolio
    app.press(.character("/"))
    app.type("ECE-02")
    app.press(.enter, .character("e"), .control("u"))
    app.type("12")
    app.press(.enter)
    #expect(app.initiative("ECE-02")?.actualProgress == 12)
    return (app, saved)
  }

  static func othersSave(_ saved: Portfolio, _ id: String, _ value: Double) throws -> Portfolio {
    var theirs = saved
    try theirs.apply(.setProgress(id: id, value: value, note: nil, day: day))
    return theirs
  }

  static func record(_ id: String, _ old: String, _ new: String, by user: String = "mlopez@srv") -> HistoryRecord {
    HistoryRecord(at: "2013-07-01T15:41:00Z", user: user, id: id, field: "actualProgress", old: old, new: new)
  }

  @Test func othersSaveComesInWithUnsavedEditsOnTopMarkedAndSaysWho() throws {
    var (app, saved) = try Self.appWithUnsavedEdit()
    let theirs = try Self.othersSave(saved, "ACMI-04", 55)
    let merge = PortfolioMerge.merge(base: saved, mine: app.state.portfolio, theirs: theirs)
    _ = update(&app.state, with: .othersSaved(IncomingChanges(
      portfolio: merge.portfolio, saved: theirs, taken: merge.summary.fromTheirs, records: [Self.record("ACMI-04", "40", "55")])))
    #expect(app.initiative("ACMI-04")?.actualProgress == 55, "their save is on screen")
    #expect(app.initiative("ECE-02")?.actualProgress == 12, "the unsaved edit stays on top")
    #expect(app.state.isDirty)
    #expect(app.text.contains("Cambios de mlopez: ACMI-04 avance real 40% → 55%"), "\(app.text)")
    #expect(app.state.changedByOthers == ["ACMI-04", "ACMI"])
    app.press(.escape)
    #expect(app.line(containing: "Adquisición")?.contains("ACMI↻ Adquisición") == true, "component marked: \(app.text)")
    // Undo still takes back only this session's edit.
    app.press(.character("u"))
    #expect(app.initiative("ECE-02")?.actualProgress == 100)
    #expect(app.initiative("ACMI-04")?.actualProgress == 55)
    #expect(!app.state.isDirty, "back at the file as the others left it")
  }

  @Test func aConflictTakenInSaysTheSaveWillAskInEnglishToo() throws {
    var (app, saved) = try Self.appWithUnsavedEdit(.en)
    let theirs = try Self.othersSave(saved, "ECE-02", 50)
    let merge = PortfolioMerge.merge(base: saved, mine: app.state.portfolio, theirs: theirs)
    #expect(merge.unresolved.count == 1)
    _ = update(&app.state, with: .othersSaved(IncomingChanges(
      portfolio: merge.portfolio, saved: saved, taken: merge.summary.fromTheirs, records: [Self.record("ECE-02", "100", "50")],
      conflicts: merge.unresolved)))
    #expect(app.initiative("ECE-02")?.actualProgress == 12, "this session's value stays until the save")
    #expect(app.text.contains("Changes by mlopez: ECE-02 actual progress 100% → 50%"), "\(app.text)")
    #expect(app.text.contains("1 field you changed too:") && app.text.contains("decided when you save"), "\(app.text)")
  }

  @Test func aSaveWithAConflictOpensTheResolverAndItsAnswerIsSaved() throws {
    var (app, saved) = try Self.appWithUnsavedEdit()
    app.press(.character("s"))
    #expect(app.actions == [.save(app.state.portfolio)])
    let theirs = try Self.othersSave(saved, "ECE-02", 50)
    let merge = PortfolioMerge.merge(base: saved, mine: app.state.portfolio, theirs: theirs)
    _ = update(&app.state, with: .saveNeedsResolution(merge))
    #expect(app.text.contains("Conflictos: 1"), "\(app.text)")
    #expect(app.text.contains("ECE-02"), "\(app.text)")
    app.effects = []
    app.press(.character("m"), .enter)
    guard case .saveResolved(let resolved) = app.actions.last else {
      Issue.record("no save after the resolver: \(app.actions)")
      return
    }
    #expect(resolved.unresolved.isEmpty && resolved.portfolio.initiative("ECE-02")?.actualProgress == 12)
    #expect(app.state.modal == nil)
  }

  @Test func cancellingTheResolverKeepsTheEditsUnsaved() throws {
    var (app, saved) = try Self.appWithUnsavedEdit()
    app.press(.character("s"))
    let merge = PortfolioMerge.merge(base: saved, mine: app.state.portfolio, theirs: try Self.othersSave(saved, "ECE-02", 50))
    _ = update(&app.state, with: .saveNeedsResolution(merge))
    app.effects = []
    app.press(.character("q"))
    #expect(app.actions.isEmpty, "nothing saved")
    #expect(app.state.isDirty && app.initiative("ECE-02")?.actualProgress == 12)
    #expect(app.text.contains("No se guardó"), "\(app.text)")
  }

  @Test func aMergedSaveSaysHowManyChangesCameIn() throws {
    var (app, saved) = try Self.appWithUnsavedEdit()
    app.press(.character("s"))
    var theirs = try Self.othersSave(saved, "ACMI-04", 55)
    try theirs.apply(.setProgress(id: "PGS-08", value: 20, note: nil, day: Self.day))
    let merge = PortfolioMerge.merge(base: saved, mine: app.state.portfolio, theirs: theirs)
    _ = update(&app.state, with: .saveMerged(IncomingChanges(
      portfolio: merge.portfolio, saved: merge.portfolio, taken: merge.summary.fromTheirs,
      records: [Self.record("ACMI-04", "40", "55"), Self.record("PGS-08", "0", "20")])))
    #expect(!app.state.isDirty && !app.state.isSaving)
    #expect(app.text.contains("Guardado; 2 cambios de mlopez incorporados"), "\(app.text)")
    #expect(app.initiative("PGS-08")?.actualProgress == 20 && app.initiative("ECE-02")?.actualProgress == 12)
  }

  @Test func aSaveThatTookNothingInDoesNotCountZeroChanges() throws {
    var (app, saved) = try Self.appWithUnsavedEdit()
    app.press(.character("s"))
    _ = update(&app.state, with: .saveMerged(IncomingChanges(
      portfolio: app.state.portfolio, saved: app.state.portfolio, taken: [], records: [])))
    #expect(!app.state.isDirty, "\(saved.initiatives.count)")
    #expect(!app.text.contains("0 cambios"), "\(app.text)")
    #expect(app.text.contains("Guardado, combinado con lo que guardó otra sesión"), "\(app.text)")
  }
}
