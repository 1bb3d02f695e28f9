import TableroCore

/// Keys while a dialog is open: forms, and the quit and remove confirmations.
extension AppState {
  mutating func handleModalKey(_ key: Key, modal: Modal) -> [Effect] {
    switch modal {
    case .confirmQuit:
      switch key {
      case .character("g"), .character("s"), .character("G"), .character("S"):
        closeModal()
        quitAfterSave = true
        return requestSave()
      case .character("d"), .character("D"):
        return [.quitDiscarding]
      case .escape, .character("c"), .character("n"), .character("q"):
        closeModal()
        message = nil
      default:
        break
      }
      return []
    case .confirmRemove(let impact):
      switch key {
      case .character("s"), .character("y"), .character("S"), .character("Y"), .enter:
        closeModal()
        apply(language.pick("eliminar ", "remove ") + impact.id, .remove(id: impact.id))
      case .escape, .character("n"), .character("N"):
        closeModal()
        message = StatusMessage(language.pick("No se eliminó nada.", "Nothing was removed."))
      default:
        break
      }
      return []
    case .recovery(var prompt):
      switch key {
      case .character("a"), .character("A"):
        closeModal()
        return [.applyRecovery]
      case .character("v"), .character("V"):
        prompt.showsEntries.toggle()
        prompt.entryOffset = 0
        self.modal = .recovery(prompt)
      case let key where prompt.showsEntries && RecoveryEntries.page(prompt, state: self).scrolled(by: key) != nil:
        prompt.entryOffset = RecoveryEntries.page(prompt, state: self).scrolled(by: key) ?? prompt.entryOffset
        self.modal = .recovery(prompt)
      case .character("d"), .character("D"):
        closeModal()
        return [.discardRecovery]
      case .escape, .character("l"), .character("L"):
        closeModal()
        config.readOnly = true
        message = StatusMessage(language.pick(
          "El diario sigue pendiente: solo lectura; tablero recover lo aplica o descarta.",
          "The journal is still pending: read-only; tablero recover applies or discards it."))
      default:
        break
      }
      return []
    case .resolver(var resolver):
      switch update(&resolver, with: key) {
      case nil:
        self.modal = .resolver(resolver)
      case .apply(let result):
        closeModal()
        isSaving = true
        savingRevision = history.revision
        message = StatusMessage(language.pick("Guardando...", "Saving..."))
        return [.saveResolved(result)]
      case .cancel:
        quitAfterSave = false
        keepChangesUnsaved()
      }
      return []
    case .writeProtected:
      switch key {
      case .character("s"), .character("S"):
        closeModal()
        isSaving = true
        savingRevision = history.revision
        return [.saveOverProtection(portfolio)]
      case .character("c"), .character("C"):
        openSaveCopyForm()
      case .escape, .character("n"), .character("N"):
        keepChangesUnsaved()
      default:
        break
      }
      return []
    case .lines(let title, let lines, let offset):
      if key == .escape || key == .enter || key == .character("q") {
        closeModal()
      } else if let moved = LinesPage(lines, state: self, offset: offset).scrolled(by: key) {
        self.modal = .lines(title: title, lines: lines, offset: moved)
      }
      return []
    case .form(var form):
      // An open pick list takes ↑/↓/Esc, and Enter takes its highlighted entry first.
      if var pick = form.showingPick {
        switch key {
        case .up, .down, .pageUp, .pageDown:
          pick.move(by: key == .up ? -1 : key == .down ? 1 : key == .pageUp ? -PickListState.maxRows : PickListState.maxRows)
          form.fields[form.focus].pick = pick
          self.modal = .form(form)
          return []
        case .escape:
          form.fields[form.focus].pick?.isOpen = false
          self.modal = .form(form)
          return []
        case .enter:
          if let entry = pick.highlighted {
            form.fields[form.focus].text = entry.value
            form.fields[form.focus].cursor = entry.value.count
            form.fields[form.focus].isPristine = false
          }
          form.fields[form.focus].pick?.isOpen = false
        case .tab, .backTab:
          form.fields[form.focus].pick?.isOpen = false
        default:
          break
        }
      }
      switch key {
      case .escape:
        closeModal()
        message = StatusMessage(language.pick("Cancelado.", "Cancelled."))
        return []
      case .enter:
        if let problem = validate(form) {
          form.problem = problem
          self.modal = .form(form)
        } else if form.focus < form.fields.count - 1, form.fields.count > 2, form.fields[form.focus].kind != .percent {
          form.focus += 1
          self.modal = .form(form)
        } else {
          closeModal()
          if !submit(form) { self.modal = .form(form) }
        }
        return []
      case .down where form.fields.count == 1 && form.fields[0].pick != nil:
        // A one-field form has no next field: ↓ opens its list (all entries while untouched).
        let typed = form.fields[0].isPristine ? "" : form.fields[0].text
        if let source = form.fields[0].pick?.source { form.fields[0].pick?.refilter(pickEntries(source), query: typed) }
      case .tab, .down:
        form.focus = (form.focus + 1) % max(1, form.fields.count)
      case .backTab, .up:
        form.focus = (form.focus + max(1, form.fields.count) - 1) % max(1, form.fields.count)
      case .left: form.moveCursor(by: -1)
      case .right: form.moveCursor(by: 1)
      case .home, .control("a"): form.moveCursorToEdge(end: false)
      case .end, .control("e"): form.moveCursorToEdge(end: true)
      case .backspace:
        form.deleteBackward()
        refilterPick(&form)
      case .delete:
        form.deleteForward()
        refilterPick(&form)
      case .control("u"):
        form.clearField()
        refilterPick(&form)
      case .character(let c):
        // Control characters never enter the data; everything printable does, as typed.
        guard !c.unicodeScalars.contains(where: TerminalText.isControl) else { return [] }
        form.insert(c)
        refilterPick(&form)
      default:
        return []
      }
      form.problem = validate(form)
      self.modal = .form(form)
      return []
    }
  }

  mutating func closeModal() { modal = nil }
}

extension AppState {
  /// After a refused save: offer to write the session's state to another file.
  mutating func openSaveCopyForm() {
    closeModal()
    modal = .form(
      FormState(
        purpose: .saveCopy, title: language.pick("Guardar una copia", "Save a copy"),
        fields: [FormField(language.pick("Archivo", "File"), .requiredText, config.filePath + ".copia.json")]))
  }

  /// After a refused save the user chose not to save: nothing is lost, say so.
  mutating func keepChangesUnsaved() {
    closeModal()
    message = StatusMessage(
      language.pick("No se guardó; los cambios siguen en la sesión.", "Not saved; the changes stay in the session."))
  }
}
