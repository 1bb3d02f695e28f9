#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives a portfolio about to be written a new revision: its parent is the revision on disk
/// (what this writer last loaded or saved), and, after a merge, the other copy's revision too.
public enum RevisionStamp {
  public static func stamp(
    _ portfolio: Portfolio, over onDisk: Lineage, user: String, at time: Timestamp, id: String = newID()
  ) -> Portfolio {
    var stamped = portfolio
    let parent = onDisk.revision?.id
    let incoming = portfolio.lineage.mergedFrom
    let merged = incoming.first.flatMap { $0 == parent ? nil : $0 }
    // Newest first on both sides, taken in turns, so the newest revisions of each side stay
    // within the limit.
    var ids: [String] = []
    var seen = Set<String>([id])
    func take(_ candidate: String?) {
      guard let candidate, seen.insert(candidate).inserted else { return }
      ids.append(candidate)
    }
    take(parent)
    take(merged)
    let mine = onDisk.ancestors
    let theirs = Array(incoming.dropFirst())
    for i in 0..<max(mine.count, theirs.count) {
      if i < mine.count { take(mine[i]) }
      if i < theirs.count { take(theirs[i]) }
    }
    stamped.lineage = Lineage(
      revision: Revision(id: id, parent: parent, merged: merged, savedAt: time.iso, user: user),
      ancestors: Array(ids.prefix(Lineage.ancestorLimit)))
    return stamped
  }

  /// 16 hex digits from the system's random source: unique enough for the copies of one
  /// portfolio, short enough to read in a message.
  public static func newID() -> String {
    var generator = SystemRandomNumberGenerator()
    let hex = String(generator.next() as UInt64, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

extension RevisionStamp {
  /// What a save writes over `baseline` (the version on disk): a new revision when the data
  /// changed or a merge is recorded; otherwise the portfolio with the revision it already has,
  /// so saving an unedited file (an old one too) keeps its bytes.
  public static func forSave(
    _ portfolio: Portfolio, over baseline: Portfolio, user: String, at time: Timestamp, always: Bool = false
  ) -> Portfolio {
    if !always, portfolio == baseline, portfolio.lineage.mergedFrom.isEmpty {
      var same = portfolio
      same.lineage = baseline.lineage
      return same
    }
    return stamp(portfolio, over: baseline.lineage, user: user, at: time)
  }
}
