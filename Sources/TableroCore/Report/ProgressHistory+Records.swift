extension ProgressHistory {
  /// Past actual progress from the history file's records (`actualProgress` lines).
  public static func from(_ records: [HistoryRecord]) -> ProgressHistory {
    ProgressHistory(records.compactMap { r in
      guard r.field == "actualProgress", let new = Double(r.new), let day = r.timestamp?.local.day ?? Day(iso: String(r.at.prefix(10)))
      else { return nil }
      return Change(day: day, id: r.id, old: Double(r.old), new: new)
    })
  }
}
