import TableroCore

/// Dialogs drawn over the view: forms with their live validation, and confirmations.
enum ModalView {
  static func render(_ modal: Modal, state: AppState, theme: Theme, into screen: inout ScreenBuffer) {
    let l = state.language
    switch modal {
    case .confirmQuit:
      confirm(
        title: l.pick("Cambios sin guardar", "Unsaved changes"),
        lines: [l.pick("Hay cambios sin guardar en ", "There are unsaved changes in ") + (state.config.filePath.isEmpty ? "—" : state.config.filePath)],
        options: l.pick("g guardar y salir · d descartar y salir · Esc seguir aquí", "s save and quit · d discard and quit · Esc stay"),
        state: state, theme: theme, into: &screen)
    case .confirmRemove(let impact):
      confirm(
        title: l.pick("Eliminar ", "Remove ") + impact.id, lines: impact.lines(l),
        options: l.pick("s sí, eliminar · n no", "y yes, remove · n no"), state: state, theme: theme, into: &screen)
    case .form(let form):
      renderForm(form, state: state, theme: theme, into: &screen)
    case .recovery(let prompt):
      let title = l.pick("Cambios sin guardar de una sesión anterior", "Unsaved changes from an earlier session")
      if prompt.showsEntries {
        let page = RecoveryEntries.page(prompt, state: state)
        confirm(
          title: title, lines: page.visible, options: RecoveryEntries.options(prompt, page: page, l), state: state, theme: theme,
          into: &screen, wrap: false)
      } else {
        confirm(title: title, lines: [prompt.summary], options: RecoveryEntries.options(prompt, page: nil, l), state: state, theme: theme, into: &screen)
      }
    case .writeProtected(let text):
      confirm(
        title: l.pick("Archivo protegido contra escritura", "Write-protected file"),
        lines: [text],
        options: l.pick(
          "s guardar de todos modos (conserva los permisos) · c guardar copia · Esc cancelar",
          "s save anyway (keeps the permissions) · c save a copy · Esc cancel"),
        state: state, theme: theme, into: &screen)
    case .lines(let title, let lines, let offset):
      let page = LinesPage(lines, state: state, offset: offset)
      confirm(title: title, lines: page.visible, options: page.options(l), state: state, theme: theme, into: &screen, wrap: false)
    case .resolver(let resolver):
      MergeResolverView.render(resolver, into: &screen)
    }
  }

  static func dialogRect(height: Int, state: AppState) -> Rect {
    let width = min(state.size.width - 4, max(60, state.size.width * 2 / 3))
    let h = min(state.size.height - 2, height)
    return Rect(x: (state.size.width - width) / 2, y: max(1, (state.size.height - h) / 2), width: width, height: h)
  }

  /// Columns of text inside a dialog.
  static func innerWidth(_ state: AppState) -> Int { min(state.size.width - 4, max(60, state.size.width * 2 / 3)) - 4 }

  static func confirm(
    title: String, lines: [String], options: String, state: AppState, theme: Theme, into screen: inout ScreenBuffer, wrap: Bool = true
  ) {
    let width = innerWidth(state)
    let wrapped = wrap ? lines.flatMap { TextWrap.lines($0, width: width) } : lines
    // The choices wrap too: at 80 columns a long list of options must not lose its end.
    let choices = TextWrap.lines(options, width: width)
    let rect = dialogRect(height: wrapped.count + choices.count + 4, state: state)
    Box.draw(rect, title: title, style: theme.dialog, theme: theme, into: &screen)
    let room = max(0, rect.height - 3 - choices.count)
    for (i, line) in wrapped.prefix(room).enumerated() {
      screen.write(line, x: rect.x + 2, y: rect.y + 2 + i, style: theme.dialog, maxWidth: rect.width - 4)
    }
    var bold = theme.dialog
    bold.bold = true
    for (i, line) in choices.enumerated() {
      screen.write(line, x: rect.x + 2, y: rect.maxY - 1 - choices.count + i, style: bold, maxWidth: rect.width - 4)
    }
  }

  static func renderForm(_ form: FormState, state: AppState, theme: Theme, into screen: inout ScreenBuffer) {
    let l = state.language
    let width = min(state.size.width - 4, max(60, state.size.width * 2 / 3))
    let inner = width - 4
    let context = form.context.flatMap { TextWrap.lines($0, width: inner) }.prefix(max(0, state.size.height - form.fields.count * 2 - 8))
    let base = context.count + form.fields.count * 2 + 6
    // An open pick list grows the dialog as far as the screen allows, then covers later fields.
    let wanted = form.showingPick.map { min(PickListState.maxRows, $0.matches.count) } ?? 0
    let height = base + max(0, min(wanted, state.size.height - 2 - base))
    let rect = dialogRect(height: height, state: state)
    var pickAt: (y: Int, pick: PickListState)?
    Box.draw(rect, title: form.title, style: theme.dialog, theme: theme, into: &screen)
    var y = rect.y + 1
    for line in context {
      screen.write(line, x: rect.x + 2, y: y, style: theme.dialog, maxWidth: inner)
      y += 1
    }
    if !context.isEmpty { y += 1 }
    for (i, field) in form.fields.enumerated() where y < rect.maxY - 3 {
      var labelStyle = theme.dialog
      labelStyle.bold = i == form.focus
      screen.write(field.label, x: rect.x + 2, y: y, style: labelStyle, maxWidth: inner)
      y += 1
      let style = i == form.focus ? theme.focusedField : theme.field
      screen.fill(Rect(x: rect.x + 2, y: y, width: inner, height: 1), style: style)
      // Scroll long text so the cursor stays visible: walk back from the cursor once (linear
      // in the text; a field with pages of notes must not cost a second per key).
      let chars = Array(field.text)
      let cursor = min(field.cursor, chars.count)
      var start = cursor
      var beforeCursor = 0
      while start > 0 {
        let w = DisplayWidth.of(chars[start - 1])
        if beforeCursor + w > inner - 1 { break }
        beforeCursor += w
        start -= 1
      }
      let visible = String(chars[start..<min(chars.count, start + inner)])
      screen.write(visible, x: rect.x + 2, y: y, style: style, maxWidth: inner)
      if i == form.focus {
        let cursorX = rect.x + 2 + beforeCursor
        let under = cursor < chars.count ? String(chars[cursor]) : " "
        var cursorStyle = style
        cursorStyle.reverse.toggle()
        cursorStyle.underline = true
        screen.write(under, x: cursorX, y: y, style: cursorStyle, maxWidth: 2)
        if let pick = form.showingPick { pickAt = (y + 1, pick) }
      }
      y += 1
    }
    let problemRow = rect.maxY - 2
    if let (top, pick) = pickAt {
      let rows = min(wanted, max(0, problemRow - 1 - top))
      PickListView.draw(pick, x: rect.x + 2, y: top, width: inner, rows: rows, theme: theme, into: &screen)
      screen.write(
        l.pick("↑↓ elige · Intro toma · Esc cierra la lista", "↑↓ choose · Enter takes · Esc closes the list"), x: rect.x + 2, y: problemRow,
        style: theme.dialog, maxWidth: inner)
    } else if let problem = form.problem {
      var style = theme.dialog
      style.bold = true
      if theme.useColor { style.foreground = .yellow }
      screen.write("⚠ " + problem, x: rect.x + 2, y: problemRow, style: style, maxWidth: inner)
    } else {
      screen.write(l.pick("Intro acepta · Tab cambia de campo · Esc cancela", "Enter accepts · Tab next field · Esc cancels"), x: rect.x + 2, y: problemRow, style: theme.dialog, maxWidth: inner)
    }
  }
}
