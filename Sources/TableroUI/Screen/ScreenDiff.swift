/// One cell the terminal must redraw.
public struct CellChange: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var cell: Cell

  public init(x: Int, y: Int, cell: Cell) {
    self.x = x
    self.y = y
    self.cell = cell
  }
}

extension ScreenBuffer {
  /// The cells to draw to turn `previous` into this screen, left to right, top to bottom.
  ///
  /// Every cell when the sizes differ. Continuation cells are never listed (drawing the wide
  /// glyph covers them). As in ratatui's `diff.rs`, cells that a wide glyph covered in either
  /// frame are re-emitted even when equal, because the terminal may have lost them when the
  /// wide glyph was replaced (ratatui#2738).
  public func changes(since previous: ScreenBuffer) -> [CellChange] {
    var result: [CellChange] = []
    guard previous.size == size else {
      for y in 0..<size.height {
        for x in 0..<size.width {
          let cell = self[x: x, y: y]
          if !cell.isContinuation { result.append(CellChange(x: x, y: y, cell: cell)) }
        }
      }
      return result
    }
    for y in 0..<size.height {
      var invalidated = 0  // columns still inside a wide glyph of either frame
      var skip = 0  // columns covered by the current wide glyph
      for x in 0..<size.width {
        let index = y * size.width + x
        let current = cells[index]
        let old = previous.cells[index]
        if !current.isContinuation && skip == 0 && (current != old || invalidated > 0) {
          result.append(CellChange(x: x, y: y, cell: current))
        }
        skip = max(0, current.width - 1)
        invalidated = max(max(current.width, old.width), invalidated) - 1
        invalidated = max(0, invalidated)
      }
    }
    return result
  }
}
