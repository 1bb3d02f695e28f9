import Testing
import TableroCore
@testable import TableroUI

/// Start-up builds only what the first frame draws: the initiative id → position index (a third
/// of `AppState.init` at 100 000 initiatives) waits for its first lookup or the idle tick.
@Suite struct LazyInitiativeIndexTests {
  @Test func firstFrameLeavesTheIndexForTheIdleTick() throws {
    var app = try AppHarness(.demo)
    _ = app.lines  // the first frame: the dashboard's imperatives and components
    #expect(!app.state.initiativeIDs.isBuilt, "not built by AppState.init nor by the first frame")
    _ = update(&app.state, with: .idle)
    #expect(app.state.initiativeIDs.isBuilt)
    #expect(app.state.initiativeIndex == Self.firstPositions(app.state.portfolio))
  }

  @Test func aKeyThatNeedsItBuildsItBeforeAnyIdleTick() throws {
    var app = try AppHarness(.demo)
    // Tree, first imperative open, its first component open, its first initiative: edit progress.
    app.press(.character("2"), .down, .enter, .down)
    let selected = try #require(app.state.selectedItem)
    #expect(selected.kind == .initiative)
    app.press(.character("e"), .control("u"))
    app.type("42")
    app.press(.enter)
    #expect(app.state.initiativeIDs.isBuilt)
    #expect(app.initiative(selected.id)?.actualProgress == 42)
    #expect(app.state.initiativeIndex == Self.firstPositions(app.state.portfolio))
  }

  @Test func aRebuildStartsAFreshIndexAndCopiesKeepTheirOwn() throws {
    var app = try AppHarness(.demo)
    _ = update(&app.state, with: .idle)
    let before = app.state
    app.state.portfolio.initiatives.swapAt(0, 1)
    app.state.rebuildIndexes()
    #expect(!app.state.initiativeIDs.isBuilt)
    #expect(app.state.initiativeIndex == Self.firstPositions(app.state.portfolio))
    #expect(before.initiativeIndex == Self.firstPositions(before.portfolio))
    #expect(before.initiativeIndex != app.state.initiativeIndex)
  }

  /// The index as a plain scan gives it: the first position of each id.
  static func firstPositions(_ portfolio: Portfolio) -> [String: Int] {
    var out: [String: Int] = [:]
    for (i, x) in portfolio.initiatives.enumerated() where out[x.id] == nil { out[x.id] = i }
    return out
  }
}
