import TableroUI
import Testing

@testable import TableroTerminal

/// Sequences xterm, vt220, rxvt, PuTTY, the Linux console and tmux send for keys a terminfo
/// entry may lack (issue 9, defect 7: End opened Help with TERM=xterm-256color in tmux).
@Suite struct EscapeSequenceTests {
  /// The characters after ESC, as the terminal sends them.
  private func decode(_ text: String) -> EscapeSequence.Match {
    EscapeSequence.match(text.unicodeScalars.map(\.value))
  }

  private func key(_ text: String) -> DecodedInput? {
    if case .complete(let input, let length) = decode(text), length == text.unicodeScalars.count { return input }
    return nil
  }

  @Test func homeAndEndInEveryDialect() {
    for home in ["[1~", "[7~", "[H", "OH", "[1;5H", "[7^", "[1;2~"] { #expect(key(home) == .key(.home), "\(home)") }
    for end in ["[4~", "[8~", "[F", "OF", "[1;5F", "[8$", "[4;3~"] { #expect(key(end) == .key(.end), "\(end)") }
  }

  @Test func pagesInsertAndDelete() {
    #expect(key("[5~") == .key(.pageUp))
    #expect(key("[6~") == .key(.pageDown))
    #expect(key("[5;5~") == .key(.pageUp))
    #expect(key("[2~") == .ignored)
    #expect(key("[3~") == .key(.delete))
    #expect(key("[3;2~") == .key(.delete))
  }

  @Test func functionKeys() {
    let vt220 = ["[11~", "[12~", "[13~", "[14~", "[15~", "[17~", "[18~", "[19~", "[20~", "[21~", "[23~", "[24~"]
    for (index, sequence) in vt220.enumerated() { #expect(key(sequence) == .key(.function(index + 1)), "\(sequence)") }
    for (index, sequence) in ["OP", "OQ", "OR", "OS"].enumerated() { #expect(key(sequence) == .key(.function(index + 1))) }
    #expect(key("[1;5P") == .key(.function(1)))
    #expect(key("O5S") == .key(.function(4)))
    #expect(key("[[A") == .key(.function(1)))
    #expect(key("[[E") == .key(.function(5)))
  }

  @Test func arrowsAndBackTab() {
    #expect(key("[A") == .key(.up))
    #expect(key("OB") == .key(.down))
    #expect(key("[1;2C") == .key(.right))
    #expect(key("OD") == .key(.left))
    #expect(key("[Z") == .key(.backTab))
  }

  @Test func prefixesAskForMore() {
    for prefix in ["", "[", "[1", "[1;", "[1;5", "O", "O5", "[["] { #expect(decode(prefix) == .needsMore, "\(prefix)") }
  }

  @Test func aLoneEscapeOrAltKeyIsNoSequence() {
    #expect(decode("x") == .none)
    #expect(decode("q") == .none)
    #expect(decode("[[Z") == .none)
    #expect(decode("[12345678901234") == .none)
  }

  @Test func unknownNumbersAreIgnoredNotTyped() {
    #expect(key("[99~") == .ignored)
    #expect(key("[200~") == .ignored)
  }

  @Test func mouseReportsAreReadWholeAndNeverTyped() {
    #expect(key("[<0;10;5M") == .ignored)
    #expect(key("[<64;3;4m") == .ignored)
    #expect(decode("[<0;10") == .needsMore)
  }

  @Test func charactersAfterTheSequenceAreLeft() {
    #expect(decode("[4~j") == .complete(.key(.end), length: 3))
    #expect(decode("OHk") == .complete(.key(.home), length: 2))
  }
}
