import TableroCore

extension AppState {
  /// The shown indicator rows that need attention: red ones, then yellow ones, each worst
  /// (most negative deviation) first — the order `]` walks in view 6.
  var indicatorAttentionRows: [Int] {
    let rank: (Int) -> Int? = { i in
      guard self.indicatorStatus.indices.contains(i) else { return nil }
      switch self.indicatorStatus[i].state {
      case .level(.majorDeviation): return 0
      case .level(.minorDeviation): return 1
      default: return nil
      }
    }
    return indicatorRows.enumerated()
      .compactMap { place, i in rank(i).map { (rank: $0, deviation: indicatorStatus[i].deviation ?? 0, place: place) } }
      .sorted { ($0.rank, $0.deviation, $0.place) < ($1.rank, $1.deviation, $1.place) }
      .map(\.place)
  }

  /// `]`/`[` in view 6: the next (or previous) red, then yellow, indicator after the selected
  /// one; from an indicator that needs no attention, the worst (or the least bad).
  mutating func jumpToIndicatorAttention(forward: Bool) {
    let l = language
    let places = indicatorAttentionRows
    guard !places.isEmpty else {
      message = StatusMessage(l.pick("Ningún indicador en rojo ni en amarillo.", "No red or yellow indicators."))
      return
    }
    let next: Int
    if let current = places.firstIndex(of: indicatorsView.cursor.selected) {
      next = (current + (forward ? 1 : places.count - 1)) % places.count
    } else {
      next = forward ? 0 : places.count - 1
    }
    let rows = indicatorRows
    indicatorsView.cursor.jump(to: places[next], count: rows.count, visible: indicatorsVisible)
    let i = rows[places[next]]
    let status = indicatorStatus[i]
    let reds = places.filter { indicatorStatus[rows[$0]].isRed }.count
    let place = status.isRed
      ? l.pick("Rojo \(next + 1) de \(reds)", "Red \(next + 1) of \(reds)")
      : l.pick("Amarillo \(next - reds + 1) de \(places.count - reds)", "Yellow \(next - reds + 1) of \(places.count - reds)")
    let deviation = status.deviation.map { " · " + l.pick("desviación ", "deviation ") + Format.percent($0) } ?? ""
    message = StatusMessage(place + ": " + portfolio.indicators[i].id + deviation)
  }
}
