import TableroCore

/// Undo and redo of every edit as whole-portfolio snapshots: simple and exact. Portfolio arrays
/// are copy-on-write, so a snapshot costs a reference until the next edit copies the arrays.
public struct UndoHistory: Sendable {
  struct Entry: Sendable {
    var portfolio: Portfolio
    var label: String
  }
  var undoStack: [Entry] = []
  var redoStack: [Entry] = []
  /// How many snapshots to keep: every edit of a small portfolio can be undone; a huge one
  /// keeps fewer, since each snapshot may hold a copy of its initiatives (about 200 bytes each).
  var limit = 10_000

  static func limit(forInitiatives count: Int) -> Int { max(20, min(10_000, 2_000_000 / max(1, count))) }

  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }

  mutating func record(_ before: Portfolio, label: String) {
    undoStack.append(Entry(portfolio: before, label: label))
    if undoStack.count > limit { undoStack.removeFirst() }
    redoStack.removeAll()
  }

  /// Returns the portfolio to restore and the label of the undone edit.
  mutating func undo(current: Portfolio) -> Entry? {
    guard let entry = undoStack.popLast() else { return nil }
    redoStack.append(Entry(portfolio: current, label: entry.label))
    return entry
  }

  mutating func redo(current: Portfolio) -> Entry? {
    guard let entry = redoStack.popLast() else { return nil }
    undoStack.append(Entry(portfolio: current, label: entry.label))
    return entry
  }
}
