/// The two copies being merged: `mine` is the file in use (git's "ours"), `theirs` the copy
/// that comes back from the field (git's "theirs").
public enum MergeSide: String, CaseIterable, Sendable {
  case mine, theirs

  public var other: MergeSide { self == .mine ? .theirs : .mine }

  public func label(_ l: Language) -> String {
    switch self {
    case .mine: l.pick("este archivo", "this file")
    case .theirs: l.pick("el otro archivo", "the other file")
    }
  }
}

/// How one conflict is settled: one side's value, or a value typed by the user (the TUI's "edit").
public enum MergeResolution: Equatable, Sendable {
  case mine
  case theirs
  case value(MergeValue)

  public init(_ side: MergeSide) { self = side == .mine ? .mine : .theirs }
}
