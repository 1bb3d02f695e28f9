/// The edit that exactly undoes `edit` on this portfolio, for the field edits made most often
/// (progress above all). Undoing by an inverse instead of a whole snapshot means an edit of a
/// 100k-initiative portfolio neither copies nor keeps 100k initiatives. Nil where the undo
/// needs a snapshot (structure changes, batches, texts the edit normalises).
extension Portfolio {
  public func inverse(of edit: Edit) -> Edit? {
    switch edit {
    case .setProgress(let id, _, _, let day):
      if let i = initiativeIndex(id) {
        let x = initiatives[i]
        return .batch([.setProgress(id: id, value: x.actualProgress, note: nil, day: day), .setNotes(id: id, text: x.notes)])
      }
      if let c = componentIndex(id) { return .setProgress(id: id, value: components[c].actualProgress, note: nil, day: day) }
      return nil
    case .setReportDate: return .setReportDate(reportDate)
    case .setTolerance: return .setTolerance(tolerance)
    case .setNotes(let id, _): return initiativeIndex(id).map { .setNotes(id: id, text: initiatives[$0].notes) }
    case .setDates(let id, _, _):
      if let i = initiativeIndex(id) { return .setDates(id: id, start: initiatives[i].start, end: initiatives[i].end) }
      if let c = componentIndex(id) { return .setDates(id: id, start: components[c].start, end: components[c].end) }
      if let m = imperativeIndex(id) {
        return .setPlannedDates(id: id, start: imperatives[m].plannedStart, end: imperatives[m].plannedEnd)
      }
      return nil
    case .setPlannedDates(let id, _, _):
      return imperativeIndex(id).map { .setPlannedDates(id: id, start: imperatives[$0].plannedStart, end: imperatives[$0].plannedEnd) }
    case .setWeight(let id, _):
      if let i = initiativeIndex(id) { return .setWeight(id: id, value: initiatives[i].weight) }
      if let m = imperativeIndex(id) { return .setWeight(id: id, value: imperatives[m].weight) }
      return nil
    case .setMemberWeight(let imperative, let component, _):
      guard let m = imperativeIndex(imperative), let member = imperatives[m].members.first(where: { $0.componentID == component })
      else { return nil }
      return .setMemberWeight(imperative: imperative, component: component, value: member.weight)
    case .setHorizon(let id, _): return initiativeIndex(id).map { .setHorizon(id: id, horizon: initiatives[$0].horizon) }
    case .setQuickWin(let id, _): return initiativeIndex(id).map { .setQuickWin(id: id, isQuickWin: initiatives[$0].isQuickWin) }
    case .moveInitiative(let id, _): return initiativeIndex(id).map { .moveInitiative(id: id, component: initiatives[$0].componentID) }
    case .setMilestoneDone(let id, let index, _):
      guard let i = initiativeIndex(id), initiatives[i].milestones.indices.contains(index) else { return nil }
      return .setMilestoneDone(id: id, index: index, day: initiatives[i].milestones[index].done)
    case .concludeAgreement(let folio, _): return agreementIndex(folio).map { .concludeAgreement(folio: folio, day: agreements[$0].concluded) }
    default:
      return nil
    }
  }
}
