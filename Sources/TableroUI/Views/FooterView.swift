import TableroCore

/// Three rows: why the selected item has its status; messages or the search prompt; keys.
enum FooterView {
  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    let messageRow = area.y + 1
    if let why = whyLine(state) {
      // Never cut mid-word: wrap onto the message row when it is free, else end the line at a
      // word with "…" (the detail pane of view 2 has the whole text).
      let wrapped = TextWrap.lines(why.text, width: area.width)
      let messageRowFree = state.message == nil && !state.search.isTyping
      var first = wrapped.first ?? ""
      if wrapped.count > 1, !messageRowFree {
        first = TextWrap.lines(why.text, width: max(1, area.width - 2)).first.map { $0 + " …" } ?? first
      }
      screen.write(first, x: area.x, y: area.y, style: theme.status(why.level), maxWidth: area.width)
      if wrapped.count > 1, messageRowFree {
        screen.write(wrapped.dropFirst().joined(separator: " "), x: area.x, y: messageRow, style: theme.status(why.level), maxWidth: area.width)
      }
    }
    if state.search.isTyping {
      let prompt = "/" + state.search.query
      let used = screen.write(prompt, x: area.x, y: messageRow, style: theme.key, maxWidth: area.width - 1)
      screen.write(" ", x: area.x + used, y: messageRow, style: theme.selected)
      if let message = state.message, message.kind == .error {
        screen.write("  " + message.text, x: area.x + used + 1, y: messageRow, style: theme.error, maxWidth: max(0, area.width - used - 1))
      } else {
        let hint = l.pick("  Intro acepta · Esc cancela", "  Enter accepts · Esc cancels")
        screen.write(hint, x: area.x + used + 1, y: messageRow, style: theme.dim, maxWidth: max(0, area.width - used - 1))
      }
    } else if let message = state.message {
      let style: CellStyle
      switch message.kind {
      case .info: style = .plain
      case .success: style = theme.success
      case .error: style = theme.error
      }
      // Wrapped, never cut: a long message (a path, a lock holder, a save error) grows upward
      // over the status line and, past it, over the bottom of the body (up to 6 rows).
      var lines = TextWrap.lines(message.text, width: max(1, area.width))
      let room = min(6, max(1, messageRow))
      if lines.count > room {
        lines = Array(lines.prefix(room))
        lines[room - 1] = lines[room - 1].truncated(toWidth: area.width, ellipsis: "…")
      }
      for (i, line) in lines.enumerated() {
        let y = messageRow - (lines.count - 1) + i
        screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: .plain)
        screen.write(line, x: area.x, y: y, style: style, maxWidth: area.width)
      }
    }
    keyBar(state, theme: theme, y: area.y + 2, x: area.x, width: area.width, into: &screen)
  }

  /// "ACMI-04 · esperado 100.0%, real 40.0%, desviación -60.0% — Desviación mayor al 30%"
  static func whyLine(_ state: AppState) -> (text: String, level: StatusLevel)? {
    guard let item = state.selectedItem else { return nil }
    let s: ItemStatus?
    switch item.kind {
    case .initiative: s = state.initiativeIndex[item.id].map { state.status.initiatives[$0] }
    case .component: s = state.componentIndex[item.id].map { state.status.components[$0] }
    case .imperative: s = state.portfolio.imperativeIndex(item.id).map { state.status.imperatives[$0] }
    }
    guard let s else { return nil }
    if s.level == .noComponents {
      return ("\(item.id) · " + state.language.pick("sin componentes", "no components"), s.level)
    }
    return ("\(item.id) · " + state.statusLine(s), s.level)
  }

  static func keyBar(_ state: AppState, theme: Theme, y: Int, x: Int, width: Int, into screen: inout ScreenBuffer) {
    var cursor = x
    let limit = x + width
    var entries: [(String, String)] = KeyHints.entries(state).map { ($0.key, $0.words) }
    func cost(_ e: (String, String)) -> Int { e.0.displayWidth + 1 + e.1.displayWidth + 2 }
    // Too long: drop from the front (after a leading "Esc volver"), keeping what matters most
    // at the end: save, help and quit.
    let firstDroppable = entries.first?.0 == "Esc" && entries.count > 3 ? 1 : 0
    while entries.count > firstDroppable + 2, entries.reduce(0, { $0 + cost($1) }) - 2 > width {
      entries.remove(at: firstDroppable)
    }
    for (key, words) in entries {
      if cursor + cost((key, words)) - 2 > limit { break }
      cursor += screen.write(key, x: cursor, y: y, style: theme.key)
      cursor += screen.write(" " + words + "  ", x: cursor, y: y)
    }
  }

  static func shortHelp(_ action: Action, _ l: Language) -> String {
    switch action {
    case .open: return l.pick("abrir", "open")
    case .show(.help): return l.pick("ayuda", "help")
    case .search: return l.pick("buscar", "search")
    case .cycleStatusFilter: return l.pick("filtro", "filter")
    case .editProgress: return l.pick("avance", "progress")
    case .save: return l.pick("guardar", "save")
    case .undo: return l.pick("deshacer", "undo")
    case .quit: return l.pick("salir", "quit")
    case .zoomIn: return l.pick("escala", "zoom")
    default: return ""
    }
  }
}
