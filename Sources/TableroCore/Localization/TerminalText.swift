/// Text from the data made safe for a terminal: a name holding ESC ] 0 ; … BEL would retitle
/// the window, OSC 52 could set the clipboard; a bidi override (U+202E) makes "exe.txt" read
/// as "txt.exe". Control characters (C0, DEL, C1, line and paragraph separators, bidi
/// controls) become "�", as the TUI draws them (DisplayWidth.replacement uses this list).
public enum TerminalText {
  public static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// The one list of what never reaches a terminal, for the CLI and the TUI alike.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
    guard value >= 0x61C else { return false }  // the common case: Latin text
    return value == 0x2028 || value == 0x2029 || isBidiControl(value)
  }

  /// Marks, embeddings, overrides and isolates that reorder what follows them on screen:
  /// ALM (U+061C), LRM/RLM (U+200E/F), LRE…RLO (U+202A–E), LRI…PDI (U+2066–9).
  static func isBidiControl(_ value: UInt32) -> Bool {
    value == 0x61C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  /// Every control character but those in `keep` (line breaks and tabs of a multi-line
  /// output) replaced by "�". A CR right before an LF is a line end (CSV) and stays.
  public static func sanitized(_ text: String, keeping keep: Set<Unicode.Scalar> = ["\n", "\t"]) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && !keep.contains($0) && $0 != "\r" })
      || text.unicodeScalars.contains("\r")
    else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      let lineEnd = scalar == "\r" && scalars.first == "\n"
      out.append(isControl(scalar) && !keep.contains(scalar) && !lineEnd ? replacement : scalar)
    }
    return String(out)
  }

  /// One table cell or line: line breaks and tabs become spaces (the layout holds), every
  /// other control character "�".
  public static func singleLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\r", "\t": out.append(" ")
      default: out.append(isControl(scalar) ? replacement : scalar)
      }
    }
    return String(out)
  }
}
