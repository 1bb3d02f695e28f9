import TableroCore

/// A dialog on top of the current view; it takes every key until closed.
public enum Modal: Equatable, Sendable {
  case form(FormState)
  /// Quit with unsaved changes: save, discard or stay.
  case confirmQuit
  case confirmRemove(RemovalImpact)
  /// At start-up: unsaved edits of an earlier session wait in the journal.
  case recovery(RecoveryPrompt)
  /// A save found fields another session changed differently: the merge resolver, full screen.
  case resolver(MergeResolverState)
  /// A save found the file write-protected (chmod a-w): the reason, and the choice to save anyway.
  case writeProtected(message: String)
  /// Read-only lines (the comparison between two dates), scrolled from `offset`; Esc closes.
  case lines(title: String, lines: [String], offset: Int = 0)
}

/// What the start-up question about a pending journal shows.
public struct RecoveryPrompt: Equatable, Sendable {
  /// "3 cambios sin guardar de ana@laptop, del 25/11/2026 10:02…"
  public var summary: String
  /// One line per recorded edit, for "show".
  public var entries: [String]
  public var showsEntries = false
  /// First line shown of the entry list (scrolled like the comparison: ↑↓ AvPág RePág Inicio Fin).
  public var entryOffset = 0
  public init(summary: String, entries: [String]) {
    self.summary = summary
    self.entries = entries
  }
}

/// A line in the message bar.
public struct StatusMessage: Equatable, Sendable {
  public enum Kind: Sendable { case info, success, error }
  public var text: String
  public var kind: Kind
  public init(_ text: String, _ kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }
}
