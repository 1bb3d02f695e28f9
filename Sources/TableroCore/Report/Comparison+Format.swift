import TableroJSON

extension StatusComparison {
  /// Only what a report shows: initiatives only with `detail`; with `levels`, only items in one
  /// of those states at either date.
  public func restricted(detail: Bool, levels: Set<StatusLevel>?) -> StatusComparison {
    var copy = self
    func inLevels(_ entry: Entry) -> Bool {
      levels.map { $0.contains(entry.before.level) || $0.contains(entry.after.level) } ?? true
    }
    copy.entries = entries.filter { entry in (detail || entry.kind != .initiative) && inLevels(entry) }
    copy.hiddenInitiativeChanges =
      detail ? 0 : entries.filter { $0.kind == .initiative && $0.changed && inLevels($0) }.count
    return copy
  }

  public func title(_ l: Language) -> String {
    l.pick("Cambios de estado entre \(from.display) y \(to.display)", "State changes between \(from.display) and \(to.display)")
  }

  /// How actual progress was obtained at both dates (a short sentence for the reader).
  public func basis(_ l: Language) -> String {
    usesPastActual
      ? l.pick(
        "Avance real en cada fecha según el historial (sin historial: el valor actual del archivo).",
        "Actual progress at each date from the history (without history: the file's current value).")
      : l.pick(
        "Avance real: el valor actual del archivo en ambas fechas (sin historial); solo cambia el avance esperado.",
        "Actual progress: the file's current value at both dates (no history); only expected progress changes.")
  }

  /// "3 cambios: 1 mejoró, 1 empeoró, 1 inició" or "Ningún elemento cambió de estado."
  public func summary(_ l: Language) -> String {
    let changes = self.changes
    let hidden = hiddenInitiativeChanges
    let more = hidden == 0 ? "" : l.pick(
      hidden == 1 ? "1 iniciativa también cambió; agregue --detail para verla." : "\(hidden) iniciativas también cambiaron; agregue --detail para verlas.",
      hidden == 1 ? "1 initiative also changed; add --detail to see it." : "\(hidden) initiatives also changed; add --detail to see them.")
    if changes.isEmpty, hidden > 0 {
      return l.pick(
        "Ningún imperativo ni componente cambió de estado, pero \(hidden == 1 ? "1 iniciativa sí" : "\(hidden) iniciativas sí"): agregue --detail para \(hidden == 1 ? "verla" : "verlas").",
        "No imperative or component changed state, but \(hidden == 1 ? "1 initiative did" : "\(hidden) initiatives did"): add --detail to see \(hidden == 1 ? "it" : "them").")
    }
    if changes.isEmpty { return l.pick("Ningún elemento cambió de estado.", "No item changed state.") }
    let counts: [(Direction, String, String, String)] = [
      (.improved, "mejoró", "mejoraron", "improved"), (.worsened, "empeoró", "empeoraron", "worsened"),
      (.started, "inició", "iniciaron", "started"), (.other, "otro cambio", "otros cambios", "other"),
    ]
    let parts = counts.compactMap { d, one, many, en -> String? in
      let n = changes.filter { $0.direction == d }.count
      return n == 0 ? nil : "\(n) \(l.pick(n == 1 ? one : many, en))"
    }
    let word = changes.count == 1 ? l.pick("cambio", "change") : l.pick("cambios", "changes")
    return "\(changes.count) \(word): " + parts.joined(separator: ", ") + (more.isEmpty ? "" : ". " + more)
  }

  func kindLabel(_ kind: Kind, _ l: Language) -> String {
    switch kind {
    case .imperative: l.pick("Imperativo", "Imperative")
    case .component: l.pick("Componente", "Component")
    case .initiative: l.pick("Iniciativa", "Initiative")
    }
  }
}

extension ReportFormatter {
  func comparisonHeaders(_ c: StatusComparison) -> [String] {
    let a = c.from.display
    let b = c.to.display
    return [
      l.pick("Elemento", "Item"), l.pick("Esperado ", "Expected ") + a, l.pick("Real ", "Actual ") + a,
      l.pick("Desv. ", "Dev. ") + a, l.pick("Estado ", "Status ") + a, l.pick("Esperado ", "Expected ") + b,
      l.pick("Real ", "Actual ") + b, l.pick("Desv. ", "Dev. ") + b, l.pick("Estado ", "Status ") + b,
      l.pick("Cambio", "Change"),
    ]
  }

  func comparisonCells(_ e: StatusComparison.Entry, tolerance: Double) -> [String] {
    func state(_ s: ItemStatus) -> String { "\(s.level.glyph) \(s.level.label(l, tolerance: tolerance))" }
    return [
      TerminalText.singleLine("\(e.id) \(e.name)"), Format.percent(e.before.expected), Format.percent(e.before.actual),
      Format.deviation(e.before.deviation, tolerance: tolerance), state(e.before), Format.percent(e.after.expected),
      Format.percent(e.after.actual), Format.deviation(e.after.deviation, tolerance: tolerance), state(e.after), e.direction.label(l),
    ]
  }

  func comparisonText(_ c: StatusComparison, tolerance: Double) -> String {
    var out = [c.title(l), String(repeating: "═", count: c.title(l).count), c.basis(l), c.summary(l)]
    let changes = c.changes
    guard !changes.isEmpty else { return out.joined(separator: "\n") + "\n" }
    // Short headers under a line that names the two dates (the table is wide enough as it is).
    let headers = [
      l.pick("Elemento", "Item"), l.pick("Esperado", "Expected"), l.pick("Real", "Actual"), l.pick("Desv.", "Dev."),
      l.pick("Estado", "Status"), l.pick("Esperado", "Expected"), l.pick("Real", "Actual"), l.pick("Desv.", "Dev."),
      l.pick("Estado", "Status"), l.pick("Cambio", "Change"),
    ]
    let rows = changes.map { comparisonCells($0, tolerance: tolerance) }
    var widths = headers.map(\.count)
    widths[0] = min(50, max(20, rows.map { $0[0].count }.max() ?? 20))
    for row in rows { for (i, cell) in row.enumerated() where i > 0 { widths[i] = max(widths[i], cell.count) } }
    func line(_ fields: [String]) -> String {
      var s = ""
      for (i, field) in fields.enumerated() {
        let cut = field.count > widths[i] ? String(field.prefix(widths[i] - 1)) + "…" : field
        let pad = String(repeating: " ", count: max(0, widths[i] - cut.count))
        let numeric = [1, 2, 3, 5, 6, 7].contains(i)
        s += (i == 0 ? "" : "  ") + (numeric ? pad + cut : cut + pad)
      }
      return s.trimmingTrailingSpaces()
    }
    func groupLabel(_ date: Day, _ first: Int) -> String {
      let span = widths[first..<(first + 4)].reduce(0, +) + 6
      let text = "── \(date.display) "
      return text + String(repeating: "─", count: max(0, span - text.count))
    }
    out.append("")
    out.append(
      String(repeating: " ", count: widths[0] + 2) + groupLabel(c.from, 1) + "  " + groupLabel(c.to, 5))
    out.append(line(headers))
    out.append(String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
    var kind: StatusComparison.Kind?
    for (e, row) in zip(changes, rows) {
      if e.kind != kind {
        kind = e.kind
        out.append(c.kindLabel(e.kind, l).uppercased())
      }
      var text = line(row)
      if useColor {
        let code = Self.ansi(e.after.level)
        if !code.isEmpty { text = code + text + Self.ansiReset }
      }
      out.append(text)
    }
    return out.joined(separator: "\n") + "\n"
  }

  func comparisonMarkdown(_ c: StatusComparison, tolerance: Double) -> String {
    var out = ["## \(c.title(l))", "", c.basis(l), "", c.summary(l)]
    let changes = c.changes
    guard !changes.isEmpty else { return out.joined(separator: "\n") + "\n" }
    let headers = [l.pick("Tipo", "Kind")] + comparisonHeaders(c)
    out.append("")
    out.append("| " + headers.joined(separator: " | ") + " |")
    out.append("|" + headers.indices.map { [0, 1, 5, 9, 10].contains($0) ? "---" : "---:" }.joined(separator: "|") + "|")
    for e in changes {
      let fields = [c.kindLabel(e.kind, l)] + comparisonCells(e, tolerance: tolerance)
      out.append("| " + fields.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// A second table after a blank line, with its own header (the dates are columns).
  func comparisonCSV(_ c: StatusComparison, tolerance: Double) -> String {
    let header = [
      "tipo", "id", "nombre", "fecha_a", "avance_esperado_a", "avance_real_a", "desviacion_a", "estado_a", "fecha_b",
      "avance_esperado_b", "avance_real_b", "desviacion_b", "estado_b", "cambio",
    ]
    var lines = [header.joined(separator: ",")]
    func kind(_ k: StatusComparison.Kind) -> String {
      switch k {
      case .imperative: "imperativo"
      case .component: "componente"
      case .initiative: "iniciativa"
      }
    }
    func num(_ v: Double?) -> String { v.map(Format.oneDecimal) ?? "" }
    func dev(_ v: Double?) -> String { v.map { Format.deviationNumber($0, tolerance: tolerance) } ?? "" }
    for e in c.changes {
      let fields = [
        kind(e.kind), e.id, e.name, Format.date(c.from), num(e.before.expected), num(e.before.actual),
        dev(e.before.deviation), e.before.level.label(l, tolerance: tolerance), Format.date(c.to), num(e.after.expected),
        num(e.after.actual), dev(e.after.deviation), e.after.level.label(l, tolerance: tolerance), e.direction.rawValue,
      ]
      lines.append(fields.map(InitiativeCSV.quote).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  func comparisonJSON(_ c: StatusComparison, tolerance: Double) -> JSONValue {
    let changes: [JSONValue] = c.changes.map { e in
      .object(JSONObject([
        ("kind", .string(e.kind.rawValue)), ("id", .string(e.id)), ("name", .string(e.name)),
        ("change", .string(e.direction.rawValue)),
        ("before", .object(JSONObject(jsonItem(e.before, tolerance: tolerance)))),
        ("after", .object(JSONObject(jsonItem(e.after, tolerance: tolerance)))),
      ]))
    }
    return .object(JSONObject([
      ("from", .string(c.from.iso)), ("to", .string(c.to.iso)), ("actualFromHistory", .bool(c.usesPastActual)),
      ("changes", .array(changes)),
    ]))
  }
}
