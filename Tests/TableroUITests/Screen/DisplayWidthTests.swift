import Testing

@testable import TableroUI

@Suite struct DisplayWidthTests {
  @Test func spanishLettersAreOneColumn() {
    #expect(DisplayWidth.of("Ñ" as Character) == 1)
    #expect(DisplayWidth.of("Índice") == 6)
    #expect(DisplayWidth.of("Señal de atención") == 17)
  }

  @Test func decomposedAccentIsOneColumn() {
    let decomposed = "e\u{301}"
    #expect(decomposed.count == 1)
    #expect(DisplayWidth.of(decomposed) == 1)
    #expect(DisplayWidth.of("Informacio\u{301}n") == 11)
  }

  @Test func wideGlyphsAreTwoColumns() {
    #expect(DisplayWidth.of("漢字") == 4)
    #expect(DisplayWidth.of("😀" as Character) == 2)
    #expect(DisplayWidth.of("✅" as Character) == 2)
    #expect(DisplayWidth.of("ｱ" as Character) == 1)  // halfwidth katakana stays narrow
    #expect(DisplayWidth.of("Ａ" as Character) == 2)  // fullwidth Latin
  }

  @Test func boxDrawingAndStatusGlyphsAreOneColumn() {
    #expect(DisplayWidth.of("┌─┬─┐│└┘") == 8)
    #expect(DisplayWidth.of("●▲■✓█░…") == 7)
  }

  @Test func zeroWidthScalarsTakeNoColumn() {
    #expect(DisplayWidth.of("\u{301}" as Character) == 0)
    #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
    #expect(DisplayWidth.of("\u{FEFF}" as Character) == 0)
    #expect(DisplayWidth.displayed("\u{200B}") == nil)
  }

  @Test func controlCharactersAreShownAsReplacement() {
    for character: Character in [
      "\u{0}", "\u{7}", "\t", "\n", "\r\n", "\u{1B}", "\u{7F}", "\u{85}",
    ] {
      #expect(DisplayWidth.displayed(character) == DisplayWidth.replacement)
      #expect(DisplayWidth.of(character) == 1)
    }
  }

  @Test func matchesWcwidthForFlagsAndTextStyleEmoji() {
    // glibc wcwidth (what ncursesw uses) says 1 for these; we must agree.
    #expect(DisplayWidth.of("🇪🇸" as Character) == 1)
    #expect(DisplayWidth.of("❤️" as Character) == 1)
  }
}
