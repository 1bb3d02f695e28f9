import TableroCore

/// The key bar's entries for what is on screen: the view, the open dialog, search, the
/// presentation. Lists only keys that work there ("Intro aceptar" only where Enter accepts);
/// each dialog's keys mirror its own handler in Update+Modal (issue 9).
enum KeyHints {
  typealias Entry = (key: String, words: String)

  static func entries(_ state: AppState) -> [Entry] {
    let l = state.language
    if state.search.isTyping {
      return [("Intro", l.pick("ir", "go")), ("Esc", l.pick("cancelar", "cancel"))]
    }
    if let modal = state.modal { return dialog(modal, state: state) }
    if state.presentation != nil {
      return [
        ("← →", l.pick("imperativo", "imperative")), ("↑ ↓", l.pick("componente", "component")),
        ("L", state.config.readOnly ? l.pick("desbloquear", "unlock") : l.pick("bloquear", "lock")),
        ("Esc", l.pick("salir", "leave")), ("q", l.pick("terminar", "quit")),
      ]
    }
    switch state.view {
    case .agreements: return agreements(state)
    case .indicators: return indicators(state)
    case .help: return [("↑ ↓", l.pick("desplazar", "scroll")), ("Esc", l.pick("volver", "back")), ("q", l.pick("salir", "quit"))]
    case .dashboard, .tree, .timeline: return list(state)
    }
  }

  static func dialog(_ modal: Modal, state: AppState) -> [Entry] {
    let l = state.language
    switch modal {
    case .form(let form):
      if form.showingPick != nil {
        return [
          ("↑ ↓", l.pick("elegir", "choose")), ("Intro", l.pick("tomar", "take")), ("Tab", l.pick("campo", "field")),
          ("Esc", l.pick("cerrar lista", "close list")),
        ]
      }
      var out: [Entry] = []
      if form.fields.count > 1 { out.append(("Tab", l.pick("campo", "field"))) }
      // Enter moves to the next field in long forms (see handleModalKey) and accepts on the last.
      let advances = form.focus < form.fields.count - 1 && form.fields.count > 2 && form.fields[form.focus].kind != .percent
      out.append(("Intro", advances ? l.pick("siguiente", "next") : l.pick("aceptar", "accept")))
      out.append(("^U", l.pick("borrar", "clear")))
      out.append(("Esc", l.pick("cancelar", "cancel")))
      return out
    case .confirmQuit:
      return [
        (l.pick("g", "s"), l.pick("guardar y salir", "save and quit")), ("d", l.pick("descartar y salir", "discard and quit")),
        ("Esc", l.pick("seguir aquí", "stay")),
      ]
    case .confirmRemove:
      return [(l.pick("s", "y"), l.pick("sí, eliminar", "yes, remove")), ("n Esc", l.pick("no", "no"))]
    case .recovery(let prompt):
      return [
        ("a", l.pick("aplicar", "apply")), ("v", prompt.showsEntries ? l.pick("ocultar", "hide") : l.pick("ver", "show")),
        ("d", l.pick("descartar", "discard")), ("Esc", l.pick("después", "later")),
      ]
    case .resolver:
      return []
    case .writeProtected:
      return [
        ("s", l.pick("guardar de todos modos", "save anyway")), ("c", l.pick("copia", "copy")),
        ("Esc", l.pick("cancelar", "cancel")),
      ]
    case .lines:
      return [("Esc", l.pick("cerrar", "close"))]
    }
  }

  /// Least needed first: a narrow bar drops from the front.
  static func agreements(_ state: AppState) -> [Entry] {
    let l = state.language
    var out: [Entry] = [("i", l.pick("por elemento", "by item")), ("o", l.pick("abiertos", "open"))]
    if !state.config.readOnly {
      out += [("a", l.pick("nuevo", "new")), ("e", l.pick("avance", "progress")), ("c", l.pick("concluir", "conclude"))]
    }
    out += [("m", l.pick("míos", "mine")), ("v", l.pick("vencidos", "overdue")), ("?", l.pick("ayuda", "help")), ("q", l.pick("salir", "quit"))]
    return out
  }

  static func indicators(_ state: AppState) -> [Entry] {
    let l = state.language
    var out: [Entry] = [("Intro", l.pick("detalle", "detail"))]
    if !state.config.readOnly { out.append(("e", l.pick("medición", "measurement"))) }
    out += [("f", l.pick("filtro", "filter")), ("F", l.pick("quitar filtro", "clear filter")), ("]", l.pick("rojo sig.", "next red")), ("?", l.pick("ayuda", "help")), ("q", l.pick("salir", "quit"))]
    return out
  }

  static func list(_ state: AppState) -> [Entry] {
    let l = state.language
    var out: [Entry] = []
    if state.view == .dashboard, state.drillComponent != nil { out.append(("Esc", l.pick("volver", "back"))) }
    // Help and quit last, so they stay visible on the narrowest screen.
    let order = KeyBinding.all.filter { $0.footerViews.contains(state.view) }
    let last: [Action] = [.show(.help), .quit]
    let sorted = order.filter { !last.contains($0.action) } + order.filter { last.contains($0.action) }
    for binding in sorted {
      if binding.edits, state.config.readOnly { continue }
      // Saving with nothing to save only says so: leave it out until there is.
      if binding.action == .save, !state.isDirty { continue }
      out.append((binding.keyLabel.split(separator: " ").first.map(String.init) ?? binding.keyLabel, FooterView.shortHelp(binding.action, l)))
    }
    return out
  }
}
