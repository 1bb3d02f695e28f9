import Testing
import TableroCore
@testable import TableroUI

@Suite struct ChartTests {
  @Test func chartShowsExpectedLineActualMarksAndReportDate() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .down)  // ECE under RTE
    app.press(.character("v"))
    #expect(app.state.showsChart)
    let text = app.text
    #expect(text.contains("ECE Expediente Clínico Electrónico"))
    #expect(text.contains("esperado") && text.contains("● real"))
    #expect(text.contains("100%") && text.contains("  0%"))
    #expect(text.contains("01/10/2011") && text.contains("31/12/2016"))
    #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    #expect(text.contains("●"))
    app.press(.character("v"))
    #expect(app.text.contains("Por qué"))
  }

  @Test func historyGivesPastActualValues() throws {
    let loaded = try EmbeddedPortfolios.load(.demo)
    let history = ProgressHistory([
      .init(day: Day(year: 2012, month: 3, day: 1) ?? Day(ordinal: 0), id: "ECE-01", old: 0, new: 30),
      .init(day: Day(year: 2012, month: 9, day: 1) ?? Day(ordinal: 0), id: "ECE-01", old: 30, new: 80),
    ])
    let p = loaded.portfolio
    let days = ProgressSeries.monthly(from: Day(year: 2011, month: 10, day: 1) ?? Day(ordinal: 0), to: Day(year: 2012, month: 11, day: 30) ?? Day(ordinal: 0))
    let series = ProgressSeries(of: "ECE-01", in: p, days: days, history: history)
    #expect(series.actual.first == 0)
    #expect(series.actual[days.firstIndex { $0 == Day(year: 2012, month: 4, day: 1) } ?? 0] == 30)
    #expect(series.actual[days.firstIndex { $0 == Day(year: 2012, month: 10, day: 1) } ?? 0] == 80)
    #expect(series.expected.first == 0 && series.expected.last == 100)
  }

  @Test func monochromeAsciiChartStillReads() throws {
    let loaded = try EmbeddedPortfolios.load(.demo)
    let config = AppConfig(language: .en, useColor: false, useUnicode: false, filePath: "", today: AppHarness.today)
    var state = AppState(loaded: loaded, config: config, size: Size(width: 100, height: 30))
    _ = update(&state, with: .key(.character("2")))
    _ = update(&state, with: .key(.character("v")))
    let text = render(state).lines().joined(separator: "\n")
    #expect(text.contains(".. expected") && text.contains("* actual") && text.contains("| report date"))
  }
}

@Suite struct CompareInTUITests {
  @Test func compareShowsWhatChangedStateBetweenTwoDates() throws {
    var app = try AppHarness(.demo)
    app.press(.character("K"), .control("u"))
    app.type("31/12/2012")
    app.press(.enter)
    let text = app.text
    #expect(text.contains("Cambios de estado"))
    #expect(text.contains("Del 31/12/2012 al 30/06/2013"))
    #expect(text.contains("→"))
    app.press(.escape)
    #expect(app.state.modal == nil)
  }
}

@Suite struct HistoryPaneTests {
  @Test func detailPaneListsTheInitiativesSavedChanges() throws {
    let loaded = try EmbeddedPortfolios.load(.demo)
    let records = [
      HistoryRecord(at: "2013-06-30T15:00:00Z", user: "ana@laptop", id: "ECE-01", field: "actualProgress", old: "80", new: "100", note: "Concluida"),
      HistoryRecord(at: "2013-06-30T15:05:00Z", user: "luis@srv", id: "PGS-01", field: "actualProgress", old: "10", new: "20"),
    ]
    let config = AppConfig(language: .es, useColor: true, useUnicode: true, filePath: "", today: AppHarness.today)
    var state = AppState(loaded: loaded, config: config, size: Size(width: 120, height: 40), history: records)
    for key: Key in [.character("2"), .down, .right, .down] { _ = update(&state, with: .key(key)) }
    #expect(state.selectedItem?.id == "ECE-01")
    let text = render(state).lines().joined(separator: "\n")
    #expect(text.contains("Historial (1):"))
    #expect(text.contains("ana@laptop ECE-01 actualProgress 80 → 100"))
    #expect(text.contains("Concluida"))
    #expect(!text.contains("luis@srv"))
    // The chart uses the same history as past actual values.
    #expect(state.progressHistory.actual(of: "ECE-01", at: Day(year: 2013, month: 6, day: 29) ?? Day(ordinal: 0)) == 80)
  }
}
