import TableroCore
import TableroUI

/// Drives the pure UI like a user: keys in, screen text and effects out.
struct AppHarness {
  var state: AppState
  var effects: [Effect] = []

  static let today = Day(year: 2013, month: 7, day: 1) ?? Day(ordinal: 0)

  init(
    _ choice: EmbeddedPortfolios.Choice = .demo, size: Size = Size(width: 80, height: 24), language: Language = .es,
    color: Bool = true, readOnly: Bool = false
  ) throws {
    let loaded = try EmbeddedPortfolios.load(choice)
    self.init(loaded: loaded, size: size, language: language, color: color, readOnly: readOnly)
  }

  init(loaded: LoadedPortfolio, size: Size = Size(width: 80, height: 24), language: Language = .es, color: Bool = true, readOnly: Bool = false) {
    let config = AppConfig(
      language: language, useColor: color, useUnicode: true, filePath: "/tmp/p.json", readOnly: readOnly, today: Self.today)
    state = AppState(loaded: loaded, config: config, size: size)
  }

  mutating func press(_ keys: Key...) { press(keys) }

  mutating func press(_ keys: [Key]) {
    for key in keys { effects += update(&state, with: .key(key)) }
  }

  /// Types text character by character, as a terminal delivers it.
  mutating func type(_ text: String) {
    for c in text { effects += update(&state, with: .key(.character(c))) }
  }

  mutating func resize(_ width: Int, _ height: Int) {
    effects += update(&state, with: .resized(Size(width: width, height: height)))
  }

  /// Effects other than journal records: saves and quits.
  var actions: [Effect] {
    effects.filter {
      if case .record = $0 { return false }
      return true
    }
  }

  /// What was sent to the recovery journal, in order.
  var journal: [JournalEntry] {
    effects.compactMap {
      if case .record(let entry) = $0 { return entry }
      return nil
    }
  }

  var screen: ScreenBuffer { render(state) }
  var lines: [String] { screen.lines() }
  var text: String { lines.joined(separator: "\n") }

  /// The body line (below the header) that contains `fragment`.
  func line(containing fragment: String) -> String? { lines.first { $0.contains(fragment) } }

  func initiative(_ id: String) -> Initiative? { state.portfolio.initiative(id) }
}
