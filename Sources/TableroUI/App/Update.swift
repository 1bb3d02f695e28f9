import TableroCore

/// One UI step: state + event → new state + effects. No clock, no disk, no terminal.
public func update(_ state: inout AppState, with event: Event) -> [Effect] {
  switch event {
  case .resized(let size):
    state.size = size
    if case .resolver(var resolver) = state.modal {
      resolver.size = size
      state.modal = .resolver(resolver)
    }
    state.refreshRows()
    return []
  case .saveFinished(let error):
    return state.saveFinished(error: error)
  case .interrupt:
    state.search.isTyping = false
    // Ctrl-C again at the quit question: leave, keeping the unsaved edits in the journal for
    // the next start (never discard on a reflex).
    if case .confirmQuit = state.modal { return [.quit] }
    state.modal = nil
    state.presentation = nil
    return state.requestQuit()
  case .idle:
    state.ownDocumentStorage()
    if state.searchIndex == nil { state.searchIndex = SearchIndex(state.portfolio) }
    if state.portfolioForecastIsStale, state.portfolioForecastFits { state.refreshPortfolioForecast() }
    _ = state.initiativeIndex  // built here rather than on the key that first needs it
    return []
  case .saveMerged(let incoming):
    return state.saveMerged(incoming)
  case .saveNeedsResolution(let result):
    state.openResolver(result)
    return []
  case .othersSaved(let incoming):
    state.takeIn(incoming)
    return []
  case .saveWriteProtected(let text):
    state.isSaving = false
    state.quitAfterSave = false
    state.modal = .writeProtected(message: text)
    return []
  case .documentReplaced(let portfolio, let saved, let message):
    state.replaceDocument(portfolio, saved: saved, message: message)
    return []
  case .historyAppended(let records):
    state.appendHistory(records)
    return []
  case .historyLoaded(let records):
    state.historyRecords = []
    state.appendHistory(records)
    return []
  case .accessChanged(let readOnly, let message):
    state.config.readOnly = readOnly
    state.message = StatusMessage(message, readOnly ? .info : .success)
    return []
  case .notice(let text, let isError):
    state.message = StatusMessage(text, isError ? .error : .info)
    return []
  case .recordFailed(let entry, let text):
    state.takeBack(entry, because: text)
    return []
  case .mouse(let mouse):
    state.handle(mouse)
    return []
  case .key(let key):
    let effects = state.handle(key)
    // Journal entries first: they must be on disk before anything else happens.
    let recorded = state.outbox
    state.outbox.removeAll()
    return recorded + effects
  }
}

extension AppState {
  /// The runner replaced the document (recovery applied, file reloaded): undo starts afresh.
  mutating func replaceDocument(_ newPortfolio: Portfolio, saved: Portfolio, message text: String) {
    portfolio = newPortfolio
    history.reset()
    isDirty = newPortfolio != saved
    savedRevision = isDirty ? -1 : history.revision
    timeline.setBounds(newPortfolio)
    portfolioChanged(structural: true)
    message = StatusMessage(text, .success)
  }

  mutating func appendHistory(_ records: [HistoryRecord]) {
    historyRecords += records
    progressHistory = ProgressHistory.from(historyRecords)
    invalidatePortfolioForecast()
  }
}

extension AppState {
  mutating func handle(_ key: Key) -> [Effect] {
    if search.isTyping { return handleSearchKey(key) }
    if let modal { return handleModalKey(key, modal: modal) }
    if presentation != nil { return handlePresentationKey(key) }
    if triage != nil, let effects = handleTriageKey(key) { return effects }
    if view == .agreements, let effects = handleAgreementKey(key) { return effects }
    if view == .indicators, let effects = handleIndicatorKey(key) { return effects }
    if view == .help, key == .escape || key == .backspace {
      view = lastListView
      return []
    }
    guard let binding = KeyBinding.byKey[key] else {
      if case .character(let c) = key {
        message = StatusMessage(language.pick("Tecla «\(c)» sin función; ? muestra la ayuda.", "Key «\(c)» does nothing; ? shows help."))
      }
      return []
    }
    if binding.edits, config.readOnly, binding.action != .undo {
      message = StatusMessage(language.pick("Solo lectura: no se permiten cambios.", "Read-only: changes are not allowed."), .error)
      return []
    }
    message = nil
    return perform(binding.action)
  }

  var lastListView: ViewID { lastList }

  mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .up: moveSelection(by: -1)
    case .down: moveSelection(by: 1)
    case .pageUp: moveSelection(by: -pageSize)
    case .pageDown: moveSelection(by: pageSize)
    case .top: moveSelection(to: 0)
    case .bottom: moveSelection(to: Int.max / 2)
    case .left: goLeft()
    case .right: goRight()
    case .open: openSelected()
    case .back: goBack()
    case .nextView: show(view.next)
    case .previousView: show(view.previous)
    case .show(let target): show(target)
    case .search: beginSearch()
    case .nextMatch: repeatSearch(backwards: false)
    case .previousMatch: repeatSearch(backwards: true)
    case .cycleStatusFilter:
      filter.cycleStatus()
      filterChanged()
    case .toggleQuickWins:
      filter.quickWinsOnly.toggle()
      filterChanged()
    case .cycleHorizon:
      filter.cycleHorizon()
      filterChanged()
    case .clearFilters:
      filter = ItemFilter()
      filterChanged()
    case .cycleSort:
      sort.key = sort.key.next
      refreshRows()
      message = StatusMessage(language.pick("Orden: ", "Sort: ") + sort.key.label(language))
    case .reverseSort:
      sort.descending.toggle()
      refreshRows()
    case .toggleDetail:
      showsDetail.toggle()
      refreshRows()
    case .editProgress: openProgressForm()
    case .editItem: openEditForm()
    case .addInitiative: openAddInitiativeForm()
    case .addComponent: openAddComponentForm()
    case .remove: askRemove()
    case .moveInitiative: openMoveForm()
    case .addMilestone: openMilestoneForm(.addMilestone(id: ""))
    case .milestoneDone: openMilestoneForm(.milestoneDone(id: ""))
    case .removeMilestone: openMilestoneForm(.removeMilestone(id: ""))
    case .memberWeight: openMemberWeightForm()
    case .reportDate: openReportDateForm()
    case .tolerance: openToleranceForm()
    case .zoomIn: zoom(finer: true)
    case .zoomOut: zoom(finer: false)
    case .jumpToReportDate: centerTimelineOnReportDate()
    case .save: return requestSave()
    case .undo: undo()
    case .redo: redo()
    case .quit: return requestQuit()
    case .present: startPresentation()
    case .toggleMeeting: toggleMeeting()
    case .compare: openCompareForm()
    case .newAgreement:
      if view != .agreements, let item = selectedItem { openAgreementForm(itemID: item.id) } else { openAgreementForm(itemID: nil) }
    case .nextAttention: jumpToAttention(forward: true)
    case .previousAttention: jumpToAttention(forward: false)
    case .triage: toggleTriage()
    case .scrollDetailDown: scrollDetail(by: max(1, bodyHeight / 2))
    case .scrollDetailUp: scrollDetail(by: -max(1, bodyHeight / 2))
    case .toggleChart:
      showsChart.toggle()
      if showsChart, view != .tree { show(.tree) }
    }
    return []
  }

  mutating func show(_ target: ViewID) {
    if target == .help, view != .help { lastList = view }
    view = target
    if target == .timeline, timeline.firstColumn == 0 { centerTimelineOnReportDate(quiet: true) }
  }

  mutating func filterChanged() {
    refreshRows()
    message = StatusMessage(language.pick("Filtro: ", "Filter: ") + filterDescription)
  }

  /// "rojos · impacto rápido · corto plazo", or "todos".
  public var filterDescription: String {
    let l = language
    var parts: [String] = []
    if let levels = filter.levels {
      let names: [StatusLevel: String] = [
        .majorDeviation: l.pick("rojos", "red"), .minorDeviation: l.pick("amarillos", "yellow"),
        .onTrack: l.pick("verdes", "green"), .notStarted: l.pick("no iniciados", "not started"),
        .noComponents: l.pick("sin componentes", "no components"),
      ]
      parts.append(levels.sorted { $0.severity > $1.severity }.compactMap { names[$0] }.joined(separator: l.pick(" y ", " and ")))
    }
    if filter.quickWinsOnly { parts.append(l.pick("impacto rápido", "quick wins")) }
    if let h = filter.horizon { parts.append(h.label(l).lowercased()) }
    return parts.isEmpty ? l.pick("todos", "all") : parts.joined(separator: " · ")
  }

  // MARK: Saving and quitting

  mutating func requestSave() -> [Effect] {
    guard !config.readOnly else { return [] }
    guard isDirty else {
      message = StatusMessage(language.pick("No hay cambios que guardar.", "No changes to save."))
      return []
    }
    isSaving = true
    savingRevision = history.revision
    message = StatusMessage(language.pick("Guardando...", "Saving..."))
    return [.save(portfolio)]
  }

  mutating func saveFinished(error: String?) -> [Effect] {
    isSaving = false
    if let error {
      quitAfterSave = false
      message = StatusMessage(language.pick("No se guardó: ", "Not saved: ") + error, .error)
      return []
    }
    isDirty = false
    savedRevision = savingRevision ?? history.revision
    savingRevision = nil
    changedByOthers = []
    message = StatusMessage(language.pick("Guardado en ", "Saved to ") + config.filePath, .success)
    if quitAfterSave { return [.quit] }
    return []
  }

  mutating func requestQuit() -> [Effect] {
    if isDirty, !config.readOnly {
      modal = .confirmQuit
      return []
    }
    return [.quit]
  }

  // MARK: Undo

  /// Applies an edit through the domain, recording it for undo and for the journal. Returns
  /// false (with the reason in the message line) when the domain refuses it.
  @discardableResult
  mutating func apply(_ label: String, _ edit: Edit) -> Bool {
    // Told before applying, from the portfolio as it was (names of removed items, old values).
    let told = describeBeforeApplying(edit)
    if let inverse = portfolio.inverse(of: edit), !edit.isBatch {
      // In place: single field edits change nothing when they throw.
      do { try portfolio.apply(edit) } catch {
        message = StatusMessage(error.message(language), .error)
        return false
      }
      history.record(edit, undo: .inverse(inverse), label: label)
    } else {
      var next = portfolio
      do { try next.apply(edit) } catch {
        message = StatusMessage(error.message(language), .error)
        return false
      }
      history.record(edit, undo: .snapshot(portfolio), label: label)
      portfolio = next
    }
    isDirty = history.revision != savedRevision
    outbox.append(.record(.edit(edit)))
    documentChanged(by: edit)
    message = StatusMessage(told, .success)
    return true
  }

  /// The edit in the user's words, naming items by id and name. Uses the UI's indexes so it
  /// costs no scan at 100k initiatives.
  func describeBeforeApplying(_ edit: Edit) -> String {
    let initiatives = initiativeIndex
    let components = componentIndex
    let imperatives = portfolio.imperatives
    return EditDescription(language, before: portfolio) { id in
      if let i = initiatives[id] { return .initiative(i) }
      if let c = components[id] { return .component(c) }
      return imperatives.firstIndex { $0.id == id }.map { .imperative($0) }
    }.describe(edit)
  }

  /// The item whose progress (and notes) an edit changes, when that is all it changes.
  static func progressOnlyTarget(_ edit: Edit) -> String? {
    switch edit {
    case .setProgress(let id, _, _, _): return id
    case .setNotes(let id, _): return id
    case .batch(let edits):
      let ids = Set(edits.compactMap { progressOnlyTarget($0) })
      return ids.count == 1 && edits.allSatisfy({ progressOnlyTarget($0) != nil }) ? ids.first : nil
    default: return nil
    }
  }

  /// Recomputes what an edit affects: one progress change updates its branch of the status
  /// only (and keeps the search index: ids and names did not change; at 100 000 initiatives
  /// dropping it freed 13 MB on the Enter key and rebuilt it for ≈ 100 ms in the next idle
  /// moment, in front of the next key); anything else recomputes everything.
  mutating func documentChanged(by edit: Edit) {
    if let id = Self.progressOnlyTarget(edit), StatusEngine().updateProgress(&status, in: portfolio, changed: id) {
      invalidatePortfolioForecast()
      refreshRows()
    } else {
      portfolioChanged(structural: edit.isStructural)
    }
  }

  /// Reverts a change the journal refused, without journalling the reversal: the screen shows
  /// only what a crash would keep.
  mutating func takeBack(_ entry: JournalEntry, because reason: String) {
    let before = outbox.count
    switch entry {
    case .edit:
      undo()
      history.dropRedo()
    case .undo: redo()
    case .redo: undo()
    }
    if outbox.count > before { outbox.removeSubrange(before...) }
    message = StatusMessage(
      language.pick("No se aplicó el cambio: ", "The change was not applied: ") + reason, .error)
  }

  mutating func undo() {
    guard var step = history.popUndo() else {
      message = StatusMessage(language.pick("Nada que deshacer.", "Nothing to undo."))
      return
    }
    switch step.undo {
    case .inverse(let inverse):
      // In place, step by step: a batch would copy the portfolio to stay all-or-nothing, and
      // an inverse computed from this very state cannot fail halfway.
      let parts: [Edit]
      if case .batch(let edits) = inverse { parts = edits } else { parts = [inverse] }
      do { for part in parts { try portfolio.apply(part) } } catch {
        // Cannot happen for an inverse computed from this very state; fall back loudly.
        message = StatusMessage(error.message(language), .error)
        return
      }
      documentChanged(by: inverse)
    case .snapshot(let before):
      step.undo = .snapshot(portfolio)
      portfolio = before
      portfolioChanged(structural: true)
    }
    history.pushRedo(step)
    isDirty = history.revision != savedRevision
    outbox.append(.record(.undo))
    message = StatusMessage(language.pick("Deshecho: ", "Undone: ") + step.label)
  }

  mutating func redo() {
    guard var step = history.popRedo() else {
      message = StatusMessage(language.pick("Nada que rehacer.", "Nothing to redo."))
      return
    }
    let before = portfolio
    if let inverse = portfolio.inverse(of: step.edit), !step.edit.isBatch {
      step.undo = .inverse(inverse)
    } else {
      step.undo = .snapshot(before)
    }
    do { try portfolio.apply(step.edit) } catch {
      message = StatusMessage(error.message(language), .error)
      return
    }
    documentChanged(by: step.edit)
    history.pushUndo(step)
    isDirty = history.revision != savedRevision
    outbox.append(.record(.redo))
    message = StatusMessage(language.pick("Rehecho: ", "Redone: ") + step.label)
  }
}
