import TableroCore
import Testing

@testable import TableroUI

/// The TUI hides the same characters as the CLI (TerminalText.isControl is the one list):
/// a bidi override in a name is drawn as "�" and cannot reorder the rest of the row.
@Suite struct BidiControlTests {
  @Test func aBidiOverrideIsDrawnAsTheReplacement() {
    var screen = ScreenBuffer(width: 20, height: 1)
    let used = screen.write("Informe\u{202E}fdp.exe", x: 0, y: 0)
    #expect(used == 15)
    #expect(screen.lines() == ["Informe\u{FFFD}fdp.exe"])
  }

  @Test func theScreenAndTheCLIAgreeOnEveryScalarOfInterest() {
    let scalars = (0...0x3000).compactMap(Unicode.Scalar.init)
    for s in scalars where DisplayWidth.isControl(s) != TerminalText.isControl(s) {
      Issue.record("U+\(String(s.value, radix: 16, uppercase: true)) differs")
    }
    #expect(DisplayWidth.displayed("\u{2067}") == DisplayWidth.replacement)
  }
}
