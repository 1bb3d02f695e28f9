import TableroCore

/// Everything that can happen to the UI. The terminal backend turns keys, resizes and
/// signals into events; the runner reports the outcome of effects back as events.
public enum Event: Sendable {
  case key(Key)
  case resized(Size)
  /// A save the runner performed: nil on success, else the reason in the user's language.
  case saveFinished(error: String?)
}

/// What `update` asks the outside world to do. `update` never touches disk or terminal.
public enum Effect: Equatable, Sendable {
  case save(Portfolio)
  /// Append to the recovery journal at once, so a crash loses nothing typed.
  case record(JournalEntry)
  case quit
}
