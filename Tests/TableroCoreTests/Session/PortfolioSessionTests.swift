import Foundation
import Testing
import TableroCore

@Suite("Portfolio session")
struct PortfolioSessionTests {
  static let host = SessionIdentity.hostName()
  static let day = Day(iso: "2012-07-01")!

  func open(_ data: DataFolder, user: String = "ana", readOnly: Bool = false, stale: PortfolioSession.StalePolicy = .takeOver)
    throws -> PortfolioSession
  {
    try PortfolioSession.open(path: data.path, user: user, host: Self.host, readOnly: readOnly, stalePolicy: stale)
  }

  func progress(_ v: Double, note: String? = nil) -> Edit { .setProgress(id: "C1-01", value: v, note: note, day: Self.day) }

  @Test func editRecordSaveLeavesHistoryBackupAndNoJournal() throws {
    let data = try DataFolder()
    let s = try open(data)
    #expect(s.access == .readWrite)
    #expect(s.recovery == nil)
    #expect(FileManager.default.fileExists(atPath: data.path + ".lock"))
    var p = s.baseline
    let edit = progress(55, note: "Licitación publicada")
    try p.apply(edit)
    try s.record(.edit(edit))
    #expect(FileManager.default.fileExists(atPath: s.journalPath))
    let report = try s.save(p)
    #expect(report.historyError == nil)
    #expect(report.changes.map { "\($0.id) \($0.field) \($0.old) \($0.new) \($0.note ?? "")" } == ["C1-01 actualProgress 40 55 Licitación publicada"])
    #expect(!FileManager.default.fileExists(atPath: s.journalPath), "journal removed after the save")
    #expect(try data.load() == p)
    #expect(try PortfolioStore.load(from: data.path + ".bak").portfolio.initiatives[0].actualProgress == 40)
    let history = try History.read(s.historyPath).records
    #expect(history.count == 1 && history[0].user == "ana@\(Self.host)")
    // A second save of the same state adds nothing to the history.
    #expect(try s.save(p).changes.isEmpty)
    s.close()
    #expect(!FileManager.default.fileExists(atPath: data.path + ".lock"))
    #expect(data.temporaries.isEmpty)
  }

  @Test func aSecondSessionIsReadOnlyAndSaysWho() throws {
    let data = try DataFolder()
    let a = try open(data, user: "ana")
    let b = try open(data, user: "beto")
    guard case .readOnlyLocked(let holder) = b.access else { Issue.record("\(b.access)"); return }
    #expect(holder.user == "ana" && holder.pid == getpid())
    #expect(b.isReadOnly)
    try b.record(.edit(progress(10)))  // no-op
    #expect(!FileManager.default.fileExists(atPath: b.journalPath))
    #expect(throws: StoreError.readOnly(path: data.path)) { try b.save(b.baseline) }
    b.close()
    #expect(FileLock.holder(of: data.path)?.user == "ana", "closing the reader leaves the writer's lock")
    a.close()
    let c = try open(data, user: "carla")
    #expect(c.access == .readWrite)
  }

  @Test func requestedReadOnlyTakesNoLock() throws {
    let data = try DataFolder()
    let r = try open(data, readOnly: true)
    #expect(r.access == .readOnlyRequested)
    #expect(!FileManager.default.fileExists(atPath: data.path + ".lock"))
    let w = try open(data)
    #expect(w.access == .readWrite)
  }

  @Test func changedOnDiskIsRefusedUnlessForcedOrReloaded() throws {
    let data = try DataFolder()
    let s = try open(data)
    var mine = s.baseline
    try mine.apply(progress(70))
    try s.record(.edit(progress(70)))
    // Another program (a git pull) rewrites the file meanwhile.
    var theirs = TestPortfolios.single(progress: 40)
    theirs.name = "Cambiado por git"
    try PortfolioStore.save(theirs, to: data.path, backups: 0)
    #expect(throws: StoreError.changedOnDisk(path: data.path)) { try s.save(mine) }
    #expect(try data.load() == theirs, "not overwritten")
    let message = StoreError.changedOnDisk(path: data.path).describe(.es)
    #expect(message.contains("cambió en el disco") && message.contains(data.path))
    #expect(StoreError.changedOnDisk(path: data.path).describe(.en).contains("changed on disk"))

    // Simple merge: reload and replay my edits on their version.
    let merged = try s.reload(keepingEdits: true)
    #expect(merged.skipped.isEmpty)
    #expect(merged.portfolio.name == "Cambiado por git")
    #expect(merged.portfolio.initiatives[0].actualProgress == 70)
    try s.save(merged.portfolio)
    #expect(try data.load() == merged.portfolio)

    // Or force.
    try PortfolioStore.save(theirs, to: data.path, backups: 0)
    try s.save(mine, force: true)
    #expect(try data.load() == mine)
  }

  @Test func saveCopyLeavesTheSessionAsItWas() throws {
    let data = try DataFolder()
    let s = try open(data)
    var p = s.baseline
    try p.apply(progress(80))
    try s.record(.edit(progress(80)))
    let copy = data.folder.file("copia.json")
    try s.saveCopy(p, to: copy)
    #expect(try PortfolioStore.load(from: copy).portfolio == p)
    #expect(try data.load().initiatives[0].actualProgress == 40)
    #expect(s.hasUnsavedEdits)
    #expect(FileManager.default.fileExists(atPath: s.journalPath))
  }

  @Test func aCrashedSessionIsRecoveredOnTheNextStart() throws {
    let data = try DataFolder()
    do {
      let crashed = try open(data, user: "ana")
      var p = crashed.baseline
      for entry: JournalEntry in [.edit(progress(50, note: "uno")), .edit(progress(60)), .undo, .edit(.setTolerance(-20))] {
        if case .edit(let e) = entry { try p.apply(e) }
        try crashed.record(entry)
      }
      crashed.close()  // like a kill: the journal stays (the lock test covers the stale lock)
    }
    let s = try open(data, user: "beto")
    let recovery = try #require(s.recovery)
    #expect(recovery.entryCount == 4)
    #expect(recovery.user == "ana" && recovery.host == Self.host)
    #expect(recovery.baseMatches)
    #expect(recovery.describe(.es).contains("4 cambios sin guardar de ana@"))
    #expect(recovery.describe(.en).contains("4 unsaved changes"))
    // Nothing else may happen until the user decides.
    #expect(throws: StoreError.self) { try s.record(.undo) }
    #expect(throws: StoreError.self) { try s.save(s.baseline) }
    #expect(FileManager.default.fileExists(atPath: s.journalPath))

    let replayed = try s.recover()
    #expect(replayed.skipped.isEmpty)
    #expect(replayed.portfolio.initiatives[0].actualProgress == 50)
    #expect(replayed.portfolio.tolerance == -20)
    #expect(s.recovery == nil)
    // The journal is now this session's: a crash right now loses nothing.
    #expect(try Journal.read(s.journalPath).records.count == 4)
    try s.record(.edit(.setTolerance(-10)))
    #expect(try Journal.read(s.journalPath).header?.user == "beto")
    var final = replayed.portfolio
    try final.apply(.setTolerance(-10))
    let report = try s.save(final)
    #expect(report.changes.first { $0.field == "actualProgress" }?.note == "uno")
    #expect(!FileManager.default.fileExists(atPath: s.journalPath))
  }

  @Test func recoveryOntoAChangedFileSkipsWhatNoLongerApplies() throws {
    let data = try DataFolder()
    do {
      let crashed = try open(data)
      try crashed.record(.edit(progress(50)))
      try crashed.record(.edit(.rename(id: "C1-01", name: "Renombrada")))
      crashed.close()
    }
    // Meanwhile the initiative was renamed to another id elsewhere.
    var elsewhere = TestPortfolios.single(progress: 40)
    elsewhere.initiatives[0].id = "C1-02"
    try PortfolioStore.save(elsewhere, to: data.path, backups: 0)
    let s = try open(data)
    #expect(s.recovery?.baseMatches == false)
    let replayed = try s.recover()
    #expect(replayed.skipped.count == 2)
    #expect(replayed.skipped.allSatisfy { $0.error == .notFound("C1-01") })
  }

  @Test func discardKeepsACopyAside() throws {
    let data = try DataFolder()
    do {
      let crashed = try open(data)
      try crashed.record(.edit(progress(50)))
      crashed.close()
    }
    let s = try open(data)
    #expect(s.recovery != nil)
    try s.discardRecovery()
    #expect(s.recovery == nil)
    #expect(!FileManager.default.fileExists(atPath: s.journalPath))
    #expect(try Journal.read(PortfolioSession.discardedJournalPath(for: data.path)).records.count == 1)
    s.close()
    #expect(try open(data).recovery == nil)
  }

  @Test func quittingWithoutSavingOnPurposeLeavesNoRecovery() throws {
    let data = try DataFolder()
    let s = try open(data)
    try s.record(.edit(progress(50)))
    s.close(discardingUnsaved: true)
    #expect(try open(data).recovery == nil)
  }

  @Test func aDamagedJournalCanOnlyBeDiscarded() throws {
    let data = try DataFolder()
    _ = try data.folder.write("portafolio.json.diario.jsonl", Array("basura\n{\"seq\":1}\n".utf8))
    let s = try open(data)
    let recovery = try #require(s.recovery)
    #expect(recovery.problem != nil)
    #expect(throws: StoreError.self) { try s.recover() }
    try s.discardRecovery()
    #expect(s.recovery == nil)
  }

  @Test func aStaleLockIsTakenOverOrLeftForTheUser() throws {
    let data = try DataFolder()
    let dead = LockInfo(pid: try deadPID(), host: Self.host, user: "ana", started: "2025-11-25T16:05:03Z")
    try Data(JSONEncoderless.line(dead)).write(to: URL(fileURLWithPath: data.path + ".lock"))
    let asked = try open(data, stale: .leave)
    #expect(asked.access == .readOnlyStaleLock(dead))
    #expect(try asked.takeOverStaleLock())
    #expect(asked.access == .readWrite)
    #expect(asked.tookOverStaleLock == dead)
    asked.close()

    try Data(JSONEncoderless.line(dead)).write(to: URL(fileURLWithPath: data.path + ".lock"))
    let auto = try open(data)
    #expect(auto.access == .readWrite && auto.tookOverStaleLock == dead)
  }

  @Test func losingTheLockStopsSaves() throws {
    let data = try DataFolder()
    let s = try open(data)
    try FileManager.default.removeItem(atPath: data.path + ".lock")
    let other = try open(data, user: "beto")
    #expect(other.access == .readWrite)
    #expect(throws: StoreError.lockLost(path: data.path)) { try s.save(s.baseline) }
  }

  @Test(.enabled(if: TinyFilesystem.canMount, "needs root and mount(2) to make a tiny tmpfs")) func aFolderThatCannotHoldALockOpensReadOnly() throws {
    let fs = try #require(TinyFilesystem(size: "256k"), "mount -t tmpfs failed")
    let path = fs.path + "/p.json"
    try PortfolioStore.save(TestPortfolios.single(), to: path)
    #expect(fs.remount(readOnly: true))
    defer { _ = fs.remount(readOnly: false) }
    let s = try PortfolioSession.open(path: path, user: "ana", host: Self.host)
    guard case .readOnlyNoLock(let reason) = s.access else { Issue.record("\(s.access)"); return }
    #expect(reason.contains("Read-only"))
    #expect(s.baseline == TestPortfolios.single())
  }

  @Test(.enabled(if: TinyFilesystem.canMount, "needs root and mount(2) to make a tiny tmpfs")) func aFailedSaveKeepsEverythingInTheSession() throws {
    let tiny = try #require(TinyFilesystem(size: "64k"), "mount -t tmpfs failed")
    let path = tiny.path + "/p.json"
    try PortfolioStore.save(TestPortfolios.single(), to: path)
    let s = try PortfolioSession.open(path: path, user: "ana", host: Self.host)
    var big = s.baseline
    let edit = Edit.setNotes(id: "C1-01", text: String(repeating: "nota larga ", count: 3000))
    try big.apply(edit)
    try s.record(.edit(edit))
    #expect(throws: StoreError.self) { try s.save(big) }
    #expect(s.hasUnsavedEdits)
    #expect(try PortfolioStore.load(from: path).portfolio == TestPortfolios.single())
    #expect(try Journal.read(s.journalPath).records.count == 1, "the edit is still journalled")
  }
}

enum JSONEncoderless {
  static func line(_ info: LockInfo) -> Data {
    var bytes = JSONWriterShim.compact(info)
    bytes.append(0x0A)
    return Data(bytes)
  }
}

import TableroJSON
enum JSONWriterShim {
  static func compact(_ info: LockInfo) -> [UInt8] { JSONWriter.compactBytes(info.json) }
}
