import TableroCore

/// Draws the conflict resolver for a state.
public func render(_ state: MergeResolverState) -> ScreenBuffer {
  var screen = ScreenBuffer(size: state.size)
  MergeResolverView.render(state, into: &screen)
  return screen
}

/// Layout, top to bottom: title (files), counts, list header, the conflict list, the panel of
/// the selected conflict (or the help), a notice line and the keys. Every mark is a glyph and
/// a word (✓ resuelto / ? pendiente, ● elegido), never colour alone.
enum MergeResolverView {
  static let headerRows = 3
  static let footerRows = 2
  /// Rows the panel needs to show base, mine, theirs, an edited value and the input line.
  static let panelMinimum = 12

  static func ellipsis(_ theme: Theme) -> String { theme.useUnicode ? "…" : "..." }

  static func listRows(size: Size, count: Int) -> Int {
    let body = max(0, size.height - headerRows - footerRows)
    let cap = max(3, min(body - panelMinimum, body / 2))
    return max(1, min(count, cap))
  }

  static func render(_ state: MergeResolverState, into screen: inout ScreenBuffer) {
    screen.clear()
    let theme = state.theme
    if state.isTooSmall {
      tooSmall(state, theme: theme, into: &screen)
      return
    }
    let width = state.size.width
    header(state, theme: theme, width: width, into: &screen)
    let rows = listRows(size: state.size, count: state.conflicts.count)
    list(state, theme: theme, top: headerRows, rows: rows, width: width, into: &screen)
    let panelTop = headerRows + rows
    let panel = Rect(x: 0, y: panelTop, width: width, height: max(0, state.size.height - footerRows - panelTop))
    if state.showsHelp {
      help(state, theme: theme, in: panel, into: &screen)
    } else {
      detail(state, theme: theme, in: panel, into: &screen)
    }
    footer(state, theme: theme, width: width, into: &screen)
  }

  // MARK: - Pieces

  static func tooSmall(_ state: MergeResolverState, theme: Theme, into screen: inout ScreenBuffer) {
    let l = state.language
    let size = state.size
    let lines = [
      l.pick("Terminal demasiado pequeña", "Terminal too small"),
      "\(size.width)×\(size.height) — " + l.pick("se necesita 80×24", "80×24 needed"),
      l.pick("Agrande la ventana · q cancela la fusión", "Enlarge the window · q cancels the merge"),
    ]
    let top = max(0, size.height / 2 - 1)
    for (i, line) in lines.enumerated() {
      screen.write(
        line, x: max(0, (size.width - line.displayWidth) / 2), y: top + i, style: i == 0 ? theme.error : .plain,
        maxWidth: size.width)
    }
  }

  static func header(_ state: MergeResolverState, theme: Theme, width: Int, into screen: inout ScreenBuffer) {
    let l = state.language
    let result = state.result
    let way = result.isThreeWay ? l.pick("a tres vías", "three-way") : l.pick("sin base", "no base")
    let arrow = theme.useUnicode ? "→" : "->"
    let title = " " + l.pick("Fusión", "Merge") + ": \(state.theirsName) \(arrow) \(state.mineName)"
    let right = "\(way) "
    screen.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme.titleBar)
    screen.write(title.truncated(toWidth: width - right.displayWidth - 1, ellipsis: ellipsis(theme)), x: 0, y: 0, style: theme.titleBar)
    screen.write(right, x: max(0, width - right.displayWidth), y: 0, style: theme.titleBar)

    let s = result.summary
    let n = state.conflicts.count
    let k = state.resolvedCount
    var taken = l.pick("Cambios tomados del otro: \(s.fromTheirs.count)", "Changes taken from theirs: \(s.fromTheirs.count)")
    if width >= 110 {
      taken += l.pick(" (de este: \(s.fromMine.count), iguales: \(s.fromBoth.count))", " (from mine: \(s.fromMine.count), same: \(s.fromBoth.count))")
    }
    let counts = l.pick("Conflictos: \(n) · resueltos: \(k)", "Conflicts: \(n) · resolved: \(k)")
    var x = screen.write(taken + " · ", x: 1, y: 1, maxWidth: width - 1)
    x += screen.write(counts, x: 1 + x, y: 1, style: theme.label, maxWidth: width - 1 - x)
    if n > k {
      screen.write(
        l.pick(" · pendientes: \(n - k)", " · pending: \(n - k)"), x: 1 + x, y: 1, style: theme.error, maxWidth: width - 1 - x)
    }

    let columns = listColumns(width)
    let head =
      "  " + "#".padded(toWidth: 3, alignment: .right) + " "
      + l.pick("Conflicto", "Conflict").padded(toWidth: columns.path) + " " + l.pick("Tipo", "Kind").padded(toWidth: columns.kind)
      + " " + l.pick("Elección", "Choice")
    screen.write(head, x: 0, y: 2, style: theme.header, maxWidth: width)
  }

  static func listColumns(_ width: Int) -> (path: Int, kind: Int, choice: Int) {
    let choice = 14
    let kind = width >= 110 ? 22 : 18
    return (max(10, width - 6 - kind - choice - 2), kind, choice)
  }

  static func choiceText(_ c: MergeConflict, _ l: Language, _ theme: Theme) -> String {
    let mark = theme.useUnicode ? (c.isResolved ? "✓" : "?") : (c.isResolved ? "+" : "?")
    let word: String
    switch c.resolution {
    case .none: word = l.pick("pendiente", "pending")
    case .mine: word = l.pick("mío", "mine")
    case .theirs: word = l.pick("otro", "theirs")
    case .value: word = l.pick("editado", "edited")
    }
    return "\(mark) \(word)"
  }

  static func list(
    _ state: MergeResolverState, theme: Theme, top: Int, rows: Int, width: Int, into screen: inout ScreenBuffer
  ) {
    let l = state.language
    let conflicts = state.conflicts
    guard !conflicts.isEmpty else {
      screen.write(l.pick("  Sin conflictos: Enter aplica la fusión.", "  No conflicts: Enter applies the merge."), x: 0, y: top, maxWidth: width)
      return
    }
    // The stored scroll follows the selection; clamp again in case the size changed since.
    var first = min(max(0, state.scroll), max(0, conflicts.count - rows))
    if state.selected < first { first = state.selected }
    if state.selected >= first + rows { first = state.selected - rows + 1 }
    let columns = listColumns(width)
    for row in 0..<rows {
      let index = first + row
      guard conflicts.indices.contains(index) else { break }
      let c = conflicts[index]
      let isSelected = index == state.selected
      let pointer = isSelected ? (theme.useUnicode ? "▶ " : "> ") : "  "
      let more: String
      if row == 0, first > 0 {
        more = theme.useUnicode ? "↑" : "^"
      } else if row == rows - 1, index < conflicts.count - 1 {
        more = theme.useUnicode ? "↓" : "v"
      } else {
        more = " "
      }
      let line =
        pointer + "\(index + 1).".padded(toWidth: 3, alignment: .right) + " "
        + MergePathText.readable(c.path, l).truncated(toWidth: columns.path, ellipsis: ellipsis(theme)).padded(toWidth: columns.path) + " "
        + MergePathText.shortKind(c.kind, l).padded(toWidth: columns.kind) + " "
        + choiceText(c, l, theme).padded(toWidth: columns.choice)
      var style: CellStyle = c.isResolved ? .plain : theme.label
      if isSelected { style = theme.selected }
      screen.write(line.padded(toWidth: width - 1), x: 0, y: top + row, style: style, maxWidth: width - 1)
      screen.write(more, x: width - 1, y: top + row, style: theme.dim, maxWidth: 1)
    }
  }

  static func detail(_ state: MergeResolverState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    guard let c = state.selectedConflict, area.height >= 3 else {
      if area.height >= 2 { Box.draw(area, title: "", style: .plain, theme: theme, into: &screen) }
      return
    }
    Box.draw(area, title: MergePathText.readable(c.path, l), style: .plain, theme: theme, into: &screen)
    let inner = area.inset(top: 1, left: 2, bottom: 1, right: 2)
    var y = inner.y
    let w = inner.width
    func line(_ text: String, _ style: CellStyle = .plain, x: Int = 0) {
      guard y < inner.maxY else { return }
      screen.write(text, x: inner.x + x, y: y, style: style, maxWidth: w - x)
      y += 1
    }

    let kind = c.kindText(l)
    let name = MergePathText.itemName(c.path, in: state.result).map {
      "«" + $0.truncated(toWidth: max(3, w - kind.displayWidth - 5), ellipsis: ellipsis(theme)) + "» · "
    } ?? ""
    line(name + kind, theme.label)
    line(c.path.description, theme.dim)

    // Values: base, mine, theirs and an edited value, each wrapped into the rows left.
    let labels = [l.pick("base", "base"), l.pick("mío", "mine"), l.pick("otro", "theirs"), l.pick("editado", "edited")]
    let labelWidth = (labels.map(\.displayWidth).max() ?? 6) + 1
    var edited: MergeValue?
    if case .value(let v) = c.resolution { edited = v }
    var rows: [(mark: String, label: String, value: String, note: String, chosen: Bool)] = []
    let chosenWord = theme.useUnicode ? l.pick("← elegido", "← chosen") : l.pick("<- elegido", "<- chosen")
    let on = theme.useUnicode ? "●" : "*"
    let off = theme.useUnicode ? "○" : "-"
    rows.append((" ", labels[0], state.result.isThreeWay ? c.text(c.base, l, limit: nil) : l.pick("(sin base)", "(no base)"), "", false))
    rows.append((c.resolution == .mine ? on : off, labels[1], c.text(c.mine, l, limit: nil), state.mineName, c.resolution == .mine))
    rows.append((c.resolution == .theirs ? on : off, labels[2], c.text(c.theirs, l, limit: nil), state.theirsName, c.resolution == .theirs))
    if let edited { rows.append((on, labels[3], c.text(edited, l, limit: nil), "", true)) }

    let editing: MergeEditField? = {
      if case .editing(let f) = state.mode { return f }
      return nil
    }()
    let reserved = 1 + (editing != nil ? 3 : 1)
    let spare = max(0, inner.maxY - y - reserved)
    let perValue = max(1, min(4, spare / max(1, rows.count)))
    let valueX = 2 + labelWidth + 2
    let valueWidth = max(4, w - valueX)
    let separator = theme.useUnicode ? "│" : "|"
    for row in rows {
      guard y < inner.maxY else { break }
      let suffix = row.chosen ? "  " + chosenWord : (row.note.isEmpty ? "" : "  (\(row.note))")
      var wrapped = TextWrap.lines(row.value, width: valueWidth)
      if wrapped.isEmpty { wrapped = [""] }
      if wrapped.count > perValue {
        wrapped = Array(wrapped.prefix(perValue))
        wrapped[perValue - 1] = (wrapped[perValue - 1] + " " + ellipsis(theme)).truncated(toWidth: valueWidth, ellipsis: ellipsis(theme))
      }
      let style: CellStyle = row.chosen ? theme.label : .plain
      for (i, text) in wrapped.enumerated() {
        guard y < inner.maxY else { break }
        if i == 0 {
          screen.write(row.mark, x: inner.x, y: y, style: style, maxWidth: 1)
          screen.write(row.label.padded(toWidth: labelWidth) + separator, x: inner.x + 2, y: y, style: style, maxWidth: w - 2)
        } else {
          screen.write(String(repeating: " ", count: labelWidth) + separator, x: inner.x + 2, y: y, maxWidth: w - 2)
        }
        let advanced = screen.write(" " + text, x: inner.x + valueX - 1, y: y, style: style, maxWidth: w - valueX + 1)
        if i == wrapped.count - 1, !suffix.isEmpty {
          screen.write(suffix, x: inner.x + valueX - 1 + advanced, y: y, style: row.chosen ? theme.key : theme.dim, maxWidth: max(0, w - valueX + 1 - advanced))
        }
        y += 1
      }
    }

    if y < inner.maxY - reserved { y += 1 }
    if let field = editing {
      let prompt = l.pick("Valor nuevo: ", "New value: ")
      guard y < inner.maxY else { return }
      screen.write(prompt, x: inner.x, y: y, style: theme.label, maxWidth: w)
      let fieldX = inner.x + prompt.displayWidth
      let fieldWidth = max(1, inner.maxX - fieldX)
      drawField(field, x: fieldX, y: y, width: fieldWidth, theme: theme, into: &screen)
      y += 1
      line(MergeValueInput.hint(c, l) + " · " + l.pick("Enter acepta · Esc cancela", "Enter accepts · Esc cancels"), theme.dim)
      if let error = field.error { line((theme.useUnicode ? "✗ " : "x ") + error, theme.error) }
    } else {
      let status: String
      switch c.resolution {
      case .none:
        status = l.pick("Pendiente: m conserva mío · t toma otro · e escribe otro valor", "Pending: m keeps mine · t takes theirs · e types a value")
      case .mine: status = l.pick("Resuelto: mío", "Resolved: mine")
      case .theirs: status = l.pick("Resuelto: otro", "Resolved: theirs")
      case .value: status = l.pick("Resuelto: valor editado", "Resolved: edited value")
      }
      line(status, c.isResolved ? .plain : theme.label)
    }
  }

  /// The input line: the text around the cursor, the cursor cell in the opposite video.
  static func drawField(
    _ field: MergeEditField, x: Int, y: Int, width: Int, theme: Theme, into screen: inout ScreenBuffer
  ) {
    let style = theme.focusedField
    var cursorStyle = style
    cursorStyle.reverse.toggle()
    cursorStyle.underline = true
    screen.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
    let characters = Array(field.text)
    let cursor = min(max(0, field.cursor), characters.count)
    // Keep the cursor in view: drop characters from the left while the text before it is too wide.
    var start = 0
    var before = String(characters[0..<cursor]).displayWidth
    while before > width - 1, start < cursor {
      before -= DisplayWidth.of(characters[start])
      start += 1
    }
    let visible = String(characters[start...])
    screen.write(visible, x: x, y: y, style: style, maxWidth: width)
    let cursorChar = cursor < characters.count ? String(characters[cursor]) : " "
    screen.write(cursorChar, x: x + before, y: y, style: cursorStyle, maxWidth: max(0, width - before))
  }

  static func help(_ state: MergeResolverState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    guard area.height >= 3 else { return }
    Box.draw(area, title: l.pick("Ayuda: resolver conflictos", "Help: resolving conflicts"), style: .plain, theme: theme, into: &screen)
    let inner = area.inset(top: 1, left: 2, bottom: 1, right: 2)
    var lines: [(String, String)] = []
    for b in MergeResolverKeys.bindings where !b.helpText(l).isEmpty {
      lines.append((theme.useUnicode ? b.label : b.asciiLabel, b.helpText(l)))
    }
    let arrows = theme.useUnicode ? "←→" : "left/right"
    lines.append((l.pick("Editar", "Editing"), l.pick("Enter acepta · Esc cancela · \(arrows) mueve · Ctrl-U borra", "Enter accepts · Esc cancels · \(arrows) move · Ctrl-U clears")))
    let legend =
      theme.useUnicode
      ? l.pick("✓ resuelto · ? pendiente · ● elegido · ○ no elegido", "✓ resolved · ? pending · ● chosen · ○ not chosen")
      : l.pick("+ resuelto · ? pendiente · * elegido · - no elegido", "+ resolved · ? pending · * chosen · - not chosen")
    lines.append((l.pick("Marcas", "Marks"), legend))
    for (i, entry) in lines.enumerated() where i < inner.height {
      screen.write(entry.0.padded(toWidth: 8), x: inner.x, y: inner.y + i, style: theme.key, maxWidth: inner.width)
      screen.write(entry.1, x: inner.x + 9, y: inner.y + i, maxWidth: max(0, inner.width - 9))
    }
  }

  static func footer(_ state: MergeResolverState, theme: Theme, width: Int, into screen: inout ScreenBuffer) {
    let l = state.language
    let y = state.size.height - footerRows
    switch state.mode {
    case .confirmingCancel:
      let n = state.resolvedCount
      screen.write(
        l.pick(
          "¿Cancelar la fusión? Se pierde\(n == 1 ? "" : "n") \(n) decisi\(n == 1 ? "ón" : "ones") y no se escribe nada.  s sí · n no",
          "Cancel the merge? \(n) decision\(n == 1 ? "" : "s") will be lost and nothing is written.  y yes · n no"),
        x: 1, y: y, style: theme.error, maxWidth: width - 1)
    default:
      if let notice = state.notice {
        let mark = notice.isError ? (theme.useUnicode ? "✗ " : "x ") : (theme.useUnicode ? "✓ " : "+ ")
        screen.write(mark + notice.text, x: 1, y: y, style: notice.isError ? theme.error : theme.success, maxWidth: width - 1)
      } else if state.pendingCount > 0 {
        screen.write(
          l.pick("Pendientes: \(state.pendingCount) · Enter aplica cuando no quede ninguno", "Pending: \(state.pendingCount) · Enter applies once none is left"),
          x: 1, y: y, style: theme.dim, maxWidth: width - 1)
      } else {
        screen.write(
          l.pick("Todo resuelto: Enter aplica la fusión y escribe el archivo", "All resolved: Enter applies the merge and writes the file"),
          x: 1, y: y, style: theme.success, maxWidth: width - 1)
      }
    }
    var keys: [(String, String)] = []
    if case .editing = state.mode {
      keys = [
        ("Enter", l.pick("aceptar", "accept")), ("Esc", l.pick("cancelar", "cancel")),
        (theme.useUnicode ? "←→" : "left/right", l.pick("mover", "move")), ("Ctrl-U", l.pick("borrar", "clear")),
      ]
    } else {
      for b in MergeResolverKeys.bindings {
        guard let word = b.footerText(l) else { continue }
        keys.append((b.footerLabel ?? (theme.useUnicode ? b.label : b.asciiLabel), word))
      }
    }
    // Two spaces between entries when they fit, else one.
    let total = keys.reduce(0) { $0 + $1.0.displayWidth + 1 + $1.1.displayWidth + 2 } - 2
    let gap = total <= width ? 2 : 1
    var x = 0
    for (key, word) in keys {
      guard x < width else { break }
      x += screen.write(key, x: x, y: y + 1, style: theme.key, maxWidth: width - x)
      x += screen.write(" " + word, x: x, y: y + 1, maxWidth: max(0, width - x)) + gap
    }
  }
}
