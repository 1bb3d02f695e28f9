import TableroCore

/// One key in the conflict resolver. Returns nil to go on, `.apply` with the settled (and
/// validated) merge, or `.cancel`. No disk, no terminal: the runner writes.
public func update(_ state: inout MergeResolverState, with key: Key) -> MergeResolverOutcome? {
  let l = state.language
  switch state.mode {
  case .confirmingCancel:
    switch key {
    case .character("s"), .character("S"), .character("y"), .character("Y"), .enter:
      return .cancel
    default:
      state.mode = .browsing
      state.notice = .init(l.pick("Cancelación descartada: sigue la fusión.", "Not cancelled: the merge goes on."), isError: false)
      return nil
    }
  case .editing(var field):
    state.updateEditing(&field, key)
    return nil
  case .browsing:
    break
  }

  if state.showsHelp, key == .escape || key == .character("q") {
    state.showsHelp = false
    return nil
  }
  guard let action = MergeResolverKeys.action(for: key) else {
    state.notice = .init(l.pick("Tecla sin uso aquí; ? muestra la ayuda.", "Key not used here; ? shows the help."), isError: false)
    return nil
  }
  state.notice = nil
  switch action {
  case .up: state.select(state.selected - 1)
  case .down: state.select(state.selected + 1)
  case .first: state.select(0)
  case .last: state.select(state.conflicts.count - 1)
  case .takeMine: state.choose(.mine)
  case .takeTheirs: state.choose(.theirs)
  case .edit: state.startEditing()
  case .allMine: state.chooseAllPending(.mine)
  case .allTheirs: state.chooseAllPending(.theirs)
  case .help: state.showsHelp.toggle()
  case .apply: return state.apply()
  case .cancel:
    if state.resolvedCount == 0 { return .cancel }
    state.mode = .confirmingCancel
  }
  state.keepSelectionVisible()
  return nil
}

extension MergeResolverState {
  /// Rows the conflict list gets on screen (see `MergeResolverView`).
  var listRows: Int { MergeResolverView.listRows(size: size, count: conflicts.count) }

  mutating func select(_ index: Int) {
    selected = conflicts.isEmpty ? 0 : min(max(0, index), conflicts.count - 1)
    keepSelectionVisible()
  }

  mutating func keepSelectionVisible() {
    let rows = max(1, listRows)
    if selected < scroll { scroll = selected }
    if selected >= scroll + rows { scroll = selected - rows + 1 }
    scroll = max(0, min(scroll, max(0, conflicts.count - rows)))
  }

  /// After a re-run of the merge the conflict list may change (keeping a removed component
  /// brings its fields): stay on the same path when it is still there.
  mutating func reselect(_ path: MergePath) {
    select(conflicts.firstIndex { $0.path == path } ?? selected)
  }

  mutating func choose(_ side: MergeSide) {
    let l = language
    guard let c = selectedConflict else { return }
    do {
      try result.resolve(c.path, with: MergeResolution(side))
    } catch {
      notice = .init(error.describe(l), isError: true)
      return
    }
    reselect(c.path)
    let word = side == .mine ? l.pick("mío", "mine") : l.pick("otro", "theirs")
    notice = .init(
      "\(MergePathText.readable(c.path, l)): \(word) (\(c.text(c.value(of: side), l, limit: 40)))" + allResolvedNote, isError: false)
  }

  /// Appended to a notice when the last pending conflict was just settled.
  var allResolvedNote: String {
    pendingCount == 0 && !conflicts.isEmpty ? language.pick(" · Todo resuelto: Enter aplica", " · All resolved: Enter applies") : ""
  }

  mutating func chooseAllPending(_ side: MergeSide) {
    let l = language
    let pending = pendingCount
    let word = side == .mine ? l.pick("mío", "mine") : l.pick("otro", "theirs")
    let arrow = useUnicode ? "→" : "->"
    guard pending > 0 else {
      notice = .init(
        l.pick("No quedan pendientes; cambie uno con m / t / e.", "Nothing pending; change one with m / t / e."), isError: false)
      return
    }
    let path = selectedConflict?.path
    result.resolveAll(with: side)
    if let path { reselect(path) }
    notice = .init(
      l.pick(
        "\(pending) pendiente\(pending == 1 ? "" : "s") \(arrow) \(word) (las ya elegidas se conservan)",
        "\(pending) pending \(arrow) \(word) (choices already made are kept)") + allResolvedNote, isError: false)
  }

  mutating func startEditing() {
    let l = language
    guard let c = selectedConflict else { return }
    guard MergeValueInput.kind(of: c) != nil else {
      notice = .init(
        c.path.field == nil
          ? l.pick("Este conflicto es el elemento completo: elija m (mío) o t (otro).", "This conflict is the whole item: choose m (mine) or t (theirs).")
          : l.pick("Este campo no se escribe aquí: elija m (mío) o t (otro).", "This field cannot be typed here: choose m (mine) or t (theirs)."),
        isError: true)
      return
    }
    mode = .editing(MergeEditField(text: MergeValueInput.editableText(c.chosen, l)))
  }

  mutating func updateEditing(_ field: inout MergeEditField, _ key: Key) {
    let l = language
    switch key {
    case .escape, .control("c"):
      mode = .browsing
      notice = .init(l.pick("Edición cancelada.", "Edit cancelled."), isError: false)
      return
    case .enter:
      if commitEdit(&field) { return }
    case .backspace: field.backspace()
    case .delete: field.deleteForward()
    case .left: field.move(-1)
    case .right: field.move(1)
    case .home, .control("a"): field.move(-field.cursor)
    case .end, .control("e"): field.move(field.text.count)
    case .control("u"): field.clear()
    case .character(let c) where !c.isNewline && !c.unicodeScalars.contains(where: TerminalText.isControl):
      if field.text.count < 500 { field.insert(c) }
    default: break
    }
    mode = .editing(field)
  }

  /// Resolves the selected conflict with the typed value; false (and the reason in the field)
  /// when it does not fit the field or would make the merged portfolio invalid.
  mutating func commitEdit(_ field: inout MergeEditField) -> Bool {
    let l = language
    guard let c = selectedConflict else {
      mode = .browsing
      return true
    }
    guard let value = MergeValueInput.parse(field.text, for: c) else {
      field.error = l.pick("No corresponde al campo; se espera: ", "Does not fit the field; expected: ") + MergeValueInput.hint(c, l)
      return false
    }
    let before = result
    do {
      try result.resolve(c.path, with: .value(value))
    } catch {
      field.error = error.describe(l)
      return false
    }
    // A value of the right kind may still break a rule (avance over 100, end before start).
    let known = Set(before.validationIssues.filter { $0.severity == .error }.map { $0.describe(l) })
    if let new = result.validationIssues.first(where: { $0.severity == .error && !known.contains($0.describe(l)) }) {
      result = before
      field.error = new.describe(l)
      return false
    }
    reselect(c.path)
    mode = .browsing
    notice = .init(
      "\(MergePathText.readable(c.path, l)): " + l.pick("editado", "edited") + " (\(c.text(value, l, limit: 40)))" + allResolvedNote,
      isError: false)
    return true
  }

  mutating func apply() -> MergeResolverOutcome? {
    let l = language
    let pending = pendingCount
    if pending > 0 {
      if let first = conflicts.firstIndex(where: { !$0.isResolved }) { select(first) }
      notice = .init(
        l.pick(
          "Falta\(pending == 1 ? "" : "n") \(pending) conflicto\(pending == 1 ? "" : "s") por resolver (m / t / e, o M / T para todos).",
          "\(pending) conflict\(pending == 1 ? "" : "s") still to resolve (m / t / e, or M / T for all)."),
        isError: true)
      return nil
    }
    do {
      _ = try result.validated()
      return .apply(result)
    } catch {
      notice = .init(error.describe(l).split(separator: "\n").prefix(2).joined(separator: " "), isError: true)
      return nil
    }
  }
}
