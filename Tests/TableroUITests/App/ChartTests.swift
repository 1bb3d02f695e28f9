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
