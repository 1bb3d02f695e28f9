import Testing

@testable import TableroUI

@Suite struct ScreenBufferTests {
  @Test func writesSpanishTextOneCellPerLetter() {
    var screen = ScreenBuffer(width: 10, height: 1)
    let used = screen.write("Índice Ñ", x: 0, y: 0)
    #expect(used == 8)
    #expect(screen.lines() == ["Índice Ñ"])
    #expect(screen[x: 0, y: 0].grapheme == "Í")
    #expect(screen[x: 7, y: 0].grapheme == "Ñ")
  }

  @Test func decomposedAccentStaysInOneCell() {
    var screen = ScreenBuffer(width: 4, height: 1)
    #expect(screen.write("e\u{301}x", x: 0, y: 0) == 2)
    #expect(screen[x: 0, y: 0].grapheme == "e\u{301}")
    #expect(screen[x: 1, y: 0].grapheme == "x")
  }

  @Test func wideGlyphTakesTwoCells() {
    var screen = ScreenBuffer(width: 6, height: 1)
    #expect(screen.write("a漢b", x: 0, y: 0) == 4)
    #expect(screen[x: 1, y: 0].width == 2)
    #expect(screen[x: 2, y: 0].isContinuation)
    #expect(screen[x: 3, y: 0].grapheme == "b")
    #expect(screen.lines() == ["a漢b"])
  }

  @Test func wideGlyphInLastColumnBecomesSpace() {
    var screen = ScreenBuffer(width: 3, height: 1)
    let style = CellStyle(foreground: .red)
    #expect(screen.write("ab漢", x: 0, y: 0, style: style) == 3)
    #expect(screen[x: 2, y: 0] == Cell(" ", style: style))
    #expect(screen.lines() == ["ab"])
  }

  @Test func maxWidthClipsAndStopsBeforeWideGlyph() {
    var screen = ScreenBuffer(width: 10, height: 1)
    #expect(screen.write("Señalización", x: 1, y: 0, maxWidth: 5) == 5)
    #expect(screen.lines() == [" Señal"])
    var wide = ScreenBuffer(width: 10, height: 1)
    #expect(wide.write("漢字", x: 0, y: 0, maxWidth: 3) == 3)
    #expect(wide.lines() == ["漢"])
    #expect(wide[x: 2, y: 0] == .blank)
  }

  @Test func writingAtTheRightEdgeClips() {
    var screen = ScreenBuffer(width: 5, height: 2)
    #expect(screen.write("hola mundo", x: 3, y: 1) == 2)
    #expect(screen.lines() == ["", "   ho"])
  }

  @Test func writingPartlyLeftOfTheScreenKeepsColumns() {
    var screen = ScreenBuffer(width: 5, height: 1)
    #expect(screen.write("abcdefgh", x: -2, y: 0) == 7)  // advanced from -2 to 5
    #expect(screen.lines() == ["cdefg"])
  }

  @Test func wideGlyphCutByTheLeftEdgeShowsSpace() {
    var screen = ScreenBuffer(width: 4, height: 1)
    screen.write("xxxx", x: 0, y: 0)
    screen.write("漢a", x: -1, y: 0)
    #expect(screen.lines() == [" axx"])
  }

  @Test func outOfRangeAccessIsIgnored() {
    var screen = ScreenBuffer(width: 3, height: 2)
    let before = screen
    screen.write("abc", x: 0, y: 5)
    screen.write("abc", x: 0, y: -1)
    screen.write("abc", x: 7, y: 0)
    screen[x: -1, y: 0] = Cell("z")
    screen[x: 3, y: 1] = Cell("z")
    screen.fill(Rect(x: 10, y: 10, width: 3, height: 3), with: "#")
    #expect(screen == before)
    #expect(screen[x: 99, y: -99] == .blank)
  }

  @Test func zeroSizeAndOneCellBuffersNeverTrap() {
    var empty = ScreenBuffer(width: 0, height: 0)
    #expect(empty.write("hola", x: 0, y: 0) == 0)
    empty.fill(Rect(x: 0, y: 0, width: 5, height: 5), with: "x")
    empty.setStyle(CellStyle(bold: true), in: Rect(x: 0, y: 0, width: 2, height: 2))
    #expect(empty.lines() == [])
    #expect(empty.changes(since: ScreenBuffer(width: 0, height: 0)) == [])

    var one = ScreenBuffer(width: 1, height: 1)
    #expect(one.write("漢", x: 0, y: 0) == 1)
    #expect(one.lines() == [""])
    one[x: 0, y: 0] = Cell("😀")
    #expect(one[x: 0, y: 0] == .blank)
    #expect(one.write("ñandú", x: 0, y: 0) == 1)
    #expect(one.lines() == ["ñ"])

    let huge = ScreenBuffer(width: Int.max, height: 2)
    #expect(huge.size == .zero)
    var tall = ScreenBuffer(width: 2, height: 2)
    #expect(tall.write("ab", x: Int.max, y: 0, maxWidth: Int.max) == 0)
    #expect(tall.write("ab", x: Int.min, y: 0) == 2)
  }

  @Test func overwritingEitherHalfOfAWideGlyphBlanksTheOther() {
    var screen = ScreenBuffer(width: 6, height: 1)
    screen.write("漢字", x: 0, y: 0)
    screen.write("a", x: 1, y: 0)  // right half of 漢
    #expect(screen.lines() == [" a字"])
    #expect(screen[x: 0, y: 0] == .blank)

    screen.write("b", x: 2, y: 0)  // left half of 字
    #expect(screen.lines() == [" ab"])
    #expect(screen[x: 3, y: 0] == .blank)
  }

  @Test func wideGlyphOverANarrowAndAWideOne() {
    var screen = ScreenBuffer(width: 6, height: 1)
    screen.write("a漢b", x: 0, y: 0)
    screen.write("字", x: 0, y: 0)  // covers a and the left half of 漢
    #expect(screen.lines() == ["字 b"])
    #expect(screen[x: 2, y: 0] == .blank)
    screen.write("😀", x: 3, y: 0)  // b and the blank after it
    #expect(screen.lines() == ["字 😀"])
  }

  @Test func controlCharactersAreReplacedNotWritten() {
    var screen = ScreenBuffer(width: 8, height: 1)
    #expect(screen.write("a\tb\u{1B}[2J", x: 0, y: 0) == 7)
    #expect(screen.lines() == ["a�b�[2J"])
  }

  @Test func linesTrimTrailingSpacesOnly() {
    var screen = ScreenBuffer(width: 8, height: 3)
    screen.write("  ab  c ", x: 0, y: 0)
    screen.write("─┼─", x: 2, y: 2)
    #expect(screen.lines() == ["  ab  c", "", "  ─┼─"])
  }

  @Test func fillAndStylesShowInSnapshot() {
    var screen = ScreenBuffer(width: 6, height: 2)
    screen.write("Hito", x: 0, y: 0)
    screen.setStyle(
      CellStyle(foreground: .yellow, bold: true), in: Rect(x: 0, y: 0, width: 4, height: 1))
    screen.fill(Rect(x: 0, y: 1, width: 6, height: 1), with: "─", style: CellStyle(dim: true))
    screen.updateStyle(in: Rect(x: 2, y: 1, width: 2, height: 1)) { $0.reverse = true }
    #expect(
      screen.snapshot() == """
        Hito
        ──────
        --
        y=0 x=0...3 fg=yellow bold
        y=1 x=0...1 dim
        y=1 x=2...3 dim reverse
        y=1 x=4...5 dim

        """)
  }

  @Test func fillWithWideGlyphLeavesSpaceAtOddEnd() {
    var screen = ScreenBuffer(width: 5, height: 1)
    screen.fill(screen.bounds, with: "漢")
    #expect(screen.lines() == ["漢漢"])
    #expect(screen[x: 4, y: 0] == .blank)
  }

  @Test func clearResetsEveryCell() {
    var screen = ScreenBuffer(width: 3, height: 2)
    screen.write("abc", x: 0, y: 1, style: CellStyle(reverse: true))
    screen.clear()
    #expect(screen == ScreenBuffer(width: 3, height: 2))
  }

  @Test func expectedScreenFromLines() {
    let expected = ScreenBuffer(lines: ["Señal", "漢字"])
    #expect(expected.size == Size(width: 5, height: 2))
    var screen = ScreenBuffer(width: 5, height: 2)
    screen.write("Señal", x: 0, y: 0)
    screen.write("漢字", x: 0, y: 1)
    #expect(screen == expected)
  }

  @Test func cellInitializerSanitises() {
    #expect(Cell("\u{7}").grapheme == DisplayWidth.replacement)
    #expect(Cell("\u{301}") == .blank)
    #expect(Cell("漢").width == 2)
  }
}
