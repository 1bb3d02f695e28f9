import TableroUI
import Testing

@testable import TableroTerminal

@Suite struct ColorPairTableTests {
  @Test func defaultColoursUsePairZero() {
    var table = ColorPairTable(pairCount: 64)
    #expect(table.pair(foreground: .default, background: .default) == (0, false))
  }

  @Test func pairsAreAllocatedOnceInOrder() {
    var table = ColorPairTable(pairCount: 64)
    #expect(table.pair(foreground: .red, background: .default) == (1, true))
    #expect(table.pair(foreground: .green, background: .black) == (2, true))
    #expect(table.pair(foreground: .red, background: .default) == (1, false))
  }

  @Test func runningOutFallsBackToPairZero() {
    var table = ColorPairTable(pairCount: 3)  // pairs 1 and 2 usable
    _ = table.pair(foreground: .red, background: .default)
    _ = table.pair(foreground: .blue, background: .default)
    #expect(table.pair(foreground: .cyan, background: .default) == (0, false))
    var none = ColorPairTable(pairCount: 0)
    #expect(none.pair(foreground: .red, background: .default) == (0, false))
  }
}
