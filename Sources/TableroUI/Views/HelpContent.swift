import TableroCore

/// The lines of the help view, built from the one key table.
enum HelpContent {
  struct Line {
    var key: String
    var text: String
    var isHeading = false
  }

  static func lines(_ state: AppState) -> [Line] {
    let l = state.language
    var out: [Line] = [Line(key: "", text: l.pick("Teclas", "Keys"), isHeading: true)]
    for b in KeyBinding.all { out.append(Line(key: b.keyLabel, text: b.help(l) + (b.edits && state.config.readOnly ? l.pick(" (solo lectura)", " (read-only)") : ""))) }
    out.append(Line(key: "", text: "", isHeading: false))
    out.append(Line(key: "", text: l.pick("Leyenda", "Legend"), isHeading: true))
    for level in [StatusLevel.onTrack, .minorDeviation, .majorDeviation, .notStarted, .noComponents] {
      out.append(Line(key: level.glyph + " " + level.asciiGlyph, text: level.label(l, tolerance: state.portfolio.tolerance)))
    }
    out.append(Line(key: "*", text: l.pick("iniciativa de mayor impacto y menor esfuerzo", "high-impact, low-effort initiative")))
    for phase in Phase.allCases {
      let theme = Theme(useColor: false, useUnicode: state.config.useUnicode)
      out.append(Line(key: String(repeating: theme.phaseFill(phase), count: 3), text: phase.label(l)))
    }
    out.append(Line(key: "", text: ""))
    out.append(Line(key: "", text: l.pick("Archivo", "File"), isHeading: true))
    out.append(Line(key: l.pick("ruta", "path"), text: state.config.filePath.isEmpty ? "—" : state.config.filePath))
    let fileState = state.config.readOnly ? l.pick("solo lectura", "read-only") : state.isDirty ? l.pick("con cambios sin guardar", "unsaved changes") : l.pick("guardado", "saved")
    out.append(Line(key: l.pick("estado", "state"), text: fileState))
    let p = state.portfolio
    out.append(Line(key: l.pick("contenido", "content"), text: l.pick("\(p.imperatives.count) imperativos, \(p.components.count) componentes, \(p.initiatives.count) iniciativas", "\(p.imperatives.count) imperatives, \(p.components.count) components, \(p.initiatives.count) initiatives")))
    out.append(Line(key: l.pick("avisos", "warnings"), text: "\(state.warnings.count)"))
    for (w, place) in zip(state.warnings.prefix(200), state.warningPlaces) { out.append(Line(key: "", text: place + ": " + w.message(l))) }
    return out
  }

}

/// Ayuda: every key, the legend, the file in use and its state.
enum HelpView {
  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let lines = rows(state, width: area.width)
    let offset = min(state.helpOffset, max(0, lines.count - area.height))
    // The "↓ más" hint takes the last row for itself: drawn over a help row, it hid that row.
    let hasMore = offset + area.height < lines.count && area.height > 1
    let textRows = hasMore ? area.height - 1 : area.height
    for (i, line) in lines.dropFirst(offset).prefix(textRows).enumerated() {
      let y = area.y + i
      if line.isHeading {
        screen.write(line.text, x: area.x + 1, y: y, style: theme.header)
      } else {
        screen.write(line.key, x: area.x + 2, y: y, style: theme.key, maxWidth: 14)
        screen.write(line.text, x: area.x + textColumn, y: y, maxWidth: max(0, area.width - textColumn))
      }
    }
    if hasMore {
      let l = state.language
      let hidden = lines.count - offset - textRows
      let more = "↓ " + l.pick("AvPág/Fin: \(hidden) líneas más", "PgDn/End: \(hidden) more lines")
      screen.write(more, x: area.maxX - more.displayWidth - 1, y: area.maxY - 1, style: theme.key)
    }
  }

  static let textColumn = 17

  /// The help's lines with long texts (warnings) wrapped under the text column.
  static func rows(_ state: AppState, width: Int) -> [HelpContent.Line] {
    let room = max(10, width - textColumn)
    return HelpContent.lines(state).flatMap { line -> [HelpContent.Line] in
      guard !line.isHeading, line.text.displayWidth > room else { return [line] }
      return TextWrap.lines(line.text, width: room).enumerated().map { i, piece in
        HelpContent.Line(key: i == 0 ? line.key : "", text: piece)
      }
    }
  }
}
