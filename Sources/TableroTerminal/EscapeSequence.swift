import TableroUI

/// Decodes the escape sequences terminals send for navigation and function keys when ncurses
/// did not (its terminfo entry lacks them: tmux sends ESC[4~ for End whatever TERM says,
/// vt100 has no Home/End at all, PuTTY sends ESC[11~ for F1). ncurses then hands over ESC
/// followed by the sequence's characters; without this, End opened Help and printed
/// "Tecla «~» sin función".
///
/// Pure, so it is unit-tested without a terminal. Modifiers (Shift, Ctrl, Alt: the ";5" in
/// ESC[1;5H, rxvt's trailing ^ $ @) are ignored: Ctrl-End is End.
public enum EscapeSequence {
  public enum Match: Equatable, Sendable {
    /// The first `length` characters after ESC form a whole sequence.
    case complete(DecodedInput, length: Int)
    /// A prefix of a possible sequence: read one more character.
    case needsMore
    /// Not a sequence: ESC was the Escape key (or Alt plus the next key).
    case none
  }

  /// Matches the characters that followed ESC.
  public static func match(_ following: [UInt32]) -> Match {
    guard let introducer = following.first else { return .needsMore }
    switch introducer {
    case UInt32(UInt8(ascii: "[")): return matchCSI(Array(following.dropFirst()))
    case UInt32(UInt8(ascii: "O")): return matchSS3(Array(following.dropFirst()))
    default: return .none
    }
  }

  /// Longest sequence accepted, so garbage never keeps the decoder reading.
  static let maximumLength = 12

  /// ESC [ parameters final: ESC[4~, ESC[1;5F, ESC[H, ESC[[A (Linux console F1), ESC[2^ (rxvt).
  private static func matchCSI(_ rest: [UInt32]) -> Match {
    guard let first = rest.first else { return .needsMore }
    if first == UInt32(UInt8(ascii: "[")) {
      // Linux console: ESC [ [ A … E are F1 … F5.
      guard rest.count >= 2 else { return .needsMore }
      let letters: [UInt32: Int] = [0x41: 1, 0x42: 2, 0x43: 3, 0x44: 4, 0x45: 5]
      guard let number = letters[rest[1]] else { return .none }
      return .complete(.key(.function(number)), length: 3)
    }
    var parameters: [Int] = []
    var current: Int?
    for (index, value) in rest.enumerated() {
      if index + 1 >= maximumLength { return .none }
      switch value {
      case 0x30...0x39:
        current = min((current ?? 0) * 10 + Int(value - 0x30), 9999)
      case 0x3B:  // ";"
        parameters.append(current ?? 1)
        current = nil
      case 0x3C...0x3F where index == 0:
        // "<", "=", ">", "?": a private sequence (SGR mouse ESC[<0;10;5M): read it whole, use none.
        continue
      default:
        if let current { parameters.append(current) }
        guard (0x20...0x7E).contains(value) else { return .none }
        // "[", then the parameters and the final character.
        return .complete(csiKey(parameters: parameters, final: value), length: index + 2)
      }
    }
    return .needsMore
  }

  private static func csiKey(parameters: [Int], final: UInt32) -> DecodedInput {
    switch final {
    case 0x4D, 0x6D:  // "M", "m": mouse reports, handled by ncurses when the mouse is on
      return .ignored
    case 0x7E, 0x5E, 0x24, 0x40:  // "~", rxvt's "^" (Ctrl), "$" (Shift), "@" (Ctrl-Shift)
      return tildeKey(parameters.first ?? 0)
    default:
      // ESC[1;5H: the first parameter is 1, the second the modifier; both ignored.
      return letterKey(final)
    }
  }

  /// vt220 / xterm / rxvt / PuTTY numbered keys.
  private static func tildeKey(_ number: Int) -> DecodedInput {
    switch number {
    case 1, 7: return .key(.home)  // 1 xterm/vt220/PuTTY, 7 rxvt
    case 4, 8: return .key(.end)  // 4 xterm/vt220/PuTTY, 8 rxvt
    case 2: return .ignored  // Insert: Tablero has no use for it
    case 3: return .key(.delete)
    case 5: return .key(.pageUp)
    case 6: return .key(.pageDown)
    case 11...15: return .key(.function(number - 10))  // F1 … F5 (vt220, rxvt, PuTTY)
    case 17...21: return .key(.function(number - 11))  // F6 … F10
    case 23, 24: return .key(.function(number - 12))  // F11, F12
    default: return .ignored
    }
  }

  /// Final letters shared by CSI (ESC[A) and SS3 (ESC OA).
  private static func letterKey(_ final: UInt32) -> DecodedInput {
    switch final {
    case 0x41: return .key(.up)  // A
    case 0x42: return .key(.down)  // B
    case 0x43: return .key(.right)  // C
    case 0x44: return .key(.left)  // D
    case 0x48: return .key(.home)  // H
    case 0x46: return .key(.end)  // F
    case 0x5A: return .key(.backTab)  // Z
    case 0x50: return .key(.function(1))  // P
    case 0x51: return .key(.function(2))  // Q
    case 0x52: return .key(.function(3))  // R
    case 0x53: return .key(.function(4))  // S
    case 0x4D: return .key(.enter)  // M: keypad Enter in application mode
    default: return .ignored
    }
  }

  /// ESC O final (application mode): ESC OH, ESC OF, ESC OP … ESC OS; a modifier digit may
  /// come first (ESC O5P).
  private static func matchSS3(_ rest: [UInt32]) -> Match {
    for (index, value) in rest.enumerated() {
      if index >= 3 { return .none }
      if (0x30...0x39).contains(value) { continue }
      guard (0x40...0x7E).contains(value) else { return .none }
      return .complete(letterKey(value), length: index + 2)
    }
    return .needsMore
  }
}
