import TableroUI

/// Puts frames on the terminal, sending only the cells that changed since the last frame,
/// then one refresh. ncurses diffs again against its own virtual screen and picks the
/// cheapest way to get there (cursor jumps over unchanged text, scrolling regions for a
/// list that moved by a row); ours just keeps the number of calls small. Nothing here forces
/// a repaint (no clearok/redrawwin per frame): only `invalidate` does, after a resize or a
/// resume.
public struct ScreenWriter {
  /// The last frame as sent (after `forTerminal`).
  private var previous: ScreenBuffer?

  public init() {}

  /// Makes the next `draw` clear the terminal and repaint every cell (after a resize, a
  /// resume, or anything else that may have disturbed the screen).
  public mutating func invalidate() {
    previous = nil
  }

  public mutating func draw(_ frame: ScreenBuffer, on terminal: NcursesTerminal) {
    let frame = Self.forTerminal(frame)
    let changes: [CellChange]
    if let previous, previous.size == frame.size {
      changes = frame.changes(since: previous)
    } else {
      terminal.clearScreen()
      changes = frame.changes(since: ScreenBuffer(size: .zero))
    }
    for change in changes {
      terminal.draw(change.cell, x: change.x, y: change.y)
    }
    terminal.refresh()
    previous = frame
  }

  /// The frame as it will look, with fewer attribute changes: a blank whose attributes
  /// cannot show (bold, dim or a foreground colour on a space with no background, reverse
  /// or underline) takes the style of the cell to its left when that one cannot show on a
  /// blank either. "01/10/2011 31/12/2030" in bold is then one bold run for ncurses instead
  /// of bold-on, bold-off, bold-on: ≈ 10 bytes saved per gap. What the user sees is the same.
  public static func forTerminal(_ frame: ScreenBuffer) -> ScreenBuffer {
    var out = frame
    let size = frame.size
    for y in 0..<size.height {
      var left: CellStyle?
      for x in 0..<size.width {
        let cell = frame[x: x, y: y]
        if cell.isContinuation { continue }
        if cell.width == 1, cell.grapheme == " ", blankLooksPlain(cell.style), let style = left,
          style != cell.style, blankLooksPlain(style)
        {
          out[x: x, y: y] = Cell(" ", style: style)
          continue  // `left` stays: the next blank may join the same run
        }
        left = cell.style
      }
    }
    return out
  }

  /// A space in this style looks like a plain space.
  static func blankLooksPlain(_ style: CellStyle) -> Bool {
    !style.reverse && !style.underline && style.background == .default
  }
}
