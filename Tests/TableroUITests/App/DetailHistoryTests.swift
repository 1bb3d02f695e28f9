import Testing
import TableroCore
@testable import TableroUI

/// The detail pane lists every history record of the selected initiative, newest first, and
/// } scrolls down to the oldest (it used to show only the last 6).
@Suite struct DetailHistoryTests {
  @Test func everyRecordIsReachableWithTheDetailScroll() throws {
    let records = (1...15).map { n in
      HistoryRecord(
        at: "2013-06-\(n < 10 ? "0" : "")\(n)T12:00:00Z", user: "ana@laptop", id: "ECE-01", field: "notes", old: "", new: "nota número \(n)")
    }
    let loaded = try EmbeddedPortfolios.load(.demo)
    let config = AppConfig(language: .es, useColor: true, useUnicode: true, filePath: "", today: AppHarness.today)
    var state = AppState(loaded: loaded, config: config, size: Size(width: 120, height: 30), history: records)
    for key: Key in [.character("2"), .down, .right, .down] { _ = update(&state, with: .key(key)) }
    #expect(state.selectedItem?.id == "ECE-01")
    var seen = Set<Int>()
    var text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("Historial (15):"), "\(text)")
    #expect(text.contains("nota número 15"), "newest first: \(text)")
    for _ in 0..<40 {
      for n in 1...15 where text.contains("→ nota número \(n)") && !text.contains("→ nota número \(n)0") { seen.insert(n) }
      _ = update(&state, with: .key(.character("}")))
      text = render(state).lines().joined(separator: "\n")
    }
    #expect(seen == Set(1...15), "records never shown: \(Set(1...15).subtracting(seen).sorted())")
  }
}
