/// A key press as the UI understands it, decoded by the terminal backend.
/// Printable input (including ñ, á, emoji) arrives as `.character`.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, given in lower case: Ctrl-S is `.control("s")`.
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)
}
