import Testing

@testable import TableroCore

/// A bidi override in a name ("Informe\u{202E}fdp.exe") reorders what follows it on the
/// user's terminal; the CLI shows every bidi control as "�", like other control characters.
@Suite("Terminal text: bidi controls")
struct TerminalTextBidiTests {
  static let bidi: [Unicode.Scalar] = [
    "\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
    "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
  ]

  @Test(arguments: bidi) func everyBidiControlIsReplaced(_ scalar: Unicode.Scalar) {
    let name = "Informe" + String(scalar) + "fdp.exe"
    #expect(TerminalText.sanitized(name) == "Informe\u{FFFD}fdp.exe")
    #expect(TerminalText.singleLine(name) == "Informe\u{FFFD}fdp.exe")
  }

  @Test func neighboursOfTheBidiRangesAreKept() {
    // ZWJ (emoji sequences), en dash, Arabic letters, narrow no-break space: ordinary text.
    for text in ["👩\u{200D}💻", "1–2", "\u{0627}\u{0644}", "50\u{202F}%", "Señal de atención"] {
      #expect(TerminalText.sanitized(text) == text)
    }
  }
}
