import TableroCore

/// Everything that can happen to the UI. The terminal backend turns keys, resizes and
/// signals into events; the runner reports the outcome of effects back as events.
public enum Event: Sendable {
  case key(Key)
  /// A click or a wheel turn at a cell (only when the mouse is on: not with --sin-raton).
  case mouse(MouseEvent)
  case resized(Size)
  /// Ctrl-C (SIGINT): leave whatever is being typed, then quit as `q` would (asking first
  /// when there are unsaved changes). Never typed into a form as text.
  case interrupt
  /// No input for a moment: prepare what the next keys need (the search index).
  case idle
  /// A save the runner performed: nil on success, else the reason in the user's language.
  case saveFinished(error: String?)
  /// The save merged what other sessions had saved meanwhile, and wrote it.
  case saveMerged(IncomingChanges)
  /// The save found fields another session changed differently: nothing was written; the
  /// resolver opens on the merge.
  case saveNeedsResolution(MergeResult)
  /// Another session (or command) saved the file while this one is open: its changes come
  /// onto the screen, with this session's unsaved edits on top.
  case othersSaved(IncomingChanges)
  /// The file is write-protected: nothing was written; the user may save anyway (keeping the
  /// permissions), save a copy, or cancel. `message` says which file and its permissions.
  case saveWriteProtected(message: String)
  /// The runner replaced the document: recovered edits applied, or the file reloaded.
  /// `saved` is the file as on disk; `portfolio` what the session now shows.
  case documentReplaced(portfolio: Portfolio, saved: Portfolio, message: String)
  /// History lines written by a save, for the detail pane and the charts.
  case historyAppended([HistoryRecord])
  /// The whole history file, read after the first frame when it is long: it replaces what the
  /// session had (the file already holds the lines of any save made meanwhile).
  case historyLoaded([HistoryRecord])
  /// The session became writable (stale lock taken over) or read-only.
  case accessChanged(readOnly: Bool, message: String)
  /// Something the runner wants the user to read in the message line.
  case notice(String, isError: Bool)
  /// The journal could not record this entry (full disk, a pending recovery…): the change is
  /// taken back on screen, since only journalled edits count as made. `message` says why.
  case recordFailed(JournalEntry, message: String)
}

/// What `update` asks the outside world to do. `update` never touches disk or terminal.
public enum Effect: Equatable, Sendable {
  case save(Portfolio)
  /// Append to the recovery journal at once, so a crash loses nothing typed.
  case record(JournalEntry)
  /// Replay the pending recovery journal onto the file (answer to the start-up question).
  case applyRecovery
  /// Set the pending journal aside (kept as a copy, never deleted outright).
  case discardRecovery
  /// After the write-protection question: save although the file is write-protected.
  case saveOverProtection(Portfolio)
  /// Save again with the merge the person settled in the resolver.
  case saveResolved(MergeResult)
  /// Write the portfolio to another file (the session's file stays as it is).
  case saveCopy(Portfolio, path: String)
  case quit
  /// Quit and drop this session's unsaved edits (the journal is set aside, not kept for recovery).
  case quitDiscarding
}
