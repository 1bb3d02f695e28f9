import TableroCore

/// Presentation mode: big, calm and readable on a projector. One imperative per screen,
/// red and yellow first, the report date and the legend always visible.
enum PresentationView {
  static func render(_ state: AppState, theme: Theme, into screen: inout ScreenBuffer) {
    guard let p = state.presentation else { return }
    let l = state.language
    let size = state.size
    let area = Rect(size: size)
    let portfolio = state.portfolio

    // Title bar: where we are and how to move.
    screen.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: theme.titleBar)
    let position = portfolio.imperatives.isEmpty ? "" : l.pick(
      "Imperativo \(p.imperative + 1) de \(portfolio.imperatives.count)",
      "Imperative \(p.imperative + 1) of \(portfolio.imperatives.count)")
    screen.write(" " + l.pick("PRESENTACIÓN", "PRESENTATION") + " · " + position, x: 0, y: 0, style: theme.titleBar)
    let lock = p.unlocked ? l.pick("edición desbloqueada ", "editing unlocked ") : l.pick("solo lectura ", "read-only ")
    screen.write(lock, x: size.width - lock.displayWidth, y: 0, style: theme.titleBar)

    let dates = l.pick("Fecha del reporte ", "Report date ") + portfolio.reportDate.display + "   "
      + l.pick("Desviación aceptable ", "Acceptable deviation ") + Format.percent(portfolio.tolerance)
    screen.write(dates, x: 1, y: 1, style: theme.label, maxWidth: size.width - 2)
    var x = 1
    for level in [StatusLevel.onTrack, .minorDeviation, .majorDeviation, .notStarted] {
      let word = size.width >= 100 ? level.label(l, tolerance: portfolio.tolerance) : HeaderView.shortLegend(level, l, portfolio.tolerance)
      x += screen.write(theme.glyph(level), x: x, y: 2, style: theme.status(level))
      x += screen.write(" " + word + "   ", x: x, y: 2)
    }

    guard portfolio.imperatives.indices.contains(p.imperative) else { return }
    let imperative = portfolio.imperatives[p.imperative]
    let s = state.status.imperatives[p.imperative]
    var y = 4
    screen.write(imperative.name.uppercased(), x: 1, y: y, style: CellStyle(bold: true, underline: true), maxWidth: size.width - 2)
    y += 1
    let summary = s.level == .noComponents
      ? theme.glyph(s.level) + " " + l.pick("sin componentes", "no components")
      : theme.glyph(s.level) + " " + s.level.label(l, tolerance: portfolio.tolerance) + " · "
        + l.pick("esperado ", "expected ") + Format.percent(s.expected) + " · " + l.pick("real ", "actual ")
        + Format.percent(s.actual) + " · " + l.pick("desviación ", "deviation ") + Format.deviation(s.deviation, tolerance: portfolio.tolerance)
    screen.write(summary, x: 1, y: y, style: theme.status(s.level).with(bold: true), maxWidth: size.width - 2)
    y += 2

    let rows = state.presentationRows
    let footerTop = size.height - 2
    let available = footerTop - y
    // Double spacing when it fits: easier to read from the back of the room.
    let openInitiatives = p.openComponent.map { state.status.initiativesByComponent.indices.contains($0) ? state.status.initiativesByComponent[$0] : [] } ?? []
    let spacing = p.openComponent == nil && rows.count * 2 <= available ? 2 : 1
    let nameWidth = max(10, size.width - 2 - 2 - 3 * 9 - 4)
    screen.write(
      "  " + l.pick("Componente", "Component").padded(toWidth: nameWidth) + " "
        + l.pick("Esperado", "Expected").padded(toWidth: 8, alignment: .right) + " "
        + l.pick("Real", "Actual").padded(toWidth: 8, alignment: .right) + " "
        + l.pick("Desv.", "Dev.").padded(toWidth: 8, alignment: .right),
      x: 1, y: y - 1, style: theme.header, maxWidth: size.width - 2)
    var nextY = y
    for (i, row) in rows.enumerated() {
      let rowY = nextY
      nextY += spacing
      guard rowY < footerTop else { break }
      let component = portfolio.components[row.componentIndex]
      let cs = state.status.components[row.componentIndex]
      let style = theme.status(cs.level)
      var cx = 1
      cx += screen.write(theme.glyph(cs.level) + " ", x: cx, y: rowY, style: style.with(bold: true))
      cx += screen.write("\(component.id) \(component.name)".truncated(toWidth: nameWidth, ellipsis: "…").padded(toWidth: nameWidth), x: cx, y: rowY, style: CellStyle(bold: true))
      cx += screen.write(" " + Format.percent(cs.expected).padded(toWidth: 8, alignment: .right), x: cx, y: rowY)
      cx += screen.write(" " + Format.percent(cs.actual).padded(toWidth: 8, alignment: .right), x: cx, y: rowY)
      screen.write(" " + Format.deviation(cs.deviation, tolerance: portfolio.tolerance).padded(toWidth: 8, alignment: .right), x: cx, y: rowY, style: style.with(bold: true))
      if spacing == 2, rowY + 1 < footerTop {
        screen.write("    " + cs.level.label(l, tolerance: portfolio.tolerance), x: 1, y: rowY + 1, style: style, maxWidth: size.width - 2)
      }
      if i == p.cursor.selected {
        screen.updateStyle(in: Rect(x: 0, y: rowY, width: size.width, height: 1)) { $0.reverse = true }
      }
      if row.componentIndex == p.openComponent {
        // Its initiatives, worst deviation first, one line each, indented.
        let sorted = openInitiatives.sorted { (state.status.initiatives[$0].deviation ?? 0) < (state.status.initiatives[$1].deviation ?? 0) }
        for x in sorted where nextY < footerTop {
          let s = state.status.initiatives[x]
          let initiative = portfolio.initiatives[x]
          var ix = 3
          ix += screen.write(theme.glyph(s.level) + " ", x: ix, y: nextY, style: theme.status(s.level))
          ix += screen.write("\(initiative.id) \(initiative.name)".truncated(toWidth: nameWidth - 2, ellipsis: "…").padded(toWidth: nameWidth - 2), x: ix, y: nextY)
          ix += screen.write(" " + Format.percent(s.expected).padded(toWidth: 8, alignment: .right), x: ix, y: nextY)
          ix += screen.write(" " + Format.percent(s.actual).padded(toWidth: 8, alignment: .right), x: ix, y: nextY)
          screen.write(" " + Format.percent(s.deviation).padded(toWidth: 8, alignment: .right), x: ix, y: nextY, style: theme.status(s.level))
          nextY += 1
        }
      }
    }
    if rows.isEmpty {
      screen.write(l.pick("Este imperativo no tiene componentes.", "This imperative has no components."), x: 3, y: y, style: theme.dim)
    }

    if let message = state.message {
      screen.write(message.text, x: 1, y: size.height - 2, style: message.kind == .error ? theme.error : theme.dim, maxWidth: size.width - 2)
    }
    let keys = l.pick("← → imperativo   ↑ ↓ componente   Intro iniciativas   L desbloquear   Esc salir   q terminar", "← → imperative   ↑ ↓ component   Enter initiatives   L unlock   Esc leave   q quit")
    screen.write(keys, x: 1, y: size.height - 1, style: theme.key, maxWidth: size.width - 2)
    _ = area
  }
}
