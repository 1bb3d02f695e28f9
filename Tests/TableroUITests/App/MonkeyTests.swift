import Foundation
import Testing
import TableroCore
@testable import TableroUI

/// Random key sequences against the UI state machine. Invariants after every key: cursors in
/// range, the screen is exactly the terminal size and no line is wider, the journal replays to
/// the same portfolio; at the end, undoing everything returns the original portfolio.
/// CI runs a few thousand keys; `TABLERO_MONKEY_KEYS=100000 swift test --filter Monkey` runs more.
@Suite struct MonkeyTests {
  static let keyCount = Int(ProcessInfo.processInfo.environment["TABLERO_MONKEY_KEYS"] ?? "") ?? 4000

  static let alphabet: [Key] = {
    var keys: [Key] = [
      .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
      .backspace, .delete, .control("s"), .control("r"), .control("u"), .function(1),
    ]
    for c in "1234jkhlgG/nNfwpFoOieEaAxmMcXWdtzZ.u?q sgdyn0123456789-,%/ñé漢😀\u{301}" { keys.append(.character(c)) }
    return keys
  }()

  /// A small deterministic generator so a failure can be reproduced from its seed.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func randomKeysKeepInvariants(seed: UInt64) throws {
    var app = try AppHarness(.demo)
    let original = app.state.portfolio
    var rng = SplitMix(state: seed)
    var quits = 0
    for step in 0..<Self.keyCount {
      // Occasional resizes, including below the minimum size.
      if step % 997 == 0 {
        let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 10), Size(width: 200, height: 60)]
        app.resize(sizes[Int(rng.next() % UInt64(sizes.count))].width, sizes[Int(rng.next() % UInt64(sizes.count))].height)
      }
      let key = Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))]
      let before = app.effects.count
      app.press(key)
      let newEffects = app.effects[before...]
      if newEffects.contains(.quit) { quits += 1 }
      for effect in newEffects {
        if case .save = effect { _ = update(&app.state, with: .saveFinished(error: nil)) }
      }
      let s = app.state
      #expect(s.dashboardRows.isEmpty || s.dashboardRows.indices.contains(s.dashboardCursor.selected), "seed \(seed) step \(step)")
      #expect(s.treeRows.isEmpty || s.treeRows.indices.contains(s.treeCursor.selected), "seed \(seed) step \(step)")
      #expect(s.timelineRows.isEmpty || s.timelineRows.indices.contains(s.timeline.cursor.selected), "seed \(seed) step \(step)")
      if step % 50 == 0 {
        let screen = app.screen
        #expect(screen.size == s.size)
        #expect(screen.lines().allSatisfy { $0.displayWidth <= s.size.width })
      }
    }
    // The journal rebuilds exactly the session's portfolio from the original.
    var replayed = original
    _ = replayed.replay(app.journal)
    #expect(replayed == app.state.portfolio, "seed \(seed)")
    // Undo everything: back to the original portfolio.
    app.press(.escape, .escape)
    while app.state.history.canUndo { app.press(.character("u")) }
    #expect(app.state.portfolio == original, "seed \(seed)")
    _ = quits
  }
}
