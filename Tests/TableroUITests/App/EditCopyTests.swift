import Testing
import TableroCore
@testable import TableroUI

/// Issue 13: an edit must not copy every initiative. The session keeps the saved version and
/// shares its storage with the UI's document; the copy happens while idle, not on the key.
@Suite struct EditCopyTests {
  static func address(_ p: Portfolio) -> UnsafeRawPointer? {
    p.initiatives.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }

  @Test func idleGivesTheDocumentItsOwnStorageSoEditsAreInPlace() throws {
    let loaded = try EmbeddedPortfolios.load(.demo)
    let saved = loaded.portfolio  // what the session keeps as its baseline
    var app = AppHarness(loaded: loaded)
    #expect(Self.address(app.state.portfolio) == Self.address(saved), "shared after loading")

    _ = update(&app.state, with: .idle)
    let owned = Self.address(app.state.portfolio)
    #expect(owned != Self.address(saved))

    let id = app.state.portfolio.initiatives[2].id
    let applied = app.state.apply("avance", .setProgress(id: id, value: 63, note: nil, day: AppHarness.today))
    #expect(applied)
    #expect(Self.address(app.state.portfolio) == owned, "the edit changed the array in place")
    #expect(app.state.portfolio.initiatives[2].actualProgress == 63)

    // Already unique: idle again changes nothing.
    _ = update(&app.state, with: .idle)
    #expect(Self.address(app.state.portfolio) == owned)
  }
}
