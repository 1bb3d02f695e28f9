import Foundation
import Testing
import TableroJSON

@testable import TableroCore

/// The fast paths of a save (issue 13) give the same results as the simple ones they replace.
@Suite("Fast save paths")
struct FastSavePathTests {
  static func day(_ s: String) -> Day { Day(iso: s)! }

  /// Every optional member present and absent, unknown keys (also repeated, and one named like
  /// an omitted known key), non-integral numbers, text that needs escaping, agreements, meetings.
  static func richPortfolio(knownKeysInExtra: Bool = true) throws -> Portfolio {
    var p = try EmbeddedPortfolios.load(.demo).portfolio
    p.extra = JSONObject([("zeta", 1), ("alfa", ["x": [1, 2]]), ("zeta", 2)])
    p.initiatives[0].extra = JSONObject([("color", "rojo"), ("responsible", "de extra"), ("color", "azul"), ("id", "no")])
    if !knownKeysInExtra {
      // What a file can hold: unknown keys once each (a load reports repeated keys).
      p.extra = JSONObject([("zeta", 1), ("alfa", ["x": [1, 2]])])
      p.initiatives[0].extra = JSONObject([("color", "rojo"), ("prioridad", 2)])
    }
    p.initiatives[0].responsible = ""
    p.initiatives[1].responsible = "Dra. Núñez \"Ñ\"\tcon\ttabs"
    p.initiatives[1].notes = "línea 1\nlínea 2 \\ \u{7}"
    p.initiatives[1].weight = 33.3
    p.initiatives[1].actualProgress = 12.345
    p.initiatives[2].milestones = [
      Milestone(name: "Licitación", due: day("2012-03-01"), done: day("2012-02-28"), weight: 2.5,
        extra: JSONObject([("evidencia", ["url": "https://x"])] + (knownKeysInExtra ? [("done", "ignorado")] : []))),
      Milestone(name: "Fallo", due: day("2012-05-01")),
    ]
    p.initiatives[3].isQuickWin = true
    p.initiatives[3].horizon = .medium
    p.initiatives[4].milestones = []
    p.initiatives[4].notes = ""
    p.expectedProgressRule = .milestones
    p.tolerance = -22.5
    p.agreements = [
      Agreement(
        folio: "A-1", text: "Revisar", itemID: p.initiatives[0].id, responsible: "Ana", coResponsibles: ["Luis"],
        created: day("2012-01-02"), due: day("2012-02-02"), meetingID: "M-1", notes: [AgreementNote(day: day("2012-01-03"), text: "ok")])
    ]
    p.meetings = [Meeting(id: "M-1", title: "Revisión", started: "2012-01-02T10:00:00Z")]
    return p
  }

  static func treeBytes(_ p: Portfolio) -> [UInt8] { JSONWriter.bytes(PortfolioEncoder.encode(p)) }

  /// Where two byte arrays first differ (nil when equal), so a failure says where, not 60 kB.
  static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
    if a == b { return nil }
    return zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
  }

  @Test func streamedFileEqualsTheTreeWriterByteForByte() throws {
    var portfolios = [
      try EmbeddedPortfolios.load(.seed).portfolio, try EmbeddedPortfolios.load(.demo).portfolio,
      TestPortfolios.single(progress: 40), try Self.richPortfolio(),
    ]
    var empty = TestPortfolios.single()
    empty.initiatives = []
    empty.components = []
    empty.imperatives = []
    portfolios.append(empty)
    for (n, p) in portfolios.enumerated() {
      #expect(Self.firstDifference(PortfolioCodec.encode(p), Self.treeBytes(p)) == nil, "portfolio \(n)")
    }
  }

  @Test func streamedFileLoadsBackToTheSamePortfolio() throws {
    let p = try Self.richPortfolio(knownKeysInExtra: false)
    let bytes = PortfolioCodec.encode(p)
    let loaded = try PortfolioCodec.decode(bytes, path: "x.json").portfolio
    #expect(loaded == p)
    #expect(Self.firstDifference(PortfolioCodec.encode(loaded), bytes) == nil)
  }

  /// The history diff compares position by position when ids line up; reordering the new
  /// version's initiatives forces the general matching by id, which must agree.
  @Test func historyDiffInPlaceAgreesWithMatchingById() throws {
    let old = try EmbeddedPortfolios.load(.demo).portfolio
    var new = old
    try new.apply(.setProgress(id: old.initiatives[3].id, value: 77, note: "nota", day: Self.day("2013-06-30")))
    try new.apply(.setWeight(id: old.initiatives[5].id, value: 3))
    try new.apply(.setDates(id: old.initiatives[0].id, start: Self.day("2012-01-01"), end: Self.day("2014-01-01")))
    try new.apply(.addMilestone(id: old.initiatives[5].id, milestone: Milestone(name: "Fallo", due: Self.day("2013-09-01"))))
    let inPlace = PortfolioDiff.changes(from: old, to: new)
    var shuffled = new
    shuffled.initiatives.reverse()
    let byID = PortfolioDiff.changes(from: old, to: shuffled)
    #expect(inPlace.count >= 5)
    #expect(inPlace == byID)
  }

  /// size, inode, mtime and a settled ctime as recorded: trusted without reading the file. The
  /// recorded hash is deliberately wrong, so a read would report a change.
  @Test func settledUnchangedStatIsTrustedWithoutHashing() throws {
    let data = try DataFolder()
    var info = stat()
    #expect(stat(data.path, &info) == 0)
    let ctime = FileFingerprint.nanoseconds(info.st_ctim)
    var recorded = FileFingerprint(
      size: Int(info.st_size), mtimeNanoseconds: FileFingerprint.nanoseconds(info.st_mtim), inode: UInt64(info.st_ino),
      hash: 12345, ctimeNanoseconds: ctime, recordedAtNanoseconds: ctime + 3_000_000_000)
    #expect(recorded.check(at: data.path) == .sameStat)
    #expect(!recorded.changed(at: data.path))

    // Recorded in the same instant as the ctime (racy): the bytes are read and hashed.
    recorded.recordedAtNanoseconds = ctime
    #expect(recorded.check(at: data.path) == .hashed(changed: true))
    // Unknown ctime (a journal header's fingerprint): hashed too.
    recorded.recordedAtNanoseconds = ctime + 3_000_000_000
    recorded.ctimeNanoseconds = 0
    #expect(recorded.check(at: data.path) == .hashed(changed: true))
  }

  /// Same size, bytes changed and mtime put back: the ctime moved, so the file is hashed and
  /// the change found even though the fingerprint had settled.
  @Test func changeWithRestoredMtimeIsStillFound() throws {
    let data = try DataFolder()
    var fingerprint = try #require(try FileFingerprint.current(data.path))
    fingerprint.recordedAtNanoseconds += 3_000_000_000  // as if recorded well after the write
    var info = stat()
    _ = stat(data.path, &info)
    var bytes = data.bytes
    let i = try #require(bytes.firstIndex(of: UInt8(ascii: "4")))
    bytes[i] = UInt8(ascii: "5")
    _ = try data.folder.write("portafolio.json", bytes)
    var times = [info.st_atim, info.st_mtim]
    #expect(utimensat(AT_FDCWD, data.path, &times, 0) == 0)
    #expect(fingerprint.check(at: data.path) == .hashed(changed: true))
  }
}
