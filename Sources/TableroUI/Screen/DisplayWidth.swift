import TableroCore

/// The one place that decides how many terminal columns text occupies.
///
/// The rules follow `wcwidth` as glibc and ncursesw apply it, because ncurses moves the cursor
/// by that width; disagreeing with it is what leaves stale cells behind wide glyphs
/// (ratatui#2357, #2738). A grapheme cluster is as wide as its first scalar:
/// - 0 for combining marks, format characters (ZWJ, ZWSP, BOM) and Hangul medial jamo;
/// - 2 for East Asian Wide/Fullwidth and emoji presentation (except regional indicators,
///   which wcwidth reports as 1), e.g. "漢", "😀", "✅";
/// - 1 otherwise, box drawing and "ñ" included. An emoji variation selector does not widen a
///   text-style base ("❤️" is 1), again as wcwidth counts it.
/// Control characters (C0, DEL, C1, line/paragraph separators, bidi controls; the list is
/// `TerminalText.isControl`) never reach the screen: they
/// are drawn as `replacement` ("�", one column), so typed control codes cannot break layout.
public enum DisplayWidth {
  /// What the screen shows instead of a control character.
  public static let replacement: Character = "\u{FFFD}"

  /// Columns `character` takes when written to a `ScreenBuffer`.
  public static func of(_ character: Character) -> Int {
    guard let base = character.unicodeScalars.first else { return 0 }
    if isControl(base) { return 1 }
    return width(of: base)
  }

  /// Columns `text` takes when written to a `ScreenBuffer`.
  public static func of(_ text: String) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// `character` as the screen draws it: the replacement for control characters, itself
  /// otherwise, nil when it takes no column (it is then dropped).
  public static func displayed(_ character: Character) -> Character? {
    guard let base = character.unicodeScalars.first else { return nil }
    if isControl(base) { return replacement }
    return width(of: base) == 0 ? nil : character
  }

  /// The core's list (TerminalText), so the CLI and the TUI hide the same characters.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool { TerminalText.isControl(scalar) }

  /// Width of one printable scalar.
  static func width(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }  // Latin-1 and Latin Extended: the common, fast case
    if prependedConcatenationMarks.contains(value) { return 1 }  // format, yet drawn
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
      return 0
    default:
      break
    }
    // Hangul medial vowels and final consonants join the preceding initial consonant.
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
    if isEastAsianWide(value) { return 2 }
    if scalar.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(value) {
      return 2
    }
    return 1
  }

  /// Arabic/Syriac/Kaithi number signs: category Cf but printed, one column in wcwidth.
  static let prependedConcatenationMarks: Set<UInt32> = [
    0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD,
    0x110CD,
  ]

  static func isEastAsianWide(_ value: UInt32) -> Bool {
    let ranges = eastAsianWideRanges
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = ranges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}
