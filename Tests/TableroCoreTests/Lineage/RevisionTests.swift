import Foundation
import Testing
@testable import TableroCore
import TableroJSON

/// Issue 11, field copies without a base: every save stamps a revision over its parent, the
/// revision log rebuilds earlier revisions, and two copies find their newest shared revision.
@Suite("Revisiones y base común")
struct RevisionTests {
  static let host = SessionIdentity.hostName()
  static let day = Day(iso: "2013-06-30") ?? Day(ordinal: 0)

  static func demo() throws -> Portfolio { try EmbeddedPortfolios.load(.demo).portfolio }

  /// Opens `path` as `user`, applies `change` to the portfolio, saves, closes.
  @discardableResult
  static func edit(_ path: String, user: String = "ana", _ change: (inout Portfolio) throws -> Void) throws
    -> PortfolioSession.SaveReport
  {
    let session = try PortfolioSession.open(path: path, user: user, host: host)
    defer { session.close() }
    var p = session.baseline
    try change(&p)
    return try session.save(p)
  }

  static func copyFile(_ from: String, to: String) throws {
    try FileManager.default.copyItem(atPath: from, toPath: to)
  }

  static func copy(_ path: String) throws -> MergeBase.Copy {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let p = try PortfolioCodec.decode(bytes, path: path).portfolio
    return MergeBase.Copy(portfolio: p, bytes: bytes, log: RevisionLog.read(dataPath: path))
  }

  @Test func everySaveStampsARevisionOverItsParent() throws {
    let data = try DataFolder(try Self.demo())
    let before = data.bytes
    #expect(try data.load().lineage.revision == nil, "a file saved before revisions has none")

    // Saving an unedited file keeps its bytes (and its format version).
    let unedited = try Self.edit(data.path) { _ in }
    #expect(unedited.revision == nil)
    #expect(data.bytes == before)

    let first = try Self.edit(data.path, user: "mlopez") { try $0.apply(.setProgress(id: "ACMI-04", value: 55, note: nil, day: Self.day)) }
    let r1 = try #require(first.revision)
    #expect(r1.parent == nil)
    #expect(r1.user == "mlopez@\(Self.host)")
    let loaded1 = try data.load()
    #expect(loaded1.lineage.revision == r1)
    #expect(String(decoding: data.bytes, as: UTF8.self).contains("\"formatVersion\": 3,"))

    let second = try Self.edit(data.path) { try $0.apply(.setNotes(id: "ACMI-04", text: "Licitación")) }
    let r2 = try #require(second.revision)
    #expect(r2.parent == r1.id && r2.id != r1.id)
    let loaded2 = try data.load()
    #expect(loaded2.lineage.ancestors == [r1.id])
    #expect(loaded2.initiative("ACMI-04")?.notes == "Licitación")
    #expect(RevisionLog.read(dataPath: data.path).map(\.revision) == [r1.id, r2.id])
  }

  @Test func ancestorsStayBoundedNewestFirst() {
    var lineage = Lineage()
    var ids: [String] = []
    var p = Portfolio(name: "x", reportDate: Self.day)
    for n in 0..<(Lineage.ancestorLimit + 30) {
      let id = "r\(n)"
      p = RevisionStamp.stamp(p, over: lineage, user: "u@h", at: Timestamp(seconds: Int64(n)), id: id)
      lineage = p.lineage
      ids.append(id)
    }
    #expect(lineage.revision?.id == ids.last)
    #expect(lineage.ancestors.count == Lineage.ancestorLimit)
    #expect(lineage.ancestors.first == ids[ids.count - 2])
    #expect(lineage.ancestors.last == ids[ids.count - 1 - Lineage.ancestorLimit])
  }

  /// Every kind of edit is undone exactly by the revision patch: the rebuilt file is the old
  /// one, byte for byte.
  @Test func thePatchUndoesEveryKindOfEdit() throws {
    let old = try Self.demo()
    var new = old
    try new.apply(.setProgress(id: "ACMI-04", value: 77, note: "n", day: Self.day))
    try new.apply(.setNotes(id: "ACMI-01", text: "otra nota"))
    try new.apply(.addMilestone(id: "ACMI-02", milestone: Milestone(name: "Nuevo hito", due: Self.day)))
    try new.apply(.moveInitiative(id: "ACMI-03", component: new.components[1].id))
    let removed = new.initiatives[5].id
    try new.apply(.remove(id: removed))
    try new.apply(.addInitiative(Initiative(id: "NUEVA-1", name: "Nueva", componentID: new.components[0].id, start: Self.day, end: Self.day)))
    new.initiatives.swapAt(0, 1)
    new.agreements.append(Agreement(folio: "AC-900", text: "Acuerdo", responsible: "Ana", created: Self.day, due: Self.day))
    if !new.indicators.isEmpty {
      new.indicators[0].measurements.append(Measurement(day: Self.day, value: 12.5, by: "rosa"))
    }
    new.extra.set("zzOtro", .string("clave desconocida"))
    try new.apply(.setReportDate(Day(iso: "2013-07-31") ?? Self.day))

    let undo = RevisionPatch.undo(from: new, to: old)
    guard case .object(var top) = try JSON.parse(PortfolioCodec.encode(new)) else {
      Issue.record("not an object")
      return
    }
    try RevisionPatch.apply(undo, to: &top)
    #expect(JSONWriter.bytes(.object(top)) == PortfolioCodec.encode(old))
  }

  /// The prepared copy and the file in use each save several times; the base found is the
  /// prepared revision, rebuilt from this file's log, and the three-way merge is clean.
  @Test func severalSavesOnBothSidesFindAndRebuildTheSharedRevision() throws {
    let data = try DataFolder(try Self.demo())
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    let field = data.folder.file("campo.json")
    try Self.copyFile(data.path, to: field)
    let sent = try data.load()
    let sentID = try #require(sent.lineage.revision?.id)

    // Office: three saves, including a removal and a new initiative.
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-01", value: 20, note: nil, day: Self.day)) }
    let gone = sent.initiatives[10].id
    try Self.edit(data.path) { try $0.apply(.remove(id: gone)) }
    try Self.edit(data.path) {
      try $0.apply(.addInitiative(Initiative(id: "OFI-1", name: "Oficina", componentID: $0.components[0].id, start: Self.day, end: Self.day)))
    }
    // Field: two saves, on other items.
    try Self.edit(field, user: "rosa") { try $0.apply(.setProgress(id: "ACMI-02", value: 15, note: nil, day: Self.day)) }
    try Self.edit(field, user: "rosa") { try $0.apply(.setNotes(id: "ACMI-03", text: "Visita de campo")) }

    let mine = try Self.copy(data.path)
    let theirs = try Self.copy(field)
    let found = try MergeBase.find(mine: mine, theirs: theirs).get()
    #expect(found.revision.id == sentID)
    #expect(found.source == .rebuiltFromMine(steps: 3))
    #expect(found.base == sent)

    let result = PortfolioMerge.merge(base: found.base, mine: mine.portfolio, theirs: theirs.portfolio)
    #expect(result.isClean)
    let merged = try result.validated()
    #expect(merged.initiative("ACMI-01")?.actualProgress == 20)
    #expect(merged.initiative("ACMI-02")?.actualProgress == 15)
    #expect(merged.initiative("ACMI-03")?.notes == "Visita de campo")
    #expect(merged.initiative(gone) == nil, "a removal is seen with the base")
    #expect(merged.initiative("OFI-1") != nil)
  }

  /// After one round trip (merge saved with both parents), a second round finds the newer
  /// shared revision: the other side's own revision, reached through the merge.
  @Test func aSecondRoundStartsFromTheMerge() throws {
    let data = try DataFolder(try Self.demo())
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    let field = data.folder.file("campo.json")
    try Self.copyFile(data.path, to: field)
    try Self.edit(field, user: "rosa") { try $0.apply(.setProgress(id: "ACMI-02", value: 15, note: nil, day: Self.day)) }
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-01", value: 20, note: nil, day: Self.day)) }

    // Round 1: merge the field copy in, saved as a merge of both.
    let theirs1 = try Self.copy(field)
    let mine1 = try Self.copy(data.path)
    let base1 = try MergeBase.find(mine: mine1, theirs: theirs1).get().base
    var merged = try PortfolioMerge.merge(base: base1, mine: mine1.portfolio, theirs: theirs1.portfolio).validated()
    merged.lineage.mergedFrom = theirs1.portfolio.lineage.chain
    let session = try PortfolioSession.open(path: data.path, user: "ana", host: Self.host)
    let report = try session.save(merged, mergedWith: theirs1.portfolio)
    session.close()
    #expect(report.revision?.merged == theirs1.portfolio.lineage.revision?.id)

    // The field goes on from its own copy (not re-prepared); the office too.
    try Self.edit(field, user: "rosa") { try $0.apply(.setNotes(id: "ACMI-02", text: "Segunda visita")) }
    try Self.edit(data.path) { try $0.apply(.setNotes(id: "ACMI-01", text: "Oficina")) }
    let found = try MergeBase.find(mine: try Self.copy(data.path), theirs: try Self.copy(field)).get()
    #expect(found.revision.id == theirs1.portfolio.lineage.revision?.id, "the field's revision merged in round 1")
    #expect(found.base == theirs1.portfolio)
    let result = PortfolioMerge.merge(base: found.base, mine: try Self.copy(data.path).portfolio, theirs: try Self.copy(field).portfolio)
    #expect(result.isClean)
  }

  @Test func onlyOneSideChangedUsesTheOtherFileAsBase() throws {
    let data = try DataFolder(try Self.demo())
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    let field = data.folder.file("campo.json")
    try Self.copyFile(data.path, to: field)
    try Self.edit(field) { try $0.apply(.setProgress(id: "ACMI-02", value: 15, note: nil, day: Self.day)) }
    let found = try MergeBase.find(mine: try Self.copy(data.path), theirs: try Self.copy(field)).get()
    #expect(found.source == .mine)
  }

  @Test func copiesWithNoSharedRevisionFallBackAndSayWhy() throws {
    let a = try DataFolder(try Self.demo())
    let b = try DataFolder(try Self.demo())
    #expect(throws: MergeBase.Missing.noRevision(mine: true, theirs: true)) {
      try MergeBase.find(mine: try Self.copy(a.path), theirs: try Self.copy(b.path)).get()
    }
    try Self.edit(a.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    try Self.edit(b.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    #expect(throws: MergeBase.Missing.noSharedRevision) {
      try MergeBase.find(mine: try Self.copy(a.path), theirs: try Self.copy(b.path)).get()
    }
    let text = MergeBase.Missing.noSharedRevision.describe(.es, mineName: "a", theirsName: "b").joined(separator: " ")
    #expect(text.contains("no comparten ninguna revisión") && text.contains("dos vías"))
  }

  /// A file changed by hand after its last save still names that revision: its own log's hash
  /// tells, and the merge does not take the changed file for the base.
  @Test func aFileChangedOutsideTableroIsNotTakenForItsRevision() throws {
    let data = try DataFolder(try Self.demo())
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    let field = data.folder.file("campo.json")
    try Self.copyFile(data.path, to: field)
    try Self.edit(field) { try $0.apply(.setProgress(id: "ACMI-02", value: 15, note: nil, day: Self.day)) }
    // A hand edit of the office file, keeping the revision block.
    var text = String(decoding: data.bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "\"actualProgress\": 50,", with: "\"actualProgress\": 51,")
    try Data(text.utf8).write(to: URL(fileURLWithPath: data.path))
    // The field copy's own log (beside it) still rebuilds the shared revision.
    let viaTheirs = try MergeBase.find(mine: try Self.copy(data.path), theirs: try Self.copy(field)).get()
    #expect(viaTheirs.source == .rebuiltFromTheirs(steps: 1))
    // Without it (the copy travelled alone) there is no base to trust.
    try FileManager.default.removeItem(atPath: RevisionLog.path(for: field))
    let outcome = MergeBase.find(mine: try Self.copy(data.path), theirs: try Self.copy(field))
    guard case .failure(.cannotRebuild(_, let why)) = outcome else {
      Issue.record("expected cannotRebuild")
      return
    }
    #expect(why.first?.reason == .changedSinceSaved(try #require(try data.load().lineage.revision?.id)))
  }

  @Test func anOlderRevisionThanTheLogKeepsCannotBeRebuilt() throws {
    let data = try DataFolder(try Self.demo())
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    let field = data.folder.file("campo.json")
    try Self.copyFile(data.path, to: field)
    try Self.edit(field) { try $0.apply(.setProgress(id: "ACMI-02", value: 15, note: nil, day: Self.day)) }
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-01", value: 20, note: nil, day: Self.day)) }
    // The log lost its lines (deleted, or older than it keeps).
    try FileManager.default.removeItem(atPath: RevisionLog.path(for: data.path))
    try FileManager.default.removeItem(atPath: RevisionLog.path(for: field))
    let outcome = MergeBase.find(mine: try Self.copy(data.path), theirs: try Self.copy(field))
    guard case .failure(.cannotRebuild(let id, let why)) = outcome else {
      Issue.record("expected cannotRebuild")
      return
    }
    #expect(why.first?.reason == .notInLog(id))
  }

  /// The log stays bounded: trimmed to the newest lines once it outgrows its budget.
  @Test func theRevisionLogKeepsItsNewestLines() throws {
    let data = try DataFolder(TestPortfolios.single(progress: 40))
    let padding = JSONValue.string(String(repeating: "x", count: 1000))
    var n = 0
    for _ in 0..<12 {
      var batch: [RevisionLog.Entry] = []
      for _ in 0..<50 {
        n += 1
        batch.append(RevisionLog.Entry(revision: "r\(n)", parent: "r\(n - 1)", hash: 0, undo: .object(["set": .object(["pad": padding])])))
      }
      try RevisionLog.append(batch, dataPath: data.path)
    }
    let entries = RevisionLog.read(dataPath: data.path)
    let size = (try FileManager.default.attributesOfItem(atPath: RevisionLog.path(for: data.path))[.size] as? Int) ?? 0
    #expect(entries.last?.revision == "r600", "the newest line is kept")
    #expect(entries.count <= RevisionLog.keep && entries.count >= 100, "\(entries.count)")
    #expect(size <= 256 * 1024, "\(size)")
    #expect(zip(entries, entries.dropFirst()).allSatisfy { $1.parent == $0.revision }, "consecutive: only the oldest dropped")
  }

  /// A damaged or hostile `revision` never stops the file from loading and never reaches the
  /// terminal as an escape sequence.
  @Test func aDamagedRevisionIsAWarningAndControlCharactersAreDropped() throws {
    var text = String(decoding: PortfolioCodec.encode(TestPortfolios.single(progress: 40)), as: UTF8.self)
    let hostile = text.replacingOccurrences(
      of: "\"formatVersion\": 1,",
      with: "\"formatVersion\": 3, \"revision\": {\"id\": \"ab\\u001b[31mcd\", \"parent\": null, \"savedAt\": \"x\", \"user\": \"u\\u0007@h\", \"ancestors\": [\"p\\u001b\", 5]},")
    let loaded = try PortfolioCodec.decode(Array(hostile.utf8), path: "h.json").portfolio
    #expect(loaded.lineage.revision?.id == "ab[31mcd")
    #expect(loaded.lineage.revision?.user == "u@h")
    #expect(loaded.lineage.ancestors == ["p"])
    text = text.replacingOccurrences(of: "\"formatVersion\": 1,", with: "\"formatVersion\": 3, \"revision\": \"r1\",")
    let damaged = try PortfolioCodec.decode(Array(text.utf8), path: "d.json")
    #expect(damaged.portfolio.lineage.revision == nil)
    #expect(damaged.warnings.contains { $0.path == "$.revision" })
  }

  /// "Save a copy" writes new data: a revision of its own over the one on disk, never the
  /// session file's revision on different content.
  @Test func aSavedCopyGetsItsOwnRevision() throws {
    let data = try DataFolder(try Self.demo())
    try Self.edit(data.path) { try $0.apply(.setProgress(id: "ACMI-04", value: 50, note: nil, day: Self.day)) }
    let session = try PortfolioSession.open(path: data.path, user: "ana", host: Self.host)
    defer { session.close() }
    var p = session.baseline
    try p.apply(.setProgress(id: "ACMI-01", value: 20, note: nil, day: Self.day))
    let copyPath = data.folder.file("copia.json")
    try session.saveCopy(p, to: copyPath)
    let copy = try PortfolioStore.load(from: copyPath).portfolio
    let onDisk = try #require(session.baseline.lineage.revision)
    #expect(copy.lineage.revision?.parent == onDisk.id)
    #expect(copy.lineage.revision?.id != onDisk.id)
  }
}
