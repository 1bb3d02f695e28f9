import CNcursesw
import TableroUI

/// One result of get_wch: a character, or a key code when get_wch returned KEY_CODE_YES.
public enum KeyInput: Hashable, Sendable {
  case character(UInt32)
  case keyCode(Int32)
}

/// What an input means to Tablero.
public enum DecodedInput: Hashable, Sendable {
  case key(Key)
  /// A click or wheel turn, read with getmouse after KEY_MOUSE.
  case mouse(MouseEvent)
  /// KEY_RESIZE: ncurses has already resized its screen.
  case resize
  /// Keys Tablero does not use (Insert, mouse, unknown codes, stray C1 controls).
  case ignored
}

/// Maps curses input to `Key`. Pure, so it is unit-tested without a terminal.
///
/// ncursesw decodes UTF-8 before we see it, so "ñ" or a precomposed "á" arrives as one
/// character. A combining mark typed separately arrives as its own `.character`.
public enum KeyDecoder {
  /// Decodes the status and value of get_wch; nil for ERR (timeout or interrupted read).
  public static func decode(status: Int32, value: UInt32) -> DecodedInput? {
    switch status {
    case KEY_CODE_YES: decode(.keyCode(Int32(truncatingIfNeeded: value)))
    case OK: decode(.character(value))
    default: nil
    }
  }

  public static func decode(_ input: KeyInput) -> DecodedInput {
    switch input {
    case .character(let value): decodeCharacter(value)
    case .keyCode(let code): decodeKeyCode(code)
    }
  }

  private static func decodeCharacter(_ value: UInt32) -> DecodedInput {
    switch value {
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 8, 127: return .key(.backspace)
    case 27: return .key(.escape)
    case 1...26:
      // Ctrl-A is 1 … Ctrl-Z is 26; Tab, Enter and Backspace were taken above.
      guard let letter = Unicode.Scalar(value + 0x60) else { return .ignored }
      return .key(.control(Character(letter)))
    case 0..<32, 0x80..<0xA0:
      return .ignored
    default:
      guard let scalar = Unicode.Scalar(value) else { return .ignored }
      return .key(.character(Character(scalar)))
    }
  }

  private static func decodeKeyCode(_ code: Int32) -> DecodedInput {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE, KEY_A3: return .key(.pageUp)
    case KEY_NPAGE, KEY_C3: return .key(.pageDown)
    case KEY_HOME, KEY_A1: return .key(.home)
    case KEY_END, KEY_C1: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BTAB: return .key(.backTab)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_RESIZE: return .resize
    default:
      let function = code - tb_key_f(0)
      if (1...12).contains(function) { return .key(.function(Int(function))) }
      return .ignored
    }
  }
}
