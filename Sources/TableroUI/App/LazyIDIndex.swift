import Foundation

/// Position of each id (the first one when an id repeats), built on first use. At 100 000
/// initiatives the dictionary costs ≈ 35 ms, a third of `AppState.init`, and the first frame
/// (the dashboard's components) never reads it: it is built by the first lookup or by the
/// idle tick, whichever comes first. A reference, so views (which get the state read-only)
/// can still fill it; it holds the ids alone (not the items: sharing their storage would
/// make the next edit copy them all), and each rebuild of the indexes gets a new one, so a
/// copy of the state (undo, tests) keeps the index of its own portfolio.
final class LazyIDIndex: @unchecked Sendable {
  private let lock = NSLock()
  private var ids: [String]
  private var built: [String: Int]?

  init(ids: [String] = []) {
    self.ids = ids
  }

  /// Built already (the first lookup or the idle tick happened).
  var isBuilt: Bool { lock.withLock { built != nil } }

  var dictionary: [String: Int] {
    lock.withLock {
      if let built { return built }
      var index: [String: Int] = [:]
      index.reserveCapacity(ids.count)
      for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
      built = index
      ids = []
      return index
    }
  }
}
