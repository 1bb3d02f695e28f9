/// One line of the recovery journal: an edit, or an undo/redo of the edits before it.
/// Replaying the entries in order on the saved file rebuilds the session exactly.
public enum JournalEntry: Equatable, Sendable {
  case edit(Edit)
  case undo
  case redo
}

extension Portfolio {
  /// Replays journal entries with the same undo/redo rules as the TUI. Entries that no longer
  /// apply (the file changed meanwhile) are skipped and returned with their reason.
  public mutating func replay(_ entries: [JournalEntry]) -> [(entry: JournalEntry, error: EditError)] {
    var undo: [Portfolio] = []
    var redo: [Portfolio] = []
    var failures: [(entry: JournalEntry, error: EditError)] = []
    // Copies for undo only when the journal undoes anything: sessions replay it on every merge.
    let undoes = entries.contains { $0 == .undo }
    for entry in entries {
      switch entry {
      case .edit(let edit):
        let before = undoes ? self : nil
        do {
          try apply(edit)
          if let before { undo.append(before) }
          redo.removeAll()
        } catch {
          failures.append((entry, error))
        }
      case .undo:
        guard let previous = undo.popLast() else { continue }
        redo.append(self)
        self = previous
      case .redo:
        guard let next = redo.popLast() else { continue }
        undo.append(self)
        self = next
      }
    }
    return failures
  }
}
