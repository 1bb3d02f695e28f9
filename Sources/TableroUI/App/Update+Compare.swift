import TableroCore

/// K: what changed state between another report date and the current one, as in
/// `tablero report --compare DATE`. Past actual progress comes from the history when known.
extension AppState {
  mutating func openCompareForm() {
    let l = language
    let proposal = portfolio.reportDate.adding(days: -90)
    modal = .form(FormState(
      purpose: .compare, title: l.pick("Comparar con otra fecha del reporte", "Compare with another report date"),
      fields: [FormField(l.pick("Fecha (DD/MM/AAAA)", "Date (DD/MM/YYYY)"), .date, proposal.display)],
      context: [l.pick("Qué pasó de rojo a amarillo o verde, y al revés, entre esa fecha y ", "What moved from red to yellow or green, and back, between that date and ") + portfolio.reportDate.display]))
  }

  /// The comparison as dialog lines, components and initiatives that changed state.
  func comparisonLines(from day: Day) -> [String] {
    let l = language
    let history = progressHistory
    let comparison = StatusComparison(portfolio, day, portfolio.reportDate, pastActual: history.isEmpty ? nil : { id, at in
      history.actual(of: id, at: at)
    })
    let changes = comparison.changes
    var lines = [
      l.pick("Del ", "From ") + day.display + l.pick(" al ", " to ") + portfolio.reportDate.display + ": "
        + l.pick("\(changes.count) cambios de estado", "\(changes.count) state changes")
        + (comparison.usesPastActual ? "" : l.pick(" (avance real actual en ambas fechas)", " (current actual progress at both dates)")),
      "",
    ]
    for e in changes.sorted(by: { rank($0.kind) < rank($1.kind) }) {
      lines.append(
        "\(e.direction.label(l)) \(e.id) \(e.before.level.glyph)→\(e.after.level.glyph) "
          + Format.deviation(e.before.deviation, tolerance: portfolio.tolerance) + " → "
          + Format.deviation(e.after.deviation, tolerance: portfolio.tolerance) + " · " + e.name)
    }
    if changes.isEmpty { lines.append(l.pick("Ningún elemento cambió de estado.", "No item changed state.")) }
    return lines
  }

  private func rank(_ kind: StatusComparison.Kind) -> Int {
    switch kind {
    case .imperative: 0
    case .component: 1
    case .initiative: 2
    }
  }
}
