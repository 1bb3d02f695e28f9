import Testing
import TableroCore
@testable import TableroUI

/// The finish-date forecast (docs/STATUS.md §10) in the triage list and on the timeline.
@Suite struct ForecastViewTests {
  /// The demo has no history file: each item's forecast is its average pace since the start,
  /// worked out here independently of Forecast.
  static func averagePaceFinish(start: Day, actual: Double, reportDate: Day) -> Day? {
    let elapsed = Double(start.days(to: reportDate))
    guard actual > 0, actual < 100, elapsed > 0 else { return nil }
    return start.adding(days: Int((elapsed * 100 / actual).rounded(.toNearestOrAwayFromZero)))
  }

  @Test func triageListShowsTheForecastAndSortsByItsDelay() throws {
    var app = try AppHarness(.demo, size: Size(width: 140, height: 40))
    app.press(.character("T"))
    let triage = try #require(app.state.triage)
    #expect(!triage.byForecast)
    // Every initiative entry states its forecast, computed from its pace.
    let p = app.state.portfolio
    var checked = 0
    for entry in triage.entries where entry.kind == .initiative {
      let x = p.initiatives[entry.index]
      guard let finish = Self.averagePaceFinish(start: x.start, actual: x.actualProgress, reportDate: p.reportDate), finish > x.end else { continue }
      #expect(entry.forecast?.finishDay == finish, "\(x.id)")
      checked += 1
    }
    #expect(checked >= 2)
    // The first entry is on screen with its forecast line.
    let first = try #require(triage.entries.first)
    let forecast = try #require(first.forecast)
    let y = try #require(app.lines.firstIndex { $0.contains(first.id + " ") })
    let line = try #require(app.lines[y...].first { $0.contains("pronóstico: ") })
    #expect(line.contains("pronóstico: " + forecast.sentence(.es)), "\(line)")
    if let day = forecast.finishDay, day > forecast.plannedEnd {
      #expect(line.contains("termina el " + day.display + " — ") && line.contains("después de lo planeado"), "\(line)")
    }
    // o: largest forecast delay first, the selection stays on its item; o again: worst first.
    app.press(.down)
    let selected = try #require(app.state.selectedTriageEntry)
    app.press(.character("o"))
    let sorted = try #require(app.state.triage)
    #expect(sorted.byForecast)
    #expect(app.lines.contains { $0.contains("Triage") && $0.contains("o: por pronóstico") })
    #expect(app.state.selectedTriageEntry?.id == selected.id)
    #expect(Set(sorted.entries.map(\.id)) == Set(triage.entries.map(\.id)))
    let delays = sorted.entries.map { e -> Int? in e.forecast?.outcome == .tooSlow ? .max : e.forecast?.delayDays }
    let dated = delays.prefix { $0 != nil }.compactMap { $0 }
    #expect(dated == dated.sorted(by: >), "\(delays)")
    #expect(delays.dropFirst(dated.count).allSatisfy { $0 == nil })
    #expect(dated.count >= 2 && dated[0] > 0)
    app.press(.character("o"))
    #expect(app.state.triage?.entries.map(\.id) == triage.entries.map(\.id))
  }

  /// Items forecast to finish after their planned end get a ◆ in the column of the forecast
  /// day on the timeline's axis; the others get none.
  @Test func timelineMarksTheForecastBeyondThePlannedEnd() throws {
    for zoomKeys in [[Key](), [.character("z")]] {
      var app = try AppHarness(.demo, size: Size(width: 160, height: 40))
      app.press(.character("3"))
      // Open MLG, ACMI and PMSRS (bottom up, so the places above do not move).
      app.press([Key](repeating: .down, count: 8) + [.enter, .up, .up, .up, .enter, .up, .enter])
      #expect(app.state.timelineRows.filter { $0.kind == .initiative }.count >= 6)
      app.press(zoomKeys)
      let state = app.state
      let axis = state.timelineAxis
      let board = ForecastBoard(portfolio: state.portfolio, status: state.status, history: state.progressHistory)
      let barX = TimelineLayout.labelWidth(160)
      let screen = app.screen
      let lines = app.lines
      var marked = 0
      for row in state.timelineRows {
        guard let y = lines.firstIndex(where: { $0.contains("\(row.id) ") }) else { continue }
        let forecast = row.kind == .initiative ? board.initiative(row.index) : board.component(row.index)
        let marks = (barX..<160).filter { screen[x: $0, y: y].grapheme == "◆" }
        guard let f = forecast, let day = f.finishDay, day > f.plannedEnd,
          let column = axis.column(of: day).map({ $0 - state.timeline.firstColumn }), column >= 0, column < 160 - barX
        else {
          #expect(marks.isEmpty, "\(row.id): \(lines[y])")
          continue
        }
        #expect(marks == [barX + column], "\(row.id) \(day.display): \(lines[y])")
        marked += 1
      }
      #expect(marked >= 2, "\(lines.joined(separator: "\n"))")
    }
  }
}
