#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One editing session on a data file, as the TUI and the CLI use it: the lock, the fingerprint
/// checked before every save, the recovery journal of unsaved edits, saves with backups, and
/// the history of what each save changed.
///
/// A command line session (`interactive: false`) holds the lock from open to close: its
/// load-edit-save is a moment long and sees no one else's save in between. A person's session
/// (`interactive: true`, the TUI) holds it only around each save, so any number of them edit
/// one file at once: `saveMerging` merges what others saved meanwhile (three-way, with this
/// session's last loaded or saved version as the base) and `pollOutsideSave` brings their saves
/// onto the screen while it is open (PortfolioSession+Concurrent.swift).
///
///     let session = try PortfolioSession.open(path: p, user: "ana", host: "laptop")
///     if let recovery = session.recovery { … recover() or discardRecovery() … }
///     try portfolio.apply(edit); try session.record(.edit(edit))
///     try session.save(portfolio)
///     session.close()
public final class PortfolioSession {
  /// Whether this session may write, and if not, why.
  public enum Access: Equatable, Sendable {
    case readWrite
    /// Asked for (`--read-only`, presentation mode).
    case readOnlyRequested
    /// Another live session holds the lock.
    case readOnlyLocked(LockInfo)
    /// A stale lock (dead process on this host) that was not taken over (`StalePolicy.leave`).
    case readOnlyStaleLock(LockInfo)
    /// The lock could not be created (read-only folder, no permission…).
    case readOnlyNoLock(reason: String)
  }

  public enum StalePolicy: Sendable {
    /// Take over a stale lock at once (the CLI; `tookOverStaleLock` says whose it was).
    case takeOver
    /// Open read-only and let the user decide (`takeOverStaleLock()`).
    case leave
  }

  /// Unsaved edits left by an earlier session that ended without saving.
  public struct Recovery: Equatable, Sendable {
    public var journalPath: String
    public var entryCount: Int
    /// ISO-8601 UTC: when that session started, and its last edit.
    public var started: String
    public var lastEditAt: String?
    public var user: String
    public var host: String
    public var pid: Int32
    /// False when the data file changed since that session loaded it: replaying may skip edits.
    public var baseMatches: Bool
    /// A final line cut by the crash, ignored.
    public var ignoredTornLine: Int?
    /// Set when the journal is damaged beyond its last line: it can only be discarded.
    public var problem: String?

    /// "3 cambios sin guardar de ana@laptop (sesión del 25/11/2026 10:04, último 10:09)…"
    public func describe(_ l: Language) -> String {
      if let problem {
        return l.pick("Hay un diario de recuperación dañado (\(journalPath)): \(problem)",
          "There is a damaged recovery journal (\(journalPath)): \(problem)")
      }
      let since = Timestamp(iso: started)?.localDisplay ?? started
      let last = lastEditAt.flatMap { Timestamp(iso: $0)?.localDisplay } ?? since
      var text = l.pick(
        "Hay \(entryCount) cambio\(entryCount == 1 ? "" : "s") sin guardar de \(user)@\(host) (sesión iniciada el \(since), último cambio \(last), pid \(pid)).",
        "There \(entryCount == 1 ? "is 1 unsaved change" : "are \(entryCount) unsaved changes") from \(user)@\(host) (session started \(since), last change \(last), pid \(pid)).")
      if !baseMatches {
        text += l.pick(
          " El archivo cambió después; al aplicarlos se omitirán los que ya no correspondan.",
          " The file changed since; applying them skips any that no longer fit.")
      }
      if ignoredTornLine != nil {
        text += l.pick(" Se ignoró la última línea, cortada por la interrupción.", " The last line, cut by the interruption, was ignored.")
      }
      return text
    }
  }

  public struct SaveReport: Equatable, Sendable {
    /// What the save changed, as appended to the history.
    public var changes: [HistoryRecord]
    /// The history could not be written (the save itself succeeded).
    public var historyError: StoreError?
    /// When others had saved meanwhile (`saveMerging`): the merge that was written.
    public var merge: MergeResult? = nil
    /// The history lines of those other saves (who changed what).
    public var othersRecords: [HistoryRecord] = []
    /// The revision written (docs/MERGE.md), and a revision log that could not be written.
    public var revision: Revision? = nil
    public var revisionLogError: StoreError? = nil
  }

  public struct Replayed {
    public var portfolio: Portfolio
    /// Edits that no longer applied, with why.
    public var skipped: [(entry: JournalEntry, error: EditError)]
  }

  public let path: String
  public let identity: SessionIdentity
  /// The version this session last loaded, saved or took in from others' saves: the base of
  /// the next merge. (While a conflict with another save waits for this session's save, the
  /// file on disk is newer: `seen`.)
  public internal(set) var baseline: Portfolio
  /// Warnings of the last load.
  public private(set) var warnings: [ValidationIssue]
  /// The file as it was when `baseline` was read or written.
  public internal(set) var fingerprint: FileFingerprint
  /// The newest version of the file this session has looked at (polling): equal to
  /// `fingerprint` unless a conflicting save by another session is pending.
  public internal(set) var seen: FileFingerprint
  public private(set) var access: Access
  /// A person's session: the lock is taken only around each save.
  public let isInteractive: Bool
  /// The stale lock this session took over on open, if any (say so to the user).
  public private(set) var tookOverStaleLock: LockInfo?
  /// A pending journal from an earlier session: apply (`recover`) or `discardRecovery` first.
  public private(set) var recovery: Recovery?
  /// Edits recorded since the last save.
  public internal(set) var pending: [Journal.Record] = []
  /// How long a save waits for another session's save to finish (interactive sessions).
  public var saveLockWait: Duration = .seconds(10)
  /// How long `pollOutsideSave` waits for the history lines of a save it sees, to say who made it.
  public var historyGrace: Duration = .seconds(1)

  let lock: FileLock
  let journal: Journal
  let clock: @Sendable () -> Timestamp
  /// Bytes of the history file this session has read or written: later lines are others'.
  var historyOffset = 0
  /// When `pollOutsideSave` first saw the version it waits on for history lines.
  var outsideSince: (hash: UInt64, at: ContinuousClock.Instant)?
  private var journalNeedsRewrite = false
  private var closed = false

  public var isReadOnly: Bool { access != .readWrite }
  public var journalPath: String { journal.path }
  public var historyPath: String { History.path(for: path) }
  public var hasUnsavedEdits: Bool { !pending.isEmpty }

  private init(path: String, identity: SessionIdentity, interactive: Bool, clock: @escaping @Sendable () -> Timestamp) {
    self.path = path
    self.identity = identity
    self.clock = clock
    isInteractive = interactive
    let now = clock()
    // A person's session holds the lock only while it saves, a moment like a command line
    // write: others wait for it (the `interactive` mark told them not to).
    lock = FileLock(dataPath: path, info: LockInfo(identity, started: now, interactive: false))
    journal = Journal(dataPath: path, header: Journal.Header(identity, started: now, base: nil))
    baseline = Portfolio(name: "", reportDate: Day(ordinal: 0))
    warnings = []
    fingerprint = FileFingerprint(size: 0, mtimeNanoseconds: 0, hash: 0)
    seen = fingerprint
    access = .readOnlyRequested
  }

  deinit { close() }

  /// Locks (unless `readOnly` or `interactive`), loads and fingerprints the file, and looks for
  /// a pending journal (one no running session holds). A second command line session on a
  /// locked file opens read-only (`access` says who holds it). An `interactive` session (the
  /// TUI) takes the lock only around each save: it is writable whoever else has the file open.
  public static func open(
    path: String, user: String, host: String, readOnly: Bool = false, stalePolicy: StalePolicy = .takeOver,
    interactive: Bool = false, clock: @escaping @Sendable () -> Timestamp = { Timestamp.now }
  ) throws(StoreError) -> PortfolioSession {
    let session = PortfolioSession(
      path: path, identity: SessionIdentity(user: user, host: host), interactive: interactive, clock: clock)
    if !readOnly, FileSystem.kind(of: path) == .file {
      // Leftovers of killed saves (only those whose process is gone): before anything of ours.
      FileSystem.removeStaleTemporaries(for: path)
      session.access = interactive ? try session.probeLock() : try session.lockAccess(stalePolicy)
    }
    do {
      try session.loadBaseline()
    } catch {
      session.close()
      throw error
    }
    if session.access == .readWrite { session.findRecovery() }
    return session
  }

  /// Takes over the stale lock reported in `access`; true when this session may now write.
  @discardableResult
  public func takeOverStaleLock() throws(StoreError) -> Bool {
    guard case .readOnlyStaleLock(let stale) = access else { return access == .readWrite }
    switch try lock.takeOver(stale) {
    case .acquired:
      access = .readWrite
      tookOverStaleLock = stale
      try reloadBaseline()
      findRecovery()
    case .heldBy(let holder): access = .readOnlyLocked(holder)
    case .stale(let other): access = .readOnlyStaleLock(other)
    }
    return access == .readWrite
  }

  /// For a session that opened read-only because another one held the lock: takes the lock if it
  /// is free now, reloads the file (the other writer may have changed it) and looks for a pending
  /// journal. True when this session became writable.
  @discardableResult
  public func upgradeIfLockFreed() throws(StoreError) -> Bool {
    guard case .readOnlyLocked = access, FileSystem.kind(of: path) == .file else { return false }
    switch try lock.acquire() {
    case .acquired:
      access = .readWrite
      do {
        try reloadBaseline()
      } catch {
        lock.release()
        access = .readOnlyNoLock(reason: error.describe(.es))
        throw error
      }
      FileSystem.removeStaleTemporaries(for: path)
      findRecovery()
      return true
    case .heldBy(let holder):
      access = .readOnlyLocked(holder)
    case .stale(let stale):
      access = .readOnlyStaleLock(stale)  // the holder died without releasing it: the user decides
    }
    return false
  }

  /// Journals an edit already applied in memory (no-op when read-only). Throws `.recoveryPending`
  /// while an earlier session's journal waits, and `.journalFailed` when the disk refuses: then
  /// the edit is not part of this session (the caller undoes it on screen) and the next `record`
  /// rewrites the whole journal, in case the failed append left part of a line.
  public func record(_ entry: JournalEntry) throws(StoreError) {
    guard !isReadOnly else { return }
    if let recovery { throw .recoveryPending(path: path, journal: recovery.journalPath, entries: recovery.entryCount) }
    let now = clock()
    pending.append(Journal.Record(seq: pending.count + 1, at: now.iso, entry: entry))
    do {
      if journalNeedsRewrite {
        try rewriteJournal()
      } else {
        try journal.append(entry, at: now)
      }
    } catch {
      pending.removeLast()
      journalNeedsRewrite = true
      throw error
    }
  }

  /// Saves `portfolio`: refuses when read-only, when a recovery is pending, when the folder is
  /// gone, when another session took the lock, (unless `force`) when the file changed on disk
  /// since it was loaded, and (unless `overwriteProtected`) when the file is write-protected.
  /// Keeps the previous version as `.bak`, appends the diff to the history (with the progress
  /// notes of the recorded edits, or `notes` when given), removes the journal. Stamps a new
  /// revision over the one on disk and logs the way back to it (and to `mergedWith`, the other
  /// copy a merge took in). `newRevision` stamps one even when nothing changed (a field copy
  /// of a file saved before revisions existed).
  @discardableResult
  public func save(
    _ portfolio: Portfolio, notes: [String: [String]]? = nil, force: Bool = false, overwriteProtected: Bool = false,
    mergedWith other: Portfolio? = nil, newRevision: Bool = false
  ) throws(StoreError) -> SaveReport {
    try checkCanSave()
    return try whileLocked { () throws(StoreError) -> SaveReport in
      if !force, fingerprint.changed(at: path) { throw .changedOnDisk(path: path) }
      if !overwriteProtected, FileSystem.isWriteProtected(path) {
        throw .writeProtected(path: path, mode: FileSystem.describeMode(of: path))
      }
      // Checked just above (unless forced): the fingerprint describes the file's bytes.
      return try write(
        portfolio, over: baseline, onDisk: force ? nil : fingerprint, notes: notes, mergedWith: other, newRevision: newRevision)
    }
  }

  /// Refuses a save as `save` does (read-only, a pending recovery, the folder gone).
  func checkCanSave() throws(StoreError) {
    if isReadOnly { throw .readOnly(path: path) }
    if let recovery { throw .recoveryPending(path: path, journal: recovery.journalPath, entries: recovery.entryCount) }
    let folder = FileSystem.directory(of: path)
    if FileSystem.kind(of: folder) != .directory {
      throw .writeFailed(
        path: path,
        reason: "la carpeta \(folder) ya no existe: ¿se movió, renombró o borró? Guarde una copia en otro lugar / the folder is gone: moved, renamed or deleted? Save a copy elsewhere")
    }
  }

  /// Runs `body` holding the lock: a command line session already holds it (and must still);
  /// a person's session takes it now (waiting up to `saveLockWait` for another save, taking
  /// over a lock whose process is gone) and lets it go after.
  func whileLocked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    guard isInteractive else {
      if !lock.stillOwned { throw .lockLost(path: path) }
      return try body()
    }
    try acquireSaveLock()
    defer { lock.release() }
    return try body()
  }

  private func acquireSaveLock() throws(StoreError) {
    let deadline = ContinuousClock.now + saveLockWait
    while true {
      switch try lock.acquire() {
      case .acquired: return
      case .stale(let stale):
        if case .acquired = try lock.takeOver(stale) { return }
      case .heldBy(let holder):
        if ContinuousClock.now >= deadline { throw .locked(path: path, holder: holder) }
      }
      usleep(20_000)
    }
  }

  /// Writes `portfolio` (the lock held, every check done): backup, journal mark, history of
  /// what changed from `previous` (the file as it is on disk, described by `onDisk` when
  /// known), a revision stamped over the one on disk and logged (with `other`, a copy a merge
  /// took in), new baseline and fingerprint.
  func write(
    _ portfolio: Portfolio, over previous: Portfolio, onDisk: FileFingerprint?, notes: [String: [String]]?,
    mergedWith other: Portfolio? = nil, newRevision: Bool = false
  ) throws(StoreError) -> SaveReport {
    let portfolio = RevisionStamp.forSave(
      portfolio, over: previous, user: identity.userAtHost, at: clock(), always: newRevision)
    let bytes = PortfolioCodec.encode(portfolio)
    // Hashed once, on a second core while the bytes are written and fsynced: for the journal's
    // mark, for the new fingerprint, and to know the file changes without reading it again.
    let hashing = BackgroundHash(bytes)
    try PortfolioStore.write(bytes, to: path) {
      let hash = hashing.value
      // A kill after the rename but before the journal is removed must not apply the edits twice.
      self.journal.markSaving(size: bytes.count, hash: hash)
      guard let onDisk else { return nil }
      return onDisk.size != bytes.count || onDisk.hash != hash ? true : nil
    }
    let hash = hashing.value
    CrashPoint.hit(.saveRenamed)
    var info = stat()
    _ = stat(FileSystem.resolvingSymlink(path), &info)
    // With the ctime, so polling can tell "unchanged" from a stat alone once it has settled.
    fingerprint = FileFingerprint(bytes: bytes, info: info, hash: hash)
    seen = fingerprint
    outsideSince = nil
    baseline = portfolio
    let records = History.records(
      from: previous, to: portfolio, user: identity.userAtHost, at: clock(),
      notes: notes ?? History.progressNotes(pending.map(\.entry)))
    var report = SaveReport(changes: records, historyError: nil)
    do { try History.append(records, to: historyPath) } catch { report.historyError = error }
    historyOffset = History.size(of: historyPath)
    if portfolio.lineage.revision?.id != previous.lineage.revision?.id {
      report.revision = portfolio.lineage.revision
      let parents = [(previous.lineage.revision?.id, previous)] + (other.map { [($0.lineage.revision?.id, $0)] } ?? [])
      let entries = RevisionLog.entries(saved: portfolio, hash: hash, parents: parents.map { (id: $0.0, portfolio: $0.1) })
      do { try RevisionLog.append(entries, dataPath: path) } catch { report.revisionLogError = error }
    }
    pending = []
    journalNeedsRewrite = false
    journal.reset(header: Journal.Header(identity, started: clock(), base: fingerprint))
    return report
  }

  /// Writes `portfolio` to another file (keeping a backup there too); this session's file,
  /// baseline and journal are unchanged.
  public func saveCopy(_ portfolio: Portfolio, to other: String) throws(StoreError) {
    // The copy is new data: a revision of its own, descending from the one on disk.
    try PortfolioStore.save(RevisionStamp.forSave(portfolio, over: baseline, user: identity.userAtHost, at: clock()), to: other)
  }

  /// Reads the file again (after `.changedOnDisk`). With `keepingEdits`, the recorded edits are
  /// replayed onto the new version (a simple merge; `skipped` lists what no longer applied) and
  /// the journal continues; otherwise they are dropped with the journal.
  @discardableResult
  public func reload(keepingEdits: Bool = false) throws(StoreError) -> Replayed {
    try reloadBaseline()
    guard keepingEdits, !pending.isEmpty else {
      if !isReadOnly, recovery == nil { pending = []; journal.reset(header: newJournalHeader()) }
      return Replayed(portfolio: baseline, skipped: [])
    }
    var portfolio = baseline
    let skipped = portfolio.replay(pending.map(\.entry))
    if !isReadOnly { try rewriteJournal() }
    return Replayed(portfolio: portfolio, skipped: skipped)
  }

  /// The pending journal's contents (`tablero recover --show`), without the entries a save
  /// already wrote into the file (a kill between the save's rename and the journal's removal).
  public func recoveryContents() throws(StoreError) -> Journal.Contents {
    var contents = try Journal.read(journal.path)
    contents.dropSaved(current: fingerprint)
    return contents
  }

  /// The baseline with the pending journal replayed. The journal becomes this session's (later
  /// edits continue it), so nothing is lost until the result is saved.
  public func recover() throws(StoreError) -> Replayed {
    guard recovery != nil else { return Replayed(portfolio: baseline, skipped: []) }
    if isReadOnly { throw .readOnly(path: path) }
    let contents = try recoveryContents()
    var portfolio = baseline
    let skipped = portfolio.replay(contents.entries)
    pending = contents.records
    try rewriteJournal()
    recovery = nil
    return Replayed(portfolio: portfolio, skipped: skipped)
  }

  /// Sets the pending journal aside as `<file>.diario.descartado.jsonl` (replacing an older
  /// discarded one), only when asked.
  public func discardRecovery() throws(StoreError) {
    guard recovery != nil else { return }
    if isReadOnly { throw .readOnly(path: path) }
    let aside = Self.discardedJournalPath(for: path)
    if rename(journal.path, aside) != 0, errno != ENOENT {
      throw .writeFailed(path: journal.path, reason: FileSystem.errorText())
    }
    journal.release()
    recovery = nil
  }

  public static func discardedJournalPath(for dataPath: String) -> String { dataPath + ".diario.descartado.jsonl" }

  /// Releases the lock and the journal. The journal of unsaved edits stays for the next start
  /// unless `discardingUnsaved` (the user chose to quit without saving).
  public func close(discardingUnsaved: Bool = false) {
    guard !closed else { return }
    closed = true
    if discardingUnsaved, access == .readWrite, recovery == nil { journal.remove() }
    journal.release()
    lock.release()
  }

  // MARK: - Internals

  /// For a person's session: whether a lock could be made here at all (a read-only folder
  /// opens read-only, as before). Someone else saving right now is no reason to.
  private func probeLock() throws(StoreError) -> Access {
    do {
      if case .acquired = try lock.acquire() { lock.release() }
      return .readWrite
    } catch {
      if case .lockFailed(_, let reason) = error { return .readOnlyNoLock(reason: reason) }
      throw error
    }
  }

  private func lockAccess(_ policy: StalePolicy) throws(StoreError) -> Access {
    let outcome: FileLock.Outcome
    do {
      outcome = try lock.acquire()
    } catch {
      if case .lockFailed(_, let reason) = error { return .readOnlyNoLock(reason: reason) }
      throw error
    }
    switch outcome {
    case .acquired: return .readWrite
    case .heldBy(let holder): return .readOnlyLocked(holder)
    case .stale(let stale):
      guard policy == .takeOver else { return .readOnlyStaleLock(stale) }
      switch try lock.takeOver(stale) {
      case .acquired:
        tookOverStaleLock = stale
        return .readWrite
      case .heldBy(let holder): return .readOnlyLocked(holder)
      case .stale(let other): return .readOnlyStaleLock(other)
      }
    }
  }

  private func loadBaseline() throws(StoreError) {
    let (bytes, info) = try FileSystem.readFileAndInfo(path, limit: PortfolioStore.sizeLimit)
    // The fingerprint's hash is computed beside the decoding (a second core), not after it.
    let hash = BackgroundHash(bytes)
    let loaded = try PortfolioCodec.decode(bytes, path: path)
    baseline = loaded.portfolio
    warnings = loaded.warnings
    fingerprint = FileFingerprint(bytes: bytes, info: info, hash: hash.value)
    seen = fingerprint
    outsideSince = nil
    historyOffset = History.size(of: historyPath)
    journal.reset(header: newJournalHeader(), removingFile: false)
  }

  private func reloadBaseline() throws(StoreError) {
    try loadBaseline()
  }

  func newJournalHeader() -> Journal.Header {
    Journal.Header(identity, started: clock(), base: fingerprint)
  }

  func rewriteJournal() throws(StoreError) {
    journalNeedsRewrite = true
    try journal.rewrite(header: newJournalHeader(), records: pending)
    journalNeedsRewrite = false
  }

  /// Looks for the journal of a session that ended without saving (one no running session
  /// holds), takes it (so no other session offers it too) and describes it in `recovery`.
  private func findRecovery() {
    for candidate in Journal.existingPaths(for: path) where journal.adopt(candidate) {
      if offerRecovery(of: candidate) { return }
    }
  }

  /// True when the adopted journal holds something to ask about; otherwise it is removed.
  private func offerRecovery(of journalPath: String) -> Bool {
    do {
      var contents = try Journal.read(journalPath)
      let alreadySaved = contents.dropSaved(current: fingerprint)
      guard let header = contents.header, !contents.records.isEmpty else {
        // Nothing recoverable (the crash cut the first line, or a save wrote every entry into
        // the file just before the kill): nothing to ask about.
        journal.remove()
        return false
      }
      let baseMatches = alreadySaved > 0 || (header.base.map { !fingerprint.changed(since: $0) } ?? false)
      if baseMatches, replaysToBaseline(contents.records.map(\.entry)) {
        // Edits undone back to the saved version: nothing unsaved, nothing to ask about.
        journal.remove()
        return false
      }
      recovery = Recovery(
        journalPath: journalPath, entryCount: contents.records.count, started: header.started,
        lastEditAt: contents.records.last?.at, user: header.user, host: header.host, pid: header.pid,
        baseMatches: baseMatches,
        ignoredTornLine: contents.ignoredTornLine, problem: nil)
    } catch {
      recovery = Recovery(
        journalPath: journalPath, entryCount: 0, started: "", lastEditAt: nil, user: "?", host: "?", pid: 0,
        baseMatches: false, ignoredTornLine: nil, problem: error.describe(.es))
    }
    return true
  }

  /// The journal's edits, replayed on the saved version, give that version back.
  private func replaysToBaseline(_ entries: [JournalEntry]) -> Bool {
    var replayed = baseline
    let failures = replayed.replay(entries)
    return failures.isEmpty && replayed == baseline
  }
}
