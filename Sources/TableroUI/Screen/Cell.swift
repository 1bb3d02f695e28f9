/// One terminal cell: a single grapheme cluster with its display width and style.
///
/// A wide glyph (width 2) is followed by a continuation cell (width 0) for the column it
/// covers. The initializer enforces the invariants: control characters become
/// `DisplayWidth.replacement`, zero-width graphemes become a space, so every cell built from
/// outside draws exactly `width` columns.
public struct Cell: Hashable, Sendable {
  public private(set) var grapheme: Character
  /// 1 or 2 for a drawn cell; 0 for the column covered by the wide glyph to its left.
  public private(set) var width: Int
  public var style: CellStyle

  public init(_ grapheme: Character = " ", style: CellStyle = .plain) {
    let shown = DisplayWidth.displayed(grapheme) ?? " "
    self.grapheme = shown
    self.width = max(1, DisplayWidth.of(shown))
    self.style = style
  }

  private init(continuationWith style: CellStyle) {
    grapheme = " "
    width = 0
    self.style = style
  }

  public static let blank = Cell()

  /// The cell covering the right half of a wide glyph.
  static func continuation(style: CellStyle) -> Cell { Cell(continuationWith: style) }

  public var isContinuation: Bool { width == 0 }
}
