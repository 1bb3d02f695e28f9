import TableroCore
import TableroUI

/// `tablero-bench --indicators N`: a synthetic portfolio of 100 000 initiatives (10 000 with
/// `--sizes`) plus N indicators × 20 quarterly measurements; times save, load+validate, the
/// status of every indicator, the dashboard's start-up (AppState + first frame) and a key
/// press in view 6 (docs/PERFORMANCE.md, "Indicadores").
enum IndicatorBench {
  static func addIndicators(_ count: Int, to portfolio: inout Portfolio) {
    let owners = portfolio.imperatives.map(\.id)
    var rng = SeededGenerator(seed: 12_345)
    portfolio.indicators.reserveCapacity(count)
    for n in 0..<count {
      let start = 40 + Double(rng.next() % 200) / 10
      var measurements: [Measurement] = []
      for q in 0..<20 {
        let year = 2015 + q / 4
        let month = (q % 4) * 3 + 3
        let day = Day(year: year, month: month, day: month == 6 || month == 9 ? 30 : 31) ?? SyntheticPortfolio.reportDate
        measurements.append(Measurement(day: day, value: start + Double(q) * 0.8 + Double(rng.next() % 30) / 10 - 1.5))
      }
      portfolio.indicators.append(
        Indicator(
          id: "IND-\(n)", name: "Indicador sintético \(n)", ownerID: owners[n % owners.count], unit: "porcentaje",
          trend: n % 5 == 0 ? .descending : .ascending, periodicity: .quarterly,
          baseline: IndicatorTarget(year: 2014, value: start), goals: [IndicatorTarget(year: 2018, value: start + 12)],
          finalGoal: IndicatorTarget(year: 2024, value: start + 30), measurements: measurements))
    }
  }

  static func run(initiatives: Int, indicators: Int, directory: String) -> String {
    var portfolio = SyntheticPortfolio.make(initiatives: initiatives)
    addIndicators(indicators, to: &portfolio)
    let path = directory + "/indicators-\(initiatives)-\(indicators).json"
    var lines = ["initiatives=\(initiatives) indicators=\(indicators) measurements=\(indicators * 20)"]
    do {
      let save = try Measure.time { try PortfolioStore.save(portfolio, to: path) }
      lines.append(String(format: "save ms=%.1f", save.ms))
      let load = try Measure.time { try PortfolioStore.load(from: path) }
      lines.append(String(format: "load+validate ms=%.1f", load.ms))
      let loaded = load.value
      let status = Measure.median(runs: 5) {
        loaded.portfolio.indicators.map { IndicatorEvaluator.evaluate($0, at: loaded.portfolio.reportDate, tolerance: loaded.portfolio.tolerance) }
      }
      lines.append(String(format: "status of all indicators ms=%.1f", status.ms))
      let start = Measure.time { () -> (AppState, ScreenBuffer) in
        let state = AppState(loaded: loaded, config: AppConfig(filePath: "bench.json", today: TUIBench.today), size: TUIBench.screen)
        return (state, render(state))
      }
      lines.append(String(format: "dashboard start-up (AppState + first frame) ms=%.1f", start.ms))
      var state = start.value.0
      let toView = Measure.time { _ = update(&state, with: .key(.character("6"))); return render(state) }
      lines.append(String(format: "key 6 (Indicadores view) ms=%.1f", toView.ms))
      var moves: [Double] = []
      for _ in 0..<50 {
        let t = Measure.time { _ = update(&state, with: .key(.down)); return render(state) }
        moves.append(t.ms)
      }
      moves.sort()
      lines.append(String(format: "cursor down in view 6 median ms=%.2f max ms=%.2f", moves[moves.count / 2], moves.last ?? 0))
      lines.append(String(format: "peak RSS MiB=%.1f", Measure.peakRSSMiB))
    } catch {
      lines.append("error: \(error)")
    }
    return lines.joined(separator: "\n")
  }
}
