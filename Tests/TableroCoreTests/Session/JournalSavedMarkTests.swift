import Foundation
import Testing
@testable import TableroCore

/// The `saved` mark makes recovery idempotent: entries a save already wrote are not offered again.
@Suite struct JournalSavedMarkTests {
  static let day = Day(iso: "2012-07-01")!

  static func progress(_ v: Double) -> JournalEntry {
    .edit(.setProgress(id: "C1-01", value: v, note: "n\(Int(v))", day: day))
  }

  @Test func entriesBeforeAMatchingMarkAreDroppedAndOthersKept() throws {
    let data = try DataFolder()
    let header = Journal.Header(user: "ana", host: "h", pid: 1, started: "2026-12-02T00:00:00Z", base: nil)
    let journal = Journal(dataPath: data.path, header: header)
    try journal.append(Self.progress(10))
    try journal.append(Self.progress(20))
    journal.markSaving(size: 1234, hash: 0xABCD)
    try journal.append(Self.progress(30))
    var contents = try Journal.read(journal.path)
    #expect(contents.records.count == 3)
    #expect(contents.savedMarks == [Journal.SavedMark(recordCount: 2, size: 1234, hash: 0xABCD)])

    // The file is not what the save wrote (killed before the rename): nothing is dropped.
    var other = contents
    #expect(other.dropSaved(current: FileFingerprint(size: 1234, mtimeNanoseconds: 0, hash: 0x1)) == 0)
    #expect(other.records.count == 3)

    // The file is what the save wrote: the two saved entries go, the later one stays.
    #expect(contents.dropSaved(current: FileFingerprint(size: 1234, mtimeNanoseconds: 99, inode: 7, hash: 0xABCD)) == 2)
    #expect(contents.entries == [Self.progress(30)])
  }

  @Test func aSessionKilledAfterItsSaveOffersNothing() throws {
    let data = try DataFolder()
    let s = try PortfolioSession.open(path: data.path, user: "ana", host: SessionIdentity.hostName())
    var p = s.baseline
    let edit = Edit.setProgress(id: "C1-01", value: 55, note: "una vez", day: Self.day)
    try p.apply(edit)
    try s.record(.edit(edit))
    let journalBytes = try Data(contentsOf: URL(fileURLWithPath: s.journalPath))
    try s.save(p)
    s.close()
    // As if killed between the rename and the journal's removal: the journal as it was then,
    // with the mark the save appended (recomputed here from the saved bytes).
    let saved = try Data(contentsOf: URL(fileURLWithPath: data.path))
    let hash = FileFingerprint.fnv1a(Array(saved))
    let hex = String(hash, radix: 16)
    let mark = #"{"saved":{"size":\#(saved.count),"fnv1a64":"\#(String(repeating: "0", count: 16 - hex.count) + hex)"}}"# + "\n"
    try (journalBytes + Data(mark.utf8)).write(to: URL(fileURLWithPath: data.path + ".diario.jsonl"))
    let again = try PortfolioSession.open(path: data.path, user: "ana", host: SessionIdentity.hostName())
    defer { again.close() }
    #expect(again.recovery == nil)
    #expect(!FileManager.default.fileExists(atPath: again.journalPath))
    #expect(again.baseline.initiatives[0].notes.components(separatedBy: "una vez").count == 2)
  }
}
