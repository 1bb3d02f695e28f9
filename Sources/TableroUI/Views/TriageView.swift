import TableroCore

/// The triage list: per red or yellow item, worst first, its full name, responsable,
/// deviation, latest note and overdue milestones.
enum TriageView {
  /// Text columns of an entry (after the glyph, with a margin).
  static func textWidth(_ width: Int) -> Int { max(10, width - 4) }

  /// `text` on one row: whole, or cut at a word with "…".
  static func fit(_ text: String, _ width: Int) -> String {
    guard text.displayWidth > width else { return text }
    return (TextWrap.lines(text, width: max(1, width - 2)).first ?? "") + " …"
  }

  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    guard let triage = state.triage else { return }
    let reds = triage.entries.filter { $0.status.level == .majorDeviation }.count
    let order = triage.byForecast ? l.pick(" · o: por pronóstico", " · o: by forecast") : l.pick(" · o orden", " · o order")
    let title = "Triage · " + l.pick("\(reds) rojos · \(triage.entries.count - reds) amarillos · e avance · Intro abrir · Esc volver",
      "\(reds) red · \(triage.entries.count - reds) yellow · e progress · Enter open · Esc back") + order
    screen.write(title.padded(toWidth: area.width), x: area.x, y: area.y, style: theme.header, maxWidth: area.width)
    if triage.entries.isEmpty {
      screen.write(l.pick("Nada en rojo ni en amarillo.", "Nothing red or yellow."), x: area.x + 2, y: area.y + 2, style: theme.dim)
      return
    }
    var y = area.y + 1
    var shown = 0
    for (i, entry) in triage.entries.enumerated().dropFirst(triage.cursor.offset) {
      let lines = self.lines(entry, state: state, width: textWidth(area.width))
      guard y + lines.count <= area.maxY else { break }
      let style = theme.status(entry.status.level)
      screen.write(theme.glyph(entry.status.level), x: area.x, y: y, style: style)
      let figuresRow = lines.firstIndex { $0.hasPrefix(l.pick("desv. ", "dev. ")) } ?? 1
      for (n, line) in lines.enumerated() {
        screen.write(line, x: area.x + 2, y: y + n, style: n < figuresRow ? theme.groupRow : (n == lines.count - 1 ? theme.dim : .plain), maxWidth: area.width - 2)
      }
      if i == triage.cursor.selected {
        screen.updateStyle(in: Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.reverse = true }
      }
      y += lines.count
      shown += 1
    }
    let rest = triage.entries.count - triage.cursor.offset - shown
    if rest > 0 {
      let more = "↓ " + l.pick("\(rest) más", "\(rest) more")
      screen.write(more, x: area.maxX - more.displayWidth - 1, y: area.maxY - 1, style: theme.key)
    }
  }

  /// Name (as much as fits, continued on the second row when long), the figures, the latest
  /// note and overdue milestones.
  static func lines(_ entry: TriageEntry, state: AppState, width: Int) -> [String] {
    let l = state.language
    let p = state.portfolio
    let s = entry.status
    var name = ""
    var responsible = ""
    var note = ""
    var overdue: [Milestone] = []
    switch entry.kind {
    case .imperative:
      name = p.imperatives[entry.index].name
    case .component:
      let c = p.components[entry.index]
      name = c.name
      responsible = c.responsible
    case .initiative:
      let x = p.initiatives[entry.index]
      name = x.name
      responsible = x.responsible
      note = x.notes.split(separator: "\n").map(String.init).last { $0.contains { !$0.isWhitespace } } ?? ""
      overdue = x.milestones.filter { $0.done == nil && $0.due < p.reportDate }
    }
    let kind: String
    switch entry.kind {
    case .imperative: kind = l.pick("imperativo", "imperative")
    case .component: kind = l.pick("componente", "component")
    case .initiative: kind = l.pick("iniciativa", "initiative")
    }
    let figures = l.pick("desv. ", "dev. ") + Format.percent(s.deviation) + " (" + l.pick("esp. ", "exp. ")
      + Format.percent(s.expected) + ", real " + Format.percent(s.actual) + ") · " + kind + " · "
      + l.pick("resp.: ", "owner: ") + (responsible.isEmpty ? "—" : responsible)
    // The whole name, wrapped; the figures; overdue milestones and the latest note, each on a
    // row ending at a word with "…" when longer (Intro opens the item with everything).
    var out = TextWrap.lines("\(entry.id) \(name)", width: width)
    out += TextWrap.lines(figures, width: width)
    if let forecast = entry.forecast {
      out.append(fit(l.pick("pronóstico: ", "forecast: ") + forecast.sentence(l), width))
    }
    if !overdue.isEmpty {
      out.append(fit(l.pick("hitos vencidos: ", "overdue milestones: ") + overdue.map { "\($0.name) (\($0.due.display))" }.joined(separator: ", "), width))
    }
    out.append(fit(l.pick("nota: ", "note: ") + (note.isEmpty ? "—" : note), width))
    return out
  }
}
