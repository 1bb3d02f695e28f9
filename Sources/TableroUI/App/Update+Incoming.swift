import TableroCore

/// Others' saves coming into this session (issue 11): by polling while it is open, and merged
/// by its own save. Their changes replace what was on screen; this session's unsaved edits
/// stay on top; the items they changed are marked and the message line says who.
extension AppState {
  /// Polling found another session's save.
  mutating func takeIn(_ incoming: IncomingChanges) {
    adopt(incoming.portfolio, saved: incoming.saved)
    changedByOthers.formUnion(markedIDs(incoming))
    message = StatusMessage(incoming.pollMessage(language), incoming.conflicts.isEmpty ? .info : .error)
    appendHistory(incoming.records)
  }

  /// This session's save merged others' changes in and wrote the result.
  mutating func saveMerged(_ incoming: IncomingChanges) -> [Effect] {
    adopt(incoming.portfolio, saved: incoming.saved)
    isSaving = false
    savingRevision = nil
    changedByOthers = markedIDs(incoming)
    message = StatusMessage(incoming.saveMessage(language), .success)
    appendHistory(incoming.records)
    if quitAfterSave { return [.quit] }
    return []
  }

  /// A save found conflicting changes: the resolver takes the screen.
  mutating func openResolver(_ result: MergeResult) {
    isSaving = false
    savingRevision = nil
    let l = language
    modal = .resolver(MergeResolverState(
      result: result, mineName: l.pick("esta sesión", "this session"), theirsName: l.pick("guardado por otra sesión", "saved by another session"),
      language: l, useColor: config.useColor, useUnicode: config.useUnicode, size: size))
  }

  /// The items the others changed, and the components of their initiatives (so the mark shows
  /// at the dashboard's top level too).
  private func markedIDs(_ incoming: IncomingChanges) -> Set<String> {
    var ids = incoming.itemIDs
    for id in ids {
      if let i = initiativeIndex[id], portfolio.initiatives.indices.contains(i) { ids.insert(portfolio.initiatives[i].componentID) }
    }
    return ids
  }

  /// Shows `newPortfolio`, measured against `saved`. Undo keeps working unless a step would
  /// restore a whole earlier copy (that would quietly take the others' changes back).
  private mutating func adopt(_ newPortfolio: Portfolio, saved: Portfolio) {
    let changed = newPortfolio != portfolio
    portfolio = newPortfolio
    isDirty = newPortfolio != saved
    if changed, history.hasSnapshots {
      history.reset()
      savedRevision = isDirty ? -1 : history.revision
    } else if !isDirty {
      savedRevision = history.revision
    }
    // Otherwise the saved revision stays: undoing this session's edits (field by field) back
    // to it gives the file as the others left it.
    if changed {
      timeline.setBounds(newPortfolio)
      portfolioChanged(structural: true)
    }
  }
}
