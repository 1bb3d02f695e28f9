import Foundation
import TableroCore
import TableroUI

/// `tablero-bench --indicators N`: a synthetic portfolio of 100 000 initiatives (10 000 with
/// `--sizes`) with a progress history (three updates per initiative) plus N indicators × 20
/// quarterly measurements (docs/PERFORMANCE.md, "Indicadores").
///
/// The write phase (generate, save, history file) runs here; the read phase — what the TUI
/// does: load + validate, read the history, start the dashboard, move, open view 6 — runs in a
/// fresh child process (`--phase read`), so its peak RSS is the TUI's, not the generator's.
enum IndicatorBench {
  static func addIndicators(_ count: Int, to portfolio: inout Portfolio) {
    let owners = portfolio.imperatives.map(\.id)
    var rng = SeededGenerator(seed: 12_345)
    portfolio.indicators.reserveCapacity(count)
    for n in 0..<count {
      let start = 40 + Double(rng.next() % 200) / 10
      var measurements: [TableroCore.Measurement] = []
      for q in 0..<20 {
        let year = 2015 + q / 4
        let month = (q % 4) * 3 + 3
        let day = Day(year: year, month: month, day: month == 6 || month == 9 ? 30 : 31) ?? SyntheticPortfolio.reportDate
        measurements.append(TableroCore.Measurement(day: day, value: start + Double(q) * 0.8 + Double(rng.next() % 30) / 10 - 1.5))
      }
      portfolio.indicators.append(
        Indicator(
          id: "IND-\(n)", name: "Indicador sintético \(n)", ownerID: owners[n % owners.count], unit: "porcentaje",
          trend: n % 5 == 0 ? .descending : .ascending, periodicity: .quarterly,
          baseline: IndicatorTarget(year: 2014, value: start), goals: [IndicatorTarget(year: 2018, value: start + 12)],
          finalGoal: IndicatorTarget(year: 2024, value: start + 30), measurements: measurements))
    }
  }

  /// Three progress updates per initiative (a third, two thirds, then the file's value) in the
  /// year before the report date, as `<file>.historial.jsonl` lines.
  static func historyLines(_ portfolio: Portfolio) -> [HistoryRecord] {
    var records: [HistoryRecord] = []
    records.reserveCapacity(portfolio.initiatives.count * 3)
    let days = [SyntheticPortfolio.reportDate.adding(days: -300), SyntheticPortfolio.reportDate.adding(days: -200), SyntheticPortfolio.reportDate.adding(days: -100)]
    for x in portfolio.initiatives {
      let values = [x.actualProgress / 3, x.actualProgress * 2 / 3, x.actualProgress]
      var old = 0.0
      for (day, value) in zip(days, values) {
        let v = (value * 10).rounded() / 10
        records.append(HistoryRecord(at: day.iso + "T10:00:00Z", user: "bench@host", id: x.id, field: "actualProgress", old: "\(old)", new: "\(v)"))
        old = v
      }
    }
    return records
  }

  static func path(_ directory: String, _ initiatives: Int, _ indicators: Int) -> String {
    directory + "/indicators-\(initiatives)-\(indicators).json"
  }

  static func run(initiatives: Int, indicators: Int, directory: String) -> String {
    var lines = ["initiatives=\(initiatives) indicators=\(indicators) measurements=\(indicators * 20)"]
    do {
      var portfolio = SyntheticPortfolio.make(initiatives: initiatives)
      addIndicators(indicators, to: &portfolio)
      let file = path(directory, initiatives, indicators)
      let save = try Measure.time { try PortfolioStore.save(portfolio, to: file) }
      lines.append(String(format: "save ms=%.1f", save.ms))
      let history = historyLines(portfolio)
      try? FileManager.default.removeItem(atPath: History.path(for: file))
      try History.append(history, to: History.path(for: file))
      lines.append("history records=\(history.count)")
    } catch {
      return (lines + ["error: \(error)"]).joined(separator: "\n")
    }
    // The read phase in a fresh process of this bench.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--indicators", "\(indicators)", "--sizes", "\(initiatives)", "--phase", "read", "--dir", directory]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return (lines + ["error: cannot start the read phase: \(error)"]).joined(separator: "\n") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    lines.append(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
    return lines.joined(separator: "\n")
  }

  /// update + render of one key, in ms.
  static func press(_ key: Key, _ state: inout AppState) -> Double {
    Measure.time { _ = update(&state, with: .key(key)); return render(state) }.ms
  }

  static func summary(_ label: String, _ times: [Double]) -> String {
    let sorted = times.sorted()
    return String(format: "%@ median ms=%.2f max ms=%.2f (n=%d)", label, sorted[sorted.count / 2], sorted.last ?? 0, sorted.count)
  }

  /// What the TUI does with the file, timed; peak RSS of this process at the end.
  static func read(initiatives: Int, indicators: Int, directory: String) -> String {
    var lines: [String] = []
    do {
      let file = path(directory, initiatives, indicators)
      let load = try Measure.timeBoth { try PortfolioStore.load(from: file) }
      lines.append(String(format: "load+validate ms=%.1f (CPU %.1f)", load.ms, load.cpuMS))
      lines.append(String(format: "RSS after load MiB=%.1f", Measure.currentRSSMiB))
      let history = try Measure.timeBoth { try History.read(History.path(for: file)).records }
      lines.append(String(format: "read history (%d records) ms=%.1f (CPU %.1f)", history.value.count, history.ms, history.cpuMS))
      let loaded = load.value
      let status = Measure.median(runs: 5) {
        loaded.portfolio.indicators.map { IndicatorEvaluator.evaluate($0, at: loaded.portfolio.reportDate, tolerance: loaded.portfolio.tolerance) }
      }
      lines.append(String(format: "status of all indicators ms=%.1f", status.ms))
      let start = Measure.timeBoth { () -> (AppState, ScreenBuffer) in
        let state = AppState(
          loaded: loaded, config: AppConfig(filePath: "bench.json", today: TUIBench.today), size: TUIBench.screen, history: history.value)
        return (state, render(state))
      }
      lines.append(String(format: "dashboard start-up (AppState with history + first frame) ms=%.1f (CPU %.1f)", start.ms, start.cpuMS))
      var state = start.value.0
      let idle = Measure.timeBoth { _ = update(&state, with: .idle) }
      lines.append(String(format: "first idle moment (own storage, search index, portfolio forecast) ms=%.1f (CPU %.1f)", idle.ms, idle.cpuMS))
      let forecast = Measure.timeBoth {
        ForecastBoard(portfolio: state.portfolio, status: state.status, history: state.progressHistory).portfolioForecast()
      }
      lines.append(String(format: "portfolio forecast (%@) ms=%.1f (CPU %.1f)", forecast.value?.cell(.es) ?? "none", forecast.ms, forecast.cpuMS))
      lines.append(summary("cursor down in the dashboard (view 1)", (0..<50).map { _ in press(.down, &state) }))
      lines.append(String(format: "key 6 (Indicadores view, first frame) ms=%.2f", press(.character("6"), &state)))
      lines.append(summary("cursor down in view 6", (0..<50).map { _ in press(.down, &state) }))
      lines.append(String(format: "f (red filter) in view 6 ms=%.2f", press(.character("f"), &state)))
      lines.append(summary("cursor down in view 6, red only", (0..<50).map { _ in press(.down, &state) }))
      lines.append(String(format: "key 1 (back to the dashboard) ms=%.2f", press(.character("1"), &state)))
      // Progress edits from the tree (each recomputes status, indicator status and forecast).
      _ = press(.character("2"), &state)
      _ = press(.down, &state)
      _ = press(.enter, &state)
      var edits: [Double] = []
      var idles: [Double] = []
      for k in 0..<10 {
        _ = press(.down, &state)
        guard state.selectedItem?.kind == .initiative else { continue }
        _ = press(.character("e"), &state)
        _ = press(.control("u"), &state)
        for c in String(10 + k * 7) { _ = press(.character(c), &state) }
        _ = update(&state, with: .idle)
        edits.append(press(.enter, &state))
        if state.modal != nil { _ = press(.escape, &state) }
        idles.append(Measure.timeBoth { _ = update(&state, with: .idle) }.cpuMS)
      }
      if !edits.isEmpty { lines.append(summary("edit Enter in the tree (after an idle moment)", edits)) }
      if !idles.isEmpty { lines.append(summary("idle moment after an edit (80 columns: the forecast is not computed), CPU", idles)) }
      lines.append(String(format: "peak RSS MiB=%.1f", Measure.peakRSSMiB))
    } catch {
      lines.append("error: \(error)")
    }
    return lines.joined(separator: "\n")
  }
}
