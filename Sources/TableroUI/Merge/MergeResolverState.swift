import TableroCore

/// What the conflict resolver ends with: the merge with every conflict settled (already
/// validated), or a cancel (nothing to write).
public enum MergeResolverOutcome: Equatable, Sendable {
  case apply(MergeResult)
  case cancel
}

/// The state of `tablero merge --interactivo`: the merge being resolved, which conflict is
/// selected, and the small modes on top (typing a value, confirming a cancel, help). Pure: the
/// runner owns the terminal and the disk; `update` and `render` only read and change this.
public struct MergeResolverState: Equatable, Sendable {
  public enum Mode: Equatable, Sendable {
    case browsing
    /// Typing a value for the selected conflict ("editar").
    case editing(MergeEditField)
    /// Cancel asked while some conflicts were already resolved.
    case confirmingCancel
  }

  /// A line under the panel: what the last key did, or why it could not.
  public struct Notice: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool) {
      self.text = text
      self.isError = isError
    }
  }

  /// The merge; conflicts hold their resolution (`MergeConflict.resolution`).
  public internal(set) var result: MergeResult
  /// How this file (mine) and the other copy (theirs) are called on screen.
  public var mineName: String
  public var theirsName: String
  public var language: Language
  public var useColor: Bool
  public var useUnicode: Bool
  public var size: Size
  /// Index into `result.conflicts` (0 when there are none).
  public internal(set) var selected = 0
  /// First conflict shown in the list.
  public internal(set) var scroll = 0
  public internal(set) var mode: Mode = .browsing
  public internal(set) var showsHelp = false
  public internal(set) var notice: Notice?

  /// Below this the resolver shows "terminal demasiado pequeña".
  public static let minimumSize = Size(width: 80, height: 24)

  public init(
    result: MergeResult, mineName: String, theirsName: String, language: Language = .es, useColor: Bool = true,
    useUnicode: Bool = true, size: Size = Size(width: 80, height: 24)
  ) {
    self.result = result
    self.mineName = mineName
    self.theirsName = theirsName
    self.language = language
    self.useColor = useColor
    self.useUnicode = useUnicode
    self.size = size
  }

  public var conflicts: [MergeConflict] { result.conflicts }
  public var selectedConflict: MergeConflict? { conflicts.indices.contains(selected) ? conflicts[selected] : nil }
  public var resolvedCount: Int { conflicts.count { $0.isResolved } }
  public var pendingCount: Int { conflicts.count - resolvedCount }
  public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

  /// The choice made for a conflict, nil while pending.
  public func resolution(of path: MergePath) -> MergeResolution? { result.conflict(at: path)?.resolution }

  var theme: Theme { Theme(useColor: useColor, useUnicode: useUnicode) }
}

/// A one-line text field with a cursor (in characters).
public struct MergeEditField: Equatable, Sendable {
  public var text: String
  public var cursor: Int
  /// Why the last Enter was refused.
  public var error: String?

  public init(text: String) {
    self.text = text
    cursor = text.count
  }

  mutating func insert(_ c: Character) {
    let i = text.index(text.startIndex, offsetBy: min(max(0, cursor), text.count))
    text.insert(c, at: i)
    cursor += 1
    error = nil
  }

  mutating func backspace() {
    guard cursor > 0, cursor <= text.count else { return }
    text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
    cursor -= 1
    error = nil
  }

  mutating func deleteForward() {
    guard cursor >= 0, cursor < text.count else { return }
    text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    error = nil
  }

  mutating func move(_ delta: Int) { cursor = min(max(0, cursor + delta), text.count) }
  mutating func clear() {
    text = ""
    cursor = 0
    error = nil
  }
}
