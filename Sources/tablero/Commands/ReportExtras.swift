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
