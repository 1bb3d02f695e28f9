import Testing
import TableroCore
@testable import TableroUI

/// The detail pane says who changed the selected item last, and when (from the history).
@Suite struct DetailLastUpdateTests {
  static func clock(_ iso: String) -> String {
    guard let local = Timestamp(iso: iso)?.local else { return "?" }
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(local.hour)):\(two(local.minute))"
  }

  static func state(_ records: [HistoryRecord], language: Language = .es) throws -> AppState {
    let loaded = try EmbeddedPortfolios.load(.demo)
    let config = AppConfig(language: language, useColor: true, useUnicode: true, filePath: "", today: AppHarness.today)
    var state = AppState(loaded: loaded, config: config, size: Size(width: 120, height: 40), history: records)
    for key: Key in [.character("2"), .down, .right, .down] { _ = update(&state, with: .key(key)) }
    return state
  }

  @Test func showsTheLastPersonWhoChangedTheSelectedItem() throws {
    // Midday UTC of AppHarness.today (01/07/2013): the same local day in any time zone within ±11 h.
    let records = [
      HistoryRecord(at: "2013-07-01T11:00:00Z", user: "ana@laptop", id: "ECE-01", field: "actualProgress", old: "80", new: "90"),
      HistoryRecord(at: "2013-07-01T12:41:00Z", user: "mlopez@srv", id: "ECE-01", field: "notes", old: "", new: "x"),
      HistoryRecord(at: "2013-07-01T12:50:00Z", user: "luis@srv", id: "PGS-01", field: "actualProgress", old: "10", new: "20"),
    ]
    var state = try Self.state(records)
    #expect(state.selectedItem?.id == "ECE-01")
    var text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("actualizado por mlopez, \(Self.clock("2013-07-01T12:41:00Z"))"))
    #expect(!text.contains("actualizado por luis"))

    // A save by someone else arrives: the line follows it.
    _ = update(&state, with: .historyAppended([
      HistoryRecord(at: "2013-07-01T13:05:00Z", user: "rosa@campo", id: "ECE-01", field: "actualProgress", old: "90", new: "95")
    ]))
    text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("actualizado por rosa, \(Self.clock("2013-07-01T13:05:00Z"))"))
  }

  /// A long history is read after the first frame: the lines it brings replace the (empty or
  /// partial) ones the session had, with no line counted twice.
  @Test func aHistoryLoadedLaterReplacesWhatTheSessionHad() throws {
    let saved = HistoryRecord(at: "2013-07-01T11:00:00Z", user: "ana@laptop", id: "ECE-01", field: "actualProgress", old: "80", new: "90")
    var state = try Self.state([])
    _ = update(&state, with: .historyAppended([saved]))
    let file = [
      HistoryRecord(at: "2013-07-01T10:00:00Z", user: "luis@srv", id: "ECE-01", field: "actualProgress", old: "70", new: "80"),
      saved,
    ]
    _ = update(&state, with: .historyLoaded(file))
    #expect(state.historyRecords == file)
    #expect(state.progressHistory.changes["ECE-01"]?.count == 2)
    let text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("actualizado por ana, \(Self.clock("2013-07-01T11:00:00Z"))"))
  }

  @Test func anotherDayShowsTheDateInEnglish() throws {
    let records = [HistoryRecord(at: "2013-03-15T12:00:00Z", user: "mlopez@srv", id: "ECE-01", field: "weight", old: "1", new: "2")]
    let state = try Self.state(records, language: .en)
    let text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("updated by mlopez, 15/03/2013 \(Self.clock("2013-03-15T12:00:00Z"))"))
  }

  @Test func noHistoryNoLine() throws {
    let text = render(try Self.state([])).lines().joined(separator: "\n")
    #expect(!text.contains("actualizado por"))
  }
}
