import Foundation
import Testing
import TableroCore

/// Edits undone back to the saved version leave nothing to recover at the next start.
@Suite struct UndoneToSavedTests {
  static let day = Day(iso: "2012-07-01") ?? Day(ordinal: 0)

  @Test func editThenUndoLeavesNoRecoveryPrompt() throws {
    let data = try DataFolder()
    let first = try PortfolioSession.open(path: data.path, user: "ana", host: "h", readOnly: false, stalePolicy: .takeOver)
    var p = first.baseline
    let edit = Edit.setTolerance(-25)
    try p.apply(edit)
    try first.record(.edit(edit))
    try first.record(.undo)
    #expect(FileManager.default.fileExists(atPath: first.journalPath))
    first.close()  // quit without discarding, as `q` does when nothing is unsaved

    let next = try PortfolioSession.open(path: data.path, user: "ana", host: "h", readOnly: false, stalePolicy: .takeOver)
    defer { next.close() }
    #expect(next.recovery == nil, "no \"unsaved changes\" prompt")
    #expect(!FileManager.default.fileExists(atPath: next.journalPath), "no journal left")
  }

  @Test func aJournalWithARealChangeIsStillOffered() throws {
    let data = try DataFolder()
    let first = try PortfolioSession.open(path: data.path, user: "ana", host: "h", readOnly: false, stalePolicy: .takeOver)
    try first.record(.edit(.setTolerance(-25)))
    try first.record(.undo)
    try first.record(.edit(.setTolerance(-20)))
    first.close()
    let next = try PortfolioSession.open(path: data.path, user: "ana", host: "h", readOnly: false, stalePolicy: .takeOver)
    defer { next.close() }
    #expect(next.recovery?.entryCount == 3)
  }
}
