import TableroUI

/// Puts frames on the terminal, sending only the cells that changed since the last frame,
/// then one refresh. ncurses diffs again against its own virtual screen; ours just keeps
/// the number of calls small.
public struct ScreenWriter {
  private var previous: ScreenBuffer?

  public init() {}

  /// Makes the next `draw` clear the terminal and repaint every cell (after a resize, a
  /// resume, or anything else that may have disturbed the screen).
  public mutating func invalidate() {
    previous = nil
  }

  public mutating func draw(_ frame: ScreenBuffer, on terminal: NcursesTerminal) {
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
}
