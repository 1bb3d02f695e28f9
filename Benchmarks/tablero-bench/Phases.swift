import TableroCore

/// The measurements of one size. Each phase prints `key=value` lines that the parent collects.
enum Phases {
  static func path(directory: String, size: Int) -> String { "\(directory)/synthetic-\(size).json" }

  /// Builds the synthetic portfolio and saves it: encode alone, then the whole atomic save.
  static func write(size: Int, directory: String) -> [(String, String)] {
    let (portfolio, generateMS) = Measure.time { SyntheticPortfolio.make(initiatives: size) }
    let (bytes, encodeMS) = Measure.median(runs: 3) { PortfolioCodec.encode(portfolio) }
    let file = path(directory: directory, size: size)
    var saveTimes: [Double] = []
    for _ in 0..<3 {
      let (_, ms) = Measure.time {
        do { try PortfolioStore.save(portfolio, to: file) } catch { fatalError("\(error)") }
      }
      saveTimes.append(ms)
    }
    saveTimes.sort()
    return [
      ("initiatives", "\(portfolio.initiatives.count)"), ("components", "\(portfolio.components.count)"),
      ("bytes", "\(bytes.count)"), ("generate_ms", fmt(generateMS)), ("encode_ms", fmt(encodeMS)),
      ("save_ms", fmt(saveTimes[1])), ("rss_write_mib", fmt(Measure.peakRSSMiB)),
    ]
  }

  /// Loads the file written by `write` and times what a report does with it.
  static func read(size: Int, directory: String) -> [(String, String)] {
    let file = path(directory: directory, size: size)
    let baseline = Measure.currentRSSMiB
    var loadTimes: [Double] = []
    var loaded: LoadedPortfolio?
    for _ in 0..<3 {
      loaded = nil  // release the previous copy first, so the peak is one portfolio
      let (value, ms) = Measure.time {
        do { return try PortfolioStore.load(from: file) } catch { fatalError("\(error)") }
      }
      loaded = value
      loadTimes.append(ms)
    }
    loadTimes.sort()
    let portfolio = loaded!.portfolio
    let rssLoaded = Measure.peakRSSMiB
    let (status, statusMS) = Measure.median(runs: 5) { StatusEngine().evaluate(portfolio) }
    let (summary, summaryMS) = Measure.median(runs: 3) { Dashboard(portfolio, status: status) }
    let (dashboard, dashboardMS) = Measure.median(runs: 3) { Dashboard(portfolio, status: status, detail: true) }
    let formatter = ReportFormatter(language: .es)
    // Outputs are measured and dropped (only their sizes kept), as each command makes one of them.
    let (_, summaryTextMS) = Measure.median(runs: 3) {
      formatter.render(portfolio, status: status, dashboard: summary, as: .text).utf8.count
    }
    let (textBytes, textMS) = Measure.median(runs: 3) {
      formatter.render(portfolio, status: status, dashboard: dashboard, as: .text).utf8.count
    }
    let (csvBytes, csvMS) = Measure.median(runs: 3) { InitiativeCSV.export(portfolio).utf8.count }
    return [
      ("initiatives", "\(portfolio.initiatives.count)"), ("warnings", "\(loaded!.warnings.count)"),
      ("load_ms", fmt(loadTimes[1])), ("status_ms", fmt(statusMS)),
      ("summary_rows", "\(summary.rows.count)"), ("summary_ms", fmt(summaryMS + summaryTextMS)),
      ("dashboard_rows", "\(dashboard.rows.count)"), ("dashboard_ms", fmt(dashboardMS)),
      ("text_ms", fmt(textMS)), ("text_bytes", "\(textBytes)"),
      ("csv_ms", fmt(csvMS)), ("csv_bytes", "\(csvBytes)"),
      ("rss_baseline_mib", fmt(baseline)), ("rss_loaded_mib", fmt(rssLoaded)),
      ("rss_read_mib", fmt(Measure.peakRSSMiB)),
    ]
  }

  static func fmt(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return "\(rounded)"
  }
}
