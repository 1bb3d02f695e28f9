/// What the merge took without asking, by side: nothing is decided silently.
public struct MergeSummary: Equatable, Sendable {
  public enum Action: String, Equatable, Sendable { case added, removed, changed }

  public struct Entry: Equatable, Sendable {
    public var path: MergePath
    public var action: Action
    public var old: MergeValue
    public var new: MergeValue
    public init(path: MergePath, action: Action, old: MergeValue, new: MergeValue) {
      self.path = path
      self.action = action
      self.old = old
      self.new = new
    }

    /// `initiatives[X].actualProgress: 40 → 55`, `initiatives[Y]: agregado BIEN «…»`.
    public func describe(_ l: Language, limit: Int? = 80) -> String {
      switch action {
      case .added: return "\(path): " + l.pick("agregado ", "added ") + new.display(l, limit: limit)
      case .removed: return "\(path): " + l.pick("eliminado ", "removed ") + old.display(l, limit: limit)
      case .changed: return "\(path): \(old.display(l, limit: limit)) → \(new.display(l, limit: limit))"
      }
    }
  }

  /// Changes made only in this file (already in it; listed so the result can be checked).
  public var fromMine: [Entry] = []
  /// Changes made only in the other file, now taken.
  public var fromTheirs: [Entry] = []
  /// The same change made on both sides, taken once.
  public var fromBoth: [Entry] = []

  public init() {}

  public func entries(from side: MergeSide) -> [Entry] { side == .mine ? fromMine : fromTheirs }
}
