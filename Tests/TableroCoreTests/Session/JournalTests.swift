import Foundation
import Testing
import TableroCore
import TableroJSON

@Suite("Recovery journal")
struct JournalTests {
  static let me = SessionIdentity(user: "ana", host: "laptop", pid: 4242)
  static let base = FileFingerprint(size: 10, mtimeNanoseconds: 1_700_000_000_123_456_789, inode: 7, hash: 0xdead_beef)

  func journal(_ data: DataFolder) -> Journal {
    Journal(dataPath: data.path, header: Journal.Header(Self.me, started: Timestamp(seconds: 1_764_086_703), base: Self.base))
  }

  @Test func createdLazilyAndRemovedAfterSave() throws {
    let data = try DataFolder()
    let j = journal(data)
    #expect(j.path == data.path + ".diario.jsonl")
    #expect(!j.exists, "an unedited session leaves no file")
    try j.append(.edit(.setTolerance(-20)), at: Timestamp(seconds: 1_764_086_710))
    #expect(j.exists)
    j.remove()
    #expect(!j.exists)
  }

  @Test func headerAndLinesAreAsDocumented() throws {
    let data = try DataFolder()
    let j = journal(data)
    try j.append(.edit(.setProgress(id: "C1-01", value: 55, note: "nota", day: Day(iso: "2013-06-30")!)), at: Timestamp(seconds: 1_764_086_710))
    try j.append(.undo, at: Timestamp(seconds: 1_764_086_711))
    let text = String(decoding: try data.folder.read("portafolio.json.diario.jsonl"), as: UTF8.self)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0] == #"{"journal":1,"user":"ana","host":"laptop","pid":4242,"started":"2025-11-25T16:05:03Z","base":{"size":10,"mtime":1700000000123456789,"inode":7,"fnv1a64":"00000000deadbeef"}}"#)
    #expect(lines[1] == #"{"seq":1,"at":"2025-11-25T16:05:10Z","entry":{"edit":{"op":"setProgress","id":"C1-01","value":55,"note":"nota","day":"2013-06-30"}}}"#)
    #expect(lines[2] == #"{"seq":2,"at":"2025-11-25T16:05:11Z","entry":{"undo":true}}"#)
    #expect(text.hasSuffix("\n"))

    let read = try Journal.read(j.path)
    #expect(read.header == Journal.Header(Self.me, started: Timestamp(seconds: 1_764_086_703), base: Self.base))
    #expect(read.entries == [.edit(.setProgress(id: "C1-01", value: 55, note: "nota", day: Day(iso: "2013-06-30")!)), .undo])
    #expect(read.records.map(\.seq) == [1, 2])
    #expect(read.ignoredTornLine == nil)
  }

  @Test func aTornLastLineIsIgnoredAndReported() throws {
    let data = try DataFolder()
    let j = journal(data)
    for v in [10.0, 20, 30] { try j.append(.edit(.setProgress(id: "C1-01", value: v, note: nil, day: Day(ordinal: 0)))) }
    let full = try data.folder.read("portafolio.json.diario.jsonl")
    let lastLineStart = full.dropLast().lastIndex(of: 0x0A)! + 1
    // Every cut inside the last line: the first two entries survive, the cut one is reported.
    for cut in (lastLineStart + 1)..<full.count {
      _ = try data.folder.write("portafolio.json.diario.jsonl", Array(full[..<cut]))
      let read = try Journal.read(j.path)
      #expect(read.entries.count == 2, "cut at \(cut)")
      #expect(read.ignoredTornLine == 4, "cut at \(cut)")
    }
    // Cut exactly at a line end: nothing torn.
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array(full[..<lastLineStart]))
    #expect(try Journal.read(j.path).ignoredTornLine == nil)
    // A power cut can leave NULs where the last write should be.
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array(full[..<lastLineStart]) + [UInt8](repeating: 0, count: 40))
    #expect(try Journal.read(j.path).entries.count == 2)
    // A torn header: no entries, nothing to recover.
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array(full[..<20]))
    let torn = try Journal.read(j.path)
    #expect(torn.header == nil && torn.records.isEmpty && torn.ignoredTornLine == 1)
  }

  @Test func damageBeforeTheLastLineIsAnErrorNamingTheLine() throws {
    let data = try DataFolder()
    let j = journal(data)
    for v in [10.0, 20, 30] { try j.append(.edit(.setTolerance(-v))) }
    var lines = String(decoding: try data.folder.read("portafolio.json.diario.jsonl"), as: UTF8.self).split(separator: "\n").map(String.init)
    lines[2] = "{\"seq\":2,\"at\":\"x\",\"entry\":{\"edit\":{\"op\":\"nope\"}}}"
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
    #expect(throws: StoreError.journalCorrupt(path: j.path, line: 3, reason: "entry.edit.op: operación desconocida \"nope\"")) {
      try Journal.read(j.path)
    }
    lines[2] = "{ not json"
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
    do {
      _ = try Journal.read(j.path)
      Issue.record("should throw")
    } catch {
      guard case .journalCorrupt(_, let line, _) = error else { Issue.record("\(error)"); return }
      #expect(line == 3)
      #expect(error.describe(.es).contains("línea 3"))
      #expect(error.describe(.en).contains("line 3"))
    }
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array("{\"hello\":1}\n".utf8))
    #expect(throws: StoreError.self) { try Journal.read(j.path) }
  }

  @Test func rewriteRenumbersAndLaterAppendsContinue() throws {
    let data = try DataFolder()
    let j = journal(data)
    try j.append(.edit(.setTolerance(-1)))
    let records = [
      Journal.Record(seq: 7, at: "2025-01-01T00:00:00Z", entry: .edit(.setTolerance(-5))),
      Journal.Record(seq: 9, at: "2025-01-01T00:00:01Z", entry: .undo),
    ]
    try j.rewrite(header: Journal.Header(Self.me, started: Timestamp(seconds: 0), base: nil), records: records)
    try j.append(.redo)
    let read = try Journal.read(j.path)
    #expect(read.records.map(\.seq) == [1, 2, 3])
    #expect(read.entries == [.edit(.setTolerance(-5)), .undo, .redo])
    #expect(read.header?.base == nil)
  }

  @Test(.enabled(if: TinyFilesystem.canMount, "needs root and mount(2) to make a tiny tmpfs")) func appendFailsCleanlyOnAFullDisk() throws {
    let tiny = try #require(TinyFilesystem(size: "16k"), "mount -t tmpfs failed")
    let path = tiny.path + "/p.json"
    let j = Journal(dataPath: path, header: Journal.Header(Self.me, started: .now, base: nil))
    let big = String(repeating: "x", count: 3000)
    var appended = 0
    var failure: StoreError?
    for _ in 0..<100 {
      do {
        try j.append(.edit(.setNotes(id: "A", text: big)))
        appended += 1
      } catch {
        failure = error
        break
      }
    }
    guard case .journalFailed(_, let reason)? = failure else { Issue.record("expected journalFailed, got \(String(describing: failure))"); return }
    #expect(reason.contains("space") || reason.contains("espacio"), "\(reason)")
    // No torn line is left behind: every line written reads back.
    let read = try Journal.read(j.path)
    #expect(read.entries.count == appended)
    #expect(read.ignoredTornLine == nil)
  }

  /// Per-edit cost: one compact line, write(2), fdatasync. Printed for docs/RELIABILITY.md.
  @Test func appendCostIsFarBelowAFrame() throws {
    let data = try DataFolder()
    let j = journal(data)
    let edit = JournalEntry.edit(.setProgress(id: "ACMI-04", value: 55, note: "Licitación publicada", day: Day(iso: "2013-06-30")!))
    try j.append(edit)
    let n = 200
    var samples: [Double] = []
    for _ in 0..<n {
      let start = ContinuousClock.now
      try j.append(edit)
      let d = ContinuousClock.now - start
      samples.append(Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000)
    }
    samples.sort()
    let median = samples[n / 2]
    let p99 = samples[n * 99 / 100]
    print("journal append+fdatasync: median \(median) ms, p99 \(p99) ms, max \(samples.last!) ms over \(n)")
    #expect(median < 16, "median \(median) ms")
    #expect(try Journal.read(j.path).entries.count == n + 1)
  }
}
