import TableroUI

/// What the event loop reports to the application.
public enum TerminalEvent: Hashable, Sendable {
  case key(Key)
  /// A click or wheel turn (after `NcursesTerminal.enableMouse`).
  case mouse(MouseEvent)
  /// The terminal has a new size; the next frame is redrawn in full.
  case resized(Size)
  /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: a chance to save a recovery state.
  case signal(Int32)
  /// The process continued after being stopped (Ctrl-Z, then `fg`).
  case resumed
}
