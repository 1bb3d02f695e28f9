#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Several sessions on one file at once: a save that merges what others saved since this
/// session's base, and polling that brings others' saves onto the screen while it is open.
/// Nothing another session saved is ever overwritten silently: a field both changed is a
/// conflict the person settles (docs/MERGE.md, "Varias sesiones a la vez").
extension PortfolioSession {
  public enum SaveOutcome: Equatable, Sendable {
    case saved(SaveReport)
    /// Another session changed some of the same fields differently: nothing was written.
    /// Settle the conflicts (the resolver) and call `saveMerging` again with the result.
    case needsResolution(MergeResult)
  }

  /// Another session's save, as `pollOutsideSave` found it.
  public struct OutsideSave: Equatable, Sendable {
    /// What to show now: the file as the others left it, with this session's unsaved edits on top.
    public var portfolio: Portfolio
    /// base: this session's base before; mine: what it showed; theirs: the file now.
    public var merge: MergeResult
    /// The history lines those saves wrote (who changed what); empty when they wrote none.
    public var records: [HistoryRecord]
    /// Fields changed both here (unsaved) and there: the save will ask. Until then this
    /// session's value is shown and its base stays where it was.
    public var conflicts: [MergeConflict] { merge.unresolved }
  }

  /// Saves `portfolio`. When the file changed since this session's base (another session or a
  /// command saved), merges three-way: base = this session's last loaded or saved version,
  /// mine = `portfolio`, theirs = the file now. Changes to different fields and items are
  /// combined and written (`report.merge` lists what came from the others); when a field was
  /// changed differently on both sides nothing is written and `.needsResolution` returns the
  /// merge. `resolved` is that merge after the person settled it: its choices are kept (and
  /// asked again only for conflicts a newer save brought). Everything happens holding the
  /// lock, so no save slips in between the read and the write.
  public func saveMerging(
    _ portfolio: Portfolio, resolved: MergeResult? = nil, overwriteProtected: Bool = false
  ) throws(StoreError) -> SaveOutcome {
    try checkCanSave()
    return try whileLocked { () throws(StoreError) -> SaveOutcome in
      if !overwriteProtected, FileSystem.isWriteProtected(path) {
        throw .writeProtected(path: path, mode: FileSystem.describeMode(of: path))
      }
      guard fingerprint.changed(at: path) else {
        return .saved(try write(portfolio, over: baseline, onDisk: fingerprint, notes: nil))
      }
      let (bytes, info) = try FileSystem.readFileAndInfo(path, limit: PortfolioStore.sizeLimit)
      let theirsFingerprint = FileFingerprint(bytes: bytes, info: info)
      let theirs = try PortfolioCodec.decode(bytes, path: path).portfolio
      var result = PortfolioMerge.merge(base: baseline, mine: ownEdits(else: portfolio), theirs: theirs)
      if let resolved { Self.carryOver(resolved, into: &result) }
      guard result.unresolved.isEmpty else {
        seen = theirsFingerprint
        return .needsResolution(result)
      }
      let merged: Portfolio
      do throws(MergeError) { merged = try result.validated() } catch {
        if case .invalid(let issues) = error { throw .invalid(path: path, issues: issues) }
        throw .invalid(path: path, issues: [])
      }
      let others = History.readAppended(historyPath, from: historyOffset).records
      CrashPoint.hit(.saveMerged)
      // The history gets what this session added to the file as it was: the others' changes
      // are already there under their names.
      var report = try write(merged, over: theirs, onDisk: theirsFingerprint, notes: nil)
      report.merge = result
      report.othersRecords = others
      return .saved(report)
    }
  }

  /// The choices made in an earlier resolution of this save, for the conflicts that are still
  /// the same (same values on both sides).
  static func carryOver(_ resolved: MergeResult, into result: inout MergeResult) {
    for old in resolved.conflicts {
      guard let choice = old.resolution, let now = result.conflict(at: old.path), !now.isResolved,
        now.mine == old.mine, now.theirs == old.theirs
      else { continue }
      try? result.resolve(old.path, with: choice)
    }
  }

  /// Looks whether another session saved the file since this one last looked (a `stat` when
  /// nothing changed; the file is read only when it did). If so, merges that save with what
  /// this session shows (`current`: the base plus its unsaved edits) and returns it. Without
  /// conflicts the base moves to the new version and the journal is rebased onto it (its edits
  /// now apply to that version, so a crash still recovers them); with conflicts the base stays,
  /// so the next save asks. Waits up to `historyGrace` for the other save's history lines, to
  /// say who made it.
  public func pollOutsideSave(showing current: Portfolio) throws(StoreError) -> OutsideSave? {
    guard recovery == nil, seen.check(at: path) != .sameStat else { return nil }
    let bytes: [UInt8]
    let info: stat
    do {
      (bytes, info) = try FileSystem.readFileAndInfo(path, limit: PortfolioStore.sizeLimit)
    } catch {
      // Gone or unreadable for now (moved, a permission change): the next save says so.
      return nil
    }
    let now = FileFingerprint(bytes: bytes, info: info)
    guard now.changed(since: seen) else {
      // The same bytes (a touch, or a stat still too fresh to trust): keep the newer stat, so
      // the next polls are a stat again once its ctime has settled.
      if !now.changed(since: fingerprint) { fingerprint = now }
      seen = now
      return nil
    }
    let appended = History.readAppended(historyPath, from: historyOffset)
    if appended.records.isEmpty {
      // A save writes its history lines just after the file: give them a moment.
      let since = outsideSince.flatMap { $0.hash == now.hash ? $0.at : nil } ?? ContinuousClock.now
      outsideSince = (now.hash, since)
      if ContinuousClock.now - since < historyGrace { return nil }
    }
    outsideSince = nil
    seen = now
    let theirs: Portfolio
    do { theirs = try PortfolioCodec.decode(bytes, path: path).portfolio } catch {
      // Not a valid portfolio (a hand edit in progress): said once, the screen stays as it is.
      throw error
    }
    historyOffset = appended.offset
    let merge = PortfolioMerge.merge(base: baseline, mine: ownEdits(else: current), theirs: theirs)
    guard merge.unresolved.isEmpty else {
      return OutsideSave(portfolio: merge.portfolio, merge: merge, records: appended.records)
    }
    // Nothing unsaved: the file exactly as the others left it (order included).
    let shown = pending.isEmpty ? theirs : merge.portfolio
    try rebase(onto: theirs, fingerprint: now)
    return OutsideSave(portfolio: shown, merge: merge, records: appended.records)
  }

  /// "Mine" for a merge: the base with this session's journalled edits replayed, and nothing
  /// else. What the screen shows may also hold others' changes taken in while a conflict kept
  /// the base back; counted as this session's, they would come back as false conflicts (and
  /// "keep mine" would then revert the others' newer values). `fallback` is used only for a
  /// session that journals nothing (a command line one).
  func ownEdits(else fallback: Portfolio) -> Portfolio {
    guard isInteractive else { return fallback }
    var mine = baseline
    _ = mine.replay(pending.map(\.entry))
    return mine
  }

  /// Makes `theirs` this session's base, and rewrites the journal's header so its edits apply
  /// to it (the edits themselves are unchanged: replayed on `theirs` they give the screen).
  private func rebase(onto theirs: Portfolio, fingerprint new: FileFingerprint) throws(StoreError) {
    baseline = theirs
    fingerprint = new
    if !isReadOnly, !pending.isEmpty {
      try rewriteJournal()
    } else {
      journal.reset(header: newJournalHeader(), removingFile: false)
    }
  }
}
