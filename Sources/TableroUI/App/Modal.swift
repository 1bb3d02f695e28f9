import TableroCore

/// A dialog on top of the current view; it takes every key until closed.
public enum Modal: Equatable, Sendable {
  case form(FormState)
  /// Quit with unsaved changes: save, discard or stay.
  case confirmQuit
  case confirmRemove(RemovalImpact)
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
