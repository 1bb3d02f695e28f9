import TableroCore

/// What `report` and `export` add to the Cuadro 9 table: the progress history (for the HTML
/// curves and `--compare`) and the comparison between two report dates.
enum ReportExtras {
  /// The history saved next to the portfolio (`<file>.historial.jsonl`), or an empty one when
  /// there is none or it cannot be read: a report never fails because of its history.
  static func history(for path: String) -> ProgressHistory {
    let historyPath = path + ".historial.jsonl"  // the same name as History.path(for:)
    guard PortfolioStore.exists(historyPath), let bytes = try? TextFile.read(historyPath) else { return ProgressHistory() }
    return ProgressHistory(jsonLines: String(decoding: bytes, as: UTF8.self))
  }

  /// The finish-date forecast of every row shown (docs/STATUS.md §10), for `report --detail`.
  static func forecasts(_ portfolio: Portfolio, status: PortfolioStatus, rows: [DashboardRow], history: ProgressHistory)
    -> [String: Forecast]
  {
    let board = ForecastBoard(portfolio: portfolio, status: status, history: history)
    var out: [String: Forecast] = [:]
    var initiativeIndex: [String: Int] = [:]
    if rows.contains(where: { $0.kind == .initiative }) {
      for (i, x) in portfolio.initiatives.enumerated() where initiativeIndex[x.id] == nil { initiativeIndex[x.id] = i }
    }
    for row in rows {
      let forecast: Forecast?
      switch row.kind {
      case .imperative: forecast = nil
      case .component: forecast = portfolio.componentIndex(row.id).flatMap(board.component)
      case .initiative: forecast = initiativeIndex[row.id].flatMap(board.initiative)
      case .subtotal: forecast = portfolio.imperativeIndex(row.id).flatMap(board.imperative)
      }
      if let forecast { out[ReportFormatter.forecastKey(row)] = forecast }
    }
    // The total row: the same rule for parents (docs/STATUS.md §10), over the imperatives.
    if let total = board.portfolioForecast() { out[ReportFormatter.portfolioForecastKey] = total }
    return out
  }

  /// Cuadro 9 at `date` against the portfolio's report date; past actual progress from the
  /// history when it knows it, else the file's current values (see StatusComparison).
  static func comparison(
    _ portfolio: Portfolio, with date: Day, history: ProgressHistory, detail: Bool, levels: Set<StatusLevel>?
  ) -> StatusComparison {
    let past: ((String, Day) -> Double?)? = history.isEmpty ? nil : { history.actual(of: $0, at: $1) }
    return StatusComparison(portfolio, date, portfolio.reportDate, pastActual: past)
      .restricted(detail: detail, levels: levels)
  }
}
