import TableroCore

/// All fields of the selected item, its status and why, milestones and notes.
enum DetailPane {
  static func render(_ row: TreeRow, state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    if state.showsChart {
      renderChart(row, state: state, theme: theme, in: area, into: &screen)
      return
    }
    let lines = self.lines(row, state: state, theme: theme, width: area.width)
    let offset = scrollOffset(row, state: state, lineCount: lines.count, height: area.height)
    let shown = lines.dropFirst(offset).prefix(area.height)
    for (i, line) in shown.enumerated() {
      screen.write(line.text, x: area.x, y: area.y + i, style: line.style, maxWidth: area.width)
    }
    // Say there is more, and how to read it, on the edge rows.
    let l = state.language
    if offset + area.height < lines.count, area.height > 1 {
      let more = "↓ } " + l.pick("más (\(lines.count - offset - area.height + 1) líneas)", "more (\(lines.count - offset - area.height + 1) lines)")
      screen.fill(Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1))
      screen.write(more, x: area.x, y: area.maxY - 1, style: theme.key, maxWidth: area.width)
    }
    if offset > 0 {
      screen.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
      screen.write("↑ { " + l.pick("anterior", "previous"), x: area.x, y: area.y, style: theme.key, maxWidth: area.width)
    }
  }

  /// The scroll offset for `row`: the one `}`/`{` set for it, kept in range.
  static func scrollOffset(_ row: TreeRow, state: AppState, lineCount: Int, height: Int) -> Int {
    guard state.detailScroll.path == row.path else { return 0 }
    return min(state.detailScroll.offset, maxOffset(lineCount: lineCount, height: height))
  }

  /// The last useful offset: the last line on the bottom row (the top row says "↑ {").
  static func maxOffset(lineCount: Int, height: Int) -> Int { max(0, lineCount - height) }

  /// The progress chart of the selected item over its planned dates.
  static func renderChart(_ row: TreeRow, state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let p = state.portfolio
    let range: (Day?, Day?)
    let title: String
    switch row.kind {
    case .initiative:
      let x = p.initiatives[row.index]
      range = (x.start, x.end)
      title = "\(x.id) \(x.name)"
    case .component:
      let c = p.components[row.index]
      range = (c.start, c.end)
      title = "\(c.id) \(c.name)"
    case .imperative:
      let s = state.status.imperatives[row.index]
      range = (s.start, s.end)
      title = p.imperatives[row.index].name
    }
    screen.write(title, x: area.x, y: area.y, style: theme.label, maxWidth: area.width)
    guard let start = range.0, let end = range.1, end > start else {
      screen.write(state.language.pick("Sin fechas para graficar.", "No dates to chart."), x: area.x, y: area.y + 1, style: theme.dim)
      return
    }
    let series = ProgressSeries(of: row.id, in: p, days: ProgressSeries.monthly(from: start, to: end), history: state.progressHistory)
    ProgressChart.render(
      series, reportDate: p.reportDate, theme: theme, language: state.language,
      in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), into: &screen)
  }

  /// The agreements that concern an item, with their status.
  static func agreements(of id: String, state: AppState, theme: Theme, add: (String, CellStyle) -> Void) {
    let list = state.portfolio.agreements.filter { $0.itemID == id }
    guard !list.isEmpty else { return }
    let l = state.language
    add(l.pick("Acuerdos:", "Agreements:"), theme.label)
    for a in list {
      let status = a.status(on: state.config.today)
      add(" \(AgreementsView.glyph(status, theme)) \(a.folio) \(status.label(l)) · \(a.due.display) · \(a.text)", AgreementsView.style(status, theme))
    }
  }

  struct Line {
    var text: String
    var style: CellStyle = .plain
  }

  static func lines(_ row: TreeRow, state: AppState, theme: Theme, width: Int) -> [Line] {
    let l = state.language
    let p = state.portfolio
    var out: [Line] = []
    func add(_ text: String, _ style: CellStyle = .plain) {
      for piece in TextWrap.lines(text, width: width) { out.append(Line(text: piece, style: style)) }
    }
    func field(_ label: String, _ value: String) { add("\(label): \(value.isEmpty ? "—" : value)") }
    // Who changed the item last (several people edit the same file): from the history.
    func lastUpdate(_ id: String) {
      if let u = LastUpdate.of(id, in: state.historyRecords) { add(u.text(l, today: state.config.today), theme.dim) }
    }
    func statusBlock(_ s: ItemStatus) {
      add(theme.glyph(s.level) + " " + s.level.label(l, tolerance: p.tolerance), theme.status(s.level).with(bold: true))
      if s.level != .noComponents { add(l.pick("Por qué: ", "Why: ") + state.statusLine(s)) }
      // The forecast is an extra line: it never changes the colour above.
      if let f = state.forecast(row) {
        add(l.pick("Pronóstico: ", "Forecast: ") + f.sentence(l) + " (" + f.methodText(l) + ")", theme.dim)
      }
    }
    switch row.kind {
    case .initiative:
      let x = p.initiatives[row.index]
      let s = state.status.initiatives[row.index]
      add("\(x.id)" + (x.isQuickWin ? l.pick("  * impacto rápido", "  * quick win") : ""), theme.label)
      add(x.name)
      lastUpdate(x.id)
      statusBlock(s)
      agreements(of: x.id, state: state, theme: theme, add: add)
      let componentName = state.componentIndex[x.componentID].map { p.components[$0].name } ?? ""
      field(l.pick("Componente", "Component"), "\(x.componentID) \(componentName)")
      field(l.pick("Plazo", "Horizon"), x.horizon.label(l))
      field(l.pick("Responsable", "Owner"), x.responsible)
      field(l.pick("Fechas", "Dates"), "\(x.start.display) – \(x.end.display)")
      field(l.pick("Ponderación", "Weight"), Format.number(x.weight))
      if x.milestones.isEmpty {
        add(l.pick("Hitos: ninguno (M agrega)", "Milestones: none (M adds)"), theme.dim)
      } else {
        add(l.pick("Hitos:", "Milestones:"), theme.label)
        for (n, m) in x.milestones.enumerated() {
          let done = m.done.map { l.pick(" ✓ ", " ✓ ") + $0.display } ?? (m.due < p.reportDate ? l.pick(" vencido", " overdue") : "")
          add(" \(n + 1). \(m.name) · \(m.due.display)\(done)", m.done == nil && m.due < p.reportDate ? theme.status(.majorDeviation) : .plain)
        }
      }
      let changes = state.historyRecords.filter { $0.id == x.id }
      if !changes.isEmpty {
        // Every record, newest first; } and { scroll the pane to the older ones.
        add(l.pick("Historial (\(changes.count)):", "History (\(changes.count)):"), theme.label)
        for r in changes.reversed() { add(" " + r.line(l)) }
      }
      if !x.notes.isEmpty {
        add(l.pick("Notas:", "Notes:"), theme.label)
        add(x.notes)
      }
    case .component:
      let c = p.components[row.index]
      let s = state.status.components[row.index]
      add("\(c.id) \(c.name)", theme.label)
      lastUpdate(c.id)
      statusBlock(s)
      field(l.pick("Fechas", "Dates"), "\(c.start.display) – \(c.end.display)")
      field(l.pick("Responsable", "Owner"), c.responsible)
      for phase in Phase.allCases {
        if let r = c.phases[phase] { field(phase.label(l), "\(r.start.display) – \(r.end.display)") }
      }
      let imperatives = p.imperatives.compactMap { imp in
        imp.members.first { $0.componentID == c.id }.map { "\(imp.id) \(Format.percent($0.weight))" }
      }
      field(l.pick("Imperativos", "Imperatives"), imperatives.joined(separator: ", "))
      let indices = state.status.initiativesByComponent[row.index]
      var counts: [StatusLevel: Int] = [:]
      for i in indices { counts[state.status.initiatives[i].level, default: 0] += 1 }
      let summary = [StatusLevel.majorDeviation, .minorDeviation, .onTrack, .notStarted]
        .compactMap { level in counts[level].map { "\(theme.glyph(level)) \($0)" } }.joined(separator: "  ")
      field(l.pick("Iniciativas", "Initiatives"), indices.isEmpty ? l.pick("ninguna", "none") : "\(indices.count): \(summary)")
      agreements(of: c.id, state: state, theme: theme, add: add)
    case .imperative:
      let imp = p.imperatives[row.index]
      let s = state.status.imperatives[row.index]
      add(imp.name, theme.label)
      lastUpdate(imp.id)
      statusBlock(s)
      if !imp.description.isEmpty { add(imp.description) }
      field(l.pick("Fechas", "Dates"), "\(Format.date(s.start)) – \(Format.date(s.end))")
      add(l.pick("Componentes y ponderación:", "Components and weight:"), theme.label)
      if imp.members.isEmpty { add(l.pick(" sin componentes", " no components"), theme.dim) }
      for m in imp.members { add(" \(m.componentID) \(Format.percent(m.weight))") }
      let own = p.indicators.indices.filter { p.indicators[$0].ownerID == imp.id }
      if !own.isEmpty {
        add(l.pick("Indicadores (6):", "Indicators (6):"), theme.label)
        for i in own where state.indicatorStatus.indices.contains(i) {
          let s = state.indicatorStatus[i]
          add(" " + (theme.useUnicode ? s.glyph : s.asciiGlyph) + " \(p.indicators[i].id) \(p.indicators[i].name): " + s.shortLabel(l), theme.status(s.level))
        }
      }
    }
    return out
  }
}

extension CellStyle {
  func with(bold: Bool) -> CellStyle {
    var copy = self
    copy.bold = bold
    return copy
  }
}
