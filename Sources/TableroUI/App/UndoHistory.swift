import TableroCore

/// Undo and redo of every edit. A step undoes by an inverse edit where the domain can give one
/// (progress, dates, weights…: no copy of the portfolio) and by a snapshot otherwise; redo
/// re-applies the edit itself. Revisions let the UI tell whether it is back at the saved file
/// without comparing whole portfolios.
public struct UndoHistory: Sendable {
  enum Undo: Sendable {
    case inverse(Edit)
    case snapshot(Portfolio)
  }

  struct Step: Sendable {
    var label: String
    var edit: Edit
    var undo: Undo
    /// Revisions before and after the step.
    var before: Int
    var after: Int
  }

  var undoStack: [Step] = []
  var redoStack: [Step] = []
  /// Identifies the current content: each new edit gets a fresh number.
  private(set) var revision = 0
  private var nextRevision = 1

  /// How many steps to keep: every edit of a small portfolio can be undone; a huge one keeps
  /// fewer, since snapshot steps may hold a copy of its initiatives (about 200 bytes each).
  var limit = 10_000

  static func limit(forInitiatives count: Int) -> Int { max(20, min(10_000, 2_000_000 / max(1, count))) }

  public var canUndo: Bool { !undoStack.isEmpty }
  /// Some step undoes by restoring a whole copy of the portfolio: after others' changes came
  /// in, it would silently take them back too.
  var hasSnapshots: Bool { (undoStack + redoStack).contains { if case .snapshot = $0.undo { true } else { false } } }
  public var canRedo: Bool { !redoStack.isEmpty }

  mutating func record(_ edit: Edit, undo: Undo, label: String) {
    let step = Step(label: label, edit: edit, undo: undo, before: revision, after: nextRevision)
    revision = nextRevision
    nextRevision += 1
    undoStack.append(step)
    if undoStack.count > limit { undoStack.removeFirst() }
    redoStack.removeAll()
  }

  mutating func popUndo() -> Step? {
    guard let step = undoStack.popLast() else { return nil }
    revision = step.before
    return step
  }

  mutating func pushRedo(_ step: Step) { redoStack.append(step) }

  mutating func popRedo() -> Step? {
    guard let step = redoStack.popLast() else { return nil }
    revision = step.after
    return step
  }

  /// Forgets the step just undone (it was never journalled, so it cannot be redone).
  mutating func dropRedo() { _ = redoStack.popLast() }

  /// Puts a redone step back, with the undo it now needs.
  mutating func pushUndo(_ step: Step) { undoStack.append(step) }

  /// A new document (recovered, reloaded): nothing to undo, a fresh revision.
  mutating func reset() {
    undoStack.removeAll()
    redoStack.removeAll()
    revision = nextRevision
    nextRevision += 1
  }
}
