/// An in-memory screen: a rectangle of cells that views draw into each frame.
///
/// Nothing here traps: reads outside the buffer return a blank cell, writes outside it are
/// ignored, and any size (zero included) is valid. Wide glyphs keep their continuation cell
/// in step: overwriting either half of one blanks the other half.
public struct ScreenBuffer: Equatable, Sendable {
  public let size: Size
  /// Row-major cells, `size.width * size.height` of them.
  private(set) var cells: [Cell]
  /// Every character drawn is folded to ASCII (the terminal is not UTF-8): see `ASCIIFolding`.
  public var asciiOnly = false

  public init(size: Size) {
    let (count, overflow) = size.width.multipliedReportingOverflow(by: size.height)
    self.size = overflow ? .zero : size
    cells = Array(repeating: .blank, count: overflow ? 0 : count)
  }

  public init(width: Int, height: Int) {
    self.init(size: Size(width: width, height: height))
  }

  public var bounds: Rect { Rect(size: size) }

  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < size.width && y < size.height
  }

  func index(x: Int, y: Int) -> Int? {
    contains(x: x, y: y) ? y * size.width + x : nil
  }

  /// The cell at (x, y); blank outside the buffer. Setting places the cell as `write` would
  /// (a wide glyph also claims the next column, or becomes a space in the last one);
  /// setting outside the buffer does nothing.
  public subscript(x x: Int, y y: Int) -> Cell {
    get {
      guard let index = index(x: x, y: y) else { return .blank }
      return cells[index]
    }
    set {
      place(newValue, x: x, y: y)
    }
  }

  public subscript(_ point: Point) -> Cell {
    get { self[x: point.x, y: point.y] }
    set { self[x: point.x, y: point.y] = newValue }
  }

  /// Puts `cell` at (x, y), keeping wide glyphs consistent.
  mutating func place(_ cell: Cell, x: Int, y: Int) {
    guard let index = index(x: x, y: y) else { return }
    var cell = cell
    if asciiOnly, !cell.grapheme.isASCII {
      cell = Cell(ASCIIFolding.fold(cell.grapheme).first ?? "?", style: cell.style)
    }
    if cell.isContinuation || (cell.width == 2 && x + 1 >= size.width) {
      cell = Cell(" ", style: cell.style)
    }
    detachWideGlyph(at: index, x: x)
    if cell.width == 2 {
      detachWideGlyph(at: index + 1, x: x + 1)
      cells[index + 1] = .continuation(style: cell.style)
    }
    cells[index] = cell
  }

  /// Before the cell at `index` is overwritten, blanks the other half of the wide glyph it
  /// belongs to, so no half glyph is left behind.
  private mutating func detachWideGlyph(at index: Int, x: Int) {
    let current = cells[index]
    if current.isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    } else if current.width == 2, x + 1 < size.width {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
  }

  /// Writes `text` from (x, y) rightwards and returns the columns it advanced.
  ///
  /// Text is clipped to the buffer and to `maxWidth` columns; it never wraps. A wide glyph
  /// that does not fit before the limit becomes a space and ends the write. Control
  /// characters are drawn as `DisplayWidth.replacement`; zero-width graphemes are skipped.
  /// Columns left of 0 are skipped but still counted, so `x + result` is where to continue.
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    var limit = size.width
    if let maxWidth {
      let allowed = max(0, maxWidth)
      if x <= limit - allowed { limit = x + allowed }
    }
    var column = x
    for character in asciiOnly ? ASCIIFolding.foldKeepingCut(text) : text {
      guard column < limit else { break }
      let width = DisplayWidth.of(character)
      if width == 0 { continue }
      if column + width > limit {  // column < limit <= size.width, so no overflow
        if column >= 0 { place(Cell(" ", style: style), x: column, y: y) }
        column += 1
        break
      }
      if column >= 0 {
        place(Cell(character, style: style), x: column, y: y)
      } else if column + width > 0 {
        // A wide glyph cut by the left edge: show its visible half as a space.
        place(Cell(" ", style: style), x: 0, y: y)
      }
      column += width
    }
    let (advanced, overflow) = column.subtractingReportingOverflow(x)
    return overflow ? Int.max : max(0, advanced)
  }

  @discardableResult
  public mutating func write(
    _ text: String, at origin: Point, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    write(text, x: origin.x, y: origin.y, style: style, maxWidth: maxWidth)
  }

  /// Fills `rect` (clipped to the buffer) with `grapheme` in `style`; blanks by default.
  public mutating func fill(_ rect: Rect, with grapheme: Character = " ", style: CellStyle = .plain)
  {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let cell = Cell(grapheme, style: style)
    for y in area.minY..<area.maxY {
      var x = area.minX
      while x < area.maxX {
        if cell.width > area.maxX - x {
          place(Cell(" ", style: style), x: x, y: y)
        } else {
          place(cell, x: x, y: y)
        }
        x += cell.width
      }
    }
  }

  /// Every cell back to a plain blank.
  public mutating func clear() {
    cells = Array(repeating: .blank, count: cells.count)
  }

  /// Replaces the style of every cell in `rect`, keeping the text (e.g. a selected row).
  public mutating func setStyle(_ style: CellStyle, in rect: Rect) {
    updateStyle(in: rect) { $0 = style }
  }

  /// Changes the style of every cell in `rect` in place, e.g. `{ $0.reverse = true }`.
  public mutating func updateStyle(in rect: Rect, _ change: (inout CellStyle) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.minY..<area.maxY {
      for x in area.minX..<area.maxX {
        if let index = index(x: x, y: y) { change(&cells[index].style) }
      }
    }
  }
}
