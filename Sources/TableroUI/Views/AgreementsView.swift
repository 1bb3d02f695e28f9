import TableroCore

/// Acuerdos: folio, status (glyph and word), due date, responsible, item, and the text below.
enum AgreementsView {
  static func glyph(_ status: AgreementStatus, _ theme: Theme) -> String {
    switch status {
    case .pending: theme.useUnicode ? "○" : "o"
    case .inProgress: theme.useUnicode ? "◐" : "~"
    case .concluded: theme.useUnicode ? "✓" : "+"
    case .overdue: theme.useUnicode ? "✗" : "X"
    }
  }

  static func style(_ status: AgreementStatus, _ theme: Theme) -> CellStyle {
    switch status {
    case .pending: .plain
    case .inProgress: theme.status(.minorDeviation)
    case .concluded: theme.status(.onTrack)
    case .overdue: theme.status(.majorDeviation)
    }
  }

  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    var filters: [String] = []
    let f = state.agreementsView.filter
    if let p = f.person { filters.append(l.pick("de ", "of ") + p) }
    if f.overdueOnly { filters.append(l.pick("vencidos", "overdue")) }
    if f.openOnly { filters.append(l.pick("abiertos", "open")) }
    if let item = f.itemID { filters.append(item) }
    var title = l.pick("Acuerdos", "Agreements") + (filters.isEmpty ? "" : " · " + filters.joined(separator: " · "))
    if let meeting = state.portfolio.openMeeting { title += l.pick("   ● reunión en curso: ", "   ● meeting in progress: ") + meeting.title }
    screen.write(title.padded(toWidth: area.width), x: area.x, y: area.y, style: theme.header, maxWidth: area.width)
    let rows = state.agreementRows
    if rows.isEmpty {
      screen.write(l.pick("Sin acuerdos. a agrega uno; C desde otra vista lo liga al elemento seleccionado.", "No agreements. a adds one; C from another view links it to the selected item."), x: area.x + 1, y: area.y + 2, style: theme.dim, maxWidth: area.width - 2)
      return
    }
    let cursor = state.agreementsView.cursor
    var y = area.y + 1
    for (i, a) in rows.enumerated().dropFirst(cursor.offset) {
      guard y + 1 < area.maxY else { break }
      let status = a.status(on: state.config.today)
      var x = area.x
      x += screen.write(glyph(status, theme) + " ", x: x, y: y, style: style(status, theme))
      x += screen.write(a.folio + " ", x: x, y: y, style: theme.label)
      x += screen.write(status.label(l).padded(toWidth: 11), x: x, y: y, style: style(status, theme))
      x += screen.write(l.pick("vence ", "due ") + a.due.display + "  ", x: x, y: y)
      let people = a.responsible + (a.coResponsibles.isEmpty ? "" : " +" + a.coResponsibles.joined(separator: ", "))
      x += screen.write(people, x: x, y: y, maxWidth: max(0, area.maxX - x - 12))
      if let item = a.itemID { screen.write("  [\(item)]", x: x, y: y, style: theme.key, maxWidth: max(0, area.maxX - x)) }
      let last = a.notes.last.map { " · " + $0.day.display + ": " + $0.text } ?? ""
      screen.write("    " + a.text + last, x: area.x, y: y + 1, style: theme.dim, maxWidth: area.width)
      if i == cursor.selected {
        screen.updateStyle(in: Rect(x: area.x, y: y, width: area.width, height: 2)) { $0.reverse = true }
      }
      y += 2
    }
  }
}
