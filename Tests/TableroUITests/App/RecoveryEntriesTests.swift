import Testing
import TableroCore
@testable import TableroUI

/// The start-up recovery dialog's entry list ("v") scrolls like the comparison list: with more
/// journalled edits than fit, the last one is reachable (it used to be cut off).
@Suite struct RecoveryEntriesTests {
  static func prompt(_ count: Int) -> RecoveryPrompt {
    RecoveryPrompt(
      summary: "\(count) cambios sin guardar de ana@laptop, del 25/11/2026 10:02",
      entries: (1...count).map { "avance de ACMI-\($0): \($0) %" })
  }

  @Test func manyEntriesScrollToTheLastOne() throws {
    var app = try AppHarness(.demo)
    app.state.modal = .recovery(Self.prompt(40))
    app.press(.character("v"))
    #expect(app.text.contains("avance de ACMI-1: 1 %"), "\(app.text)")
    #expect(!app.text.contains("avance de ACMI-40:"))
    #expect(app.text.contains("AvPág RePág Inicio Fin: 1–"), "says where the list is: \(app.text)")
    app.press(.end)
    #expect(app.text.contains("avance de ACMI-40: 40 %"), "\(app.text)")
    #expect(!app.text.contains("avance de ACMI-1: 1 %"))
    app.press(.home, .pageDown)
    #expect(!app.text.contains("avance de ACMI-1: 1 %"), "a page down moves: \(app.text)")
    app.press(.up, .character("k"))
    // The dialog's own keys still work while scrolled.
    app.press(.character("v"))
    #expect(!app.text.contains("avance de ACMI-"))
    guard case .recovery(let prompt) = app.state.modal else { Issue.record("the dialog closed"); return }
    #expect(prompt.entryOffset == 0)
  }

  @Test func everyEntryIsShownOnceWhilePagingThrough() throws {
    var app = try AppHarness(.demo)
    app.state.modal = .recovery(Self.prompt(30))
    app.press(.character("v"))
    var seen = Set<Int>()
    for _ in 0..<10 {
      for n in 1...30 where app.text.contains("avance de ACMI-\(n): ") { seen.insert(n) }
      app.press(.pageDown)
    }
    #expect(seen == Set(1...30))
  }

  @Test func aShortListDoesNotScroll() throws {
    var app = try AppHarness(.demo)
    app.state.modal = .recovery(Self.prompt(3))
    app.press(.character("v"), .down)
    #expect(app.text.contains("avance de ACMI-1: 1 %") && app.text.contains("avance de ACMI-3: 3 %"))
    #expect(!app.text.contains("AvPág RePág"))
  }
}
