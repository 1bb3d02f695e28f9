import Testing

@testable import TableroUI

@Suite struct ScreenDiffTests {
  @Test func identicalBuffersHaveNoChanges() {
    var screen = ScreenBuffer(width: 10, height: 3)
    screen.write("Señal 漢字", x: 0, y: 1, style: CellStyle(foreground: .green))
    #expect(screen.changes(since: screen) == [])
  }

  @Test func oneChangedCellIsTheOnlyChange() {
    var previous = ScreenBuffer(width: 10, height: 3)
    previous.write("Avance 50%", x: 0, y: 0)
    var next = previous
    next.write("6", x: 7, y: 0)
    #expect(next.changes(since: previous) == [CellChange(x: 7, y: 0, cell: Cell("6"))])
  }

  @Test func styleOnlyChangeIsAChange() {
    var previous = ScreenBuffer(width: 4, height: 1)
    previous.write("ab", x: 0, y: 0)
    var next = previous
    next.setStyle(CellStyle(reverse: true), in: Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(next.changes(since: previous).map(\.x) == [1])
  }

  @Test func differentSizesRedrawEverythingButContinuations() {
    var next = ScreenBuffer(width: 3, height: 2)
    next.write("漢a", x: 0, y: 0)
    let changes = next.changes(since: ScreenBuffer(width: 4, height: 2))
    #expect(changes.count == 5)
    #expect(!changes.contains { $0.x == 1 && $0.y == 0 })
  }

  @Test func continuationCellIsNotEmitted() {
    let previous = ScreenBuffer(width: 4, height: 1)
    var next = previous
    next.write("漢", x: 1, y: 0)
    #expect(next.changes(since: previous) == [CellChange(x: 1, y: 0, cell: Cell("漢"))])
  }

  @Test func replacingAWideGlyphRedrawsTheColumnItCovered() {
    var previous = ScreenBuffer(width: 4, height: 1)
    previous.write("漢", x: 0, y: 0)
    var next = ScreenBuffer(width: 4, height: 1)
    next.write("a", x: 0, y: 0)
    let changes = next.changes(since: previous)
    #expect(changes.map(\.x) == [0, 1])
    #expect(changes.map(\.cell) == [Cell("a"), .blank])
  }

  @Test func wideGlyphShiftedRightRedrawsItsOldColumns() {
    var previous = ScreenBuffer(width: 6, height: 1)
    previous.write("漢字", x: 0, y: 0)
    var next = ScreenBuffer(width: 6, height: 1)
    next.write(" 漢字", x: 0, y: 0)
    #expect(next.changes(since: previous).map(\.x) == [0, 1, 3])
  }

  @Test func cellAfterAnUnchangedWideGlyphIsNotReemitted() {
    var previous = ScreenBuffer(width: 5, height: 1)
    previous.write("漢ab", x: 0, y: 0)
    var next = previous
    next.write("c", x: 3, y: 0)
    #expect(next.changes(since: previous).map(\.x) == [3])
  }
}
