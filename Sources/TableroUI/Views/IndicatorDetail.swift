import TableroCore

/// Enter on an indicator: every field, a chart of the series against the goal trajectory, and
/// the whole series with notes and who recorded each value.
enum IndicatorDetail {
  static func lines(_ x: Indicator, status s: IndicatorStatus, portfolio p: Portfolio, language l: Language, unicode: Bool) -> [String] {
    var out: [String] = []
    let owner = p.imperativeIndex(x.ownerID).map { p.imperatives[$0].name } ?? p.component(x.ownerID)?.name ?? ""
    out.append(l.pick("Estado: ", "Status: ") + (unicode ? s.glyph : s.asciiGlyph) + " " + s.label(l, tolerance: p.tolerance)
      + (s.deviation.map { l.pick(" · desviación ", " · deviation ") + Format.percent($0) } ?? ""))
    if let e = s.expected, let m = s.latest, let v = m.value {
      out.append(l.pick("Medido ", "Measured ") + Format.measure(v) + l.pick(" el ", " on ") + m.day.display + l.pick("; esperado en la trayectoria ", "; expected on the trajectory ") + Format.measure(e))
    }
    if s.state == .noGoal { out.append(l.pick("Sin línea base o meta con valor: no hay trayectoria con qué comparar.", "No valued baseline or goal: no trajectory to compare with.")) }
    out.append(l.pick("Pertenece a: ", "Belongs to: ") + "\(x.ownerID) \(owner)")
    out.append(l.pick("Unidad: ", "Unit: ") + (x.unit.isEmpty ? "—" : x.unit) + " · " + l.pick("tipo: ", "kind: ")
      + (x.kind == .strategic ? l.pick("estratégico", "strategic") : l.pick("de gestión", "management")))
    out.append(l.pick("Sentido: ", "Trend: ") + IndicatorReport.trendLabel(x.trend, l) + " · " + l.pick("periodicidad: ", "periodicity: ")
      + periodicity(x.periodicity, l) + " · " + (x.accumulation == .cumulative ? l.pick("acumulado", "cumulative") : l.pick("periódico", "periodic")))
    out.append(l.pick("Línea base: ", "Baseline: ") + target(x.baseline))
    for g in x.goals { out.append(l.pick("Meta intermedia: ", "Intermediate goal: ") + target(g)) }
    out.append(l.pick("Meta final: ", "Final goal: ") + target(x.finalGoal))
    if !x.method.isEmpty { out.append(l.pick("Método de cálculo: ", "Method: ") + x.method) }
    if !x.source.isEmpty { out.append(l.pick("Fuente: ", "Source: ") + x.source) }
    out.append("")
    out += chart(x, unicode: unicode, l)
    out.append("")
    out.append(l.pick("Mediciones:", "Measurements:"))
    if x.measurements.isEmpty { out.append(l.pick("  ninguna (e registra una)", "  none (e records one)")) }
    for m in x.measurements {
      var line = "  " + m.day.display + "  " + (m.value.map(Format.measure) ?? m.reason)
      if !m.note.isEmpty { line += " — " + m.note }
      if !m.by.isEmpty { line += " (" + m.by + ")" }
      out.append(line)
    }
    return out
  }

  static func target(_ t: IndicatorTarget?) -> String {
    guard let t else { return "—" }
    var text = "\(t.year): " + (t.value.map(Format.measure) ?? (t.reason.isEmpty ? "—" : t.reason))
    if !t.note.isEmpty { text += " (" + t.note + ")" }
    return text
  }

  static func periodicity(_ p: IndicatorPeriodicity, _ l: Language) -> String {
    switch p {
    case .monthly: l.pick("mensual", "monthly")
    case .quarterly: l.pick("trimestral", "quarterly")
    case .semiannual: l.pick("semestral", "semiannual")
    case .annual: l.pick("anual", "annual")
    }
  }

  /// A text chart, 8 rows × up to 48 columns: `·` the goal trajectory, `●` the measurements,
  /// time left to right from the first to the last date of either.
  static func chart(_ x: Indicator, unicode: Bool, _ l: Language, width: Int = 48, height: Int = 8) -> [String] {
    let trajectory = IndicatorTrajectory(x)
    let measured = x.measurements.compactMap { m in m.value.map { (day: m.day, value: $0) } }
    var days = measured.map(\.day)
    var values = measured.map(\.value)
    if let t = trajectory {
      days += t.points.map(\.day)
      values += t.points.map(\.value)
    }
    guard let first = days.min(), let last = days.max(), let low = values.min(), let high = values.max() else {
      return [l.pick("(sin datos para la gráfica)", "(no data to chart)")]
    }
    let span = max(1, first.days(to: last))
    var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
    func column(_ d: Day) -> Int { min(width - 1, max(0, first.days(to: d) * (width - 1) / span)) }
    func row(_ v: Double) -> Int {
      guard high > low else { return height / 2 }
      return height - 1 - min(height - 1, max(0, Int(((v - low) / (high - low) * Double(height - 1)).rounded())))
    }
    if let t = trajectory {
      for c in 0..<width {
        let d = first.adding(days: c * span / max(1, width - 1))
        grid[row(t.value(at: d))][c] = "·"
      }
    }
    for m in measured { grid[row(m.value)][column(m.day)] = unicode ? "●" : "o" }
    let top = Format.measure(high)
    let bottom = Format.measure(low)
    let labelWidth = max(top.count, bottom.count)
    var out: [String] = []
    for (i, r) in grid.enumerated() {
      let label = i == 0 ? top : i == height - 1 ? bottom : ""
      out.append(String(repeating: " ", count: labelWidth - label.count) + label + " │" + String(r))
    }
    out.append(String(repeating: " ", count: labelWidth) + " └" + String(repeating: "─", count: width))
    let right = last.display
    out.append(String(repeating: " ", count: labelWidth + 2) + first.display + String(repeating: " ", count: max(1, width - 20)) + right)
    out.append(l.pick("  · trayectoria a la meta   ● medición", "  · goal trajectory   ● measurement"))
    return out
  }
}
