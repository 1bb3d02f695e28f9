/// One user edit as a value: what the TUI and the CLI ask for, what the journal records and
/// replays after a crash, and what history and minutes are built from.
public indirect enum Edit: Equatable, Sendable {
  case setProgress(id: String, value: Double, note: String?, day: Day)
  case setReportDate(Day)
  case setTolerance(Double)
  case rename(id: String, name: String)
  case setResponsible(id: String, name: String)
  case setNotes(id: String, text: String)
  case setDates(id: String, start: Day, end: Day)
  /// An imperative's own planned dates; nil takes them from its components.
  case setPlannedDates(id: String, start: Day?, end: Day?)
  case setWeight(id: String, value: Double)
  case setMemberWeight(imperative: String, component: String, value: Double)
  case setHorizon(id: String, horizon: Horizon)
  case setQuickWin(id: String, isQuickWin: Bool)
  case moveInitiative(id: String, component: String)
  case addInitiative(Initiative)
  case addComponent(Component, imperatives: [String], weight: Double)
  case addImperative(Imperative)
  case addMember(component: String, imperative: String, weight: Double)
  case remove(id: String)
  case addMilestone(id: String, milestone: Milestone)
  case setMilestoneDone(id: String, index: Int, day: Day?)
  case removeMilestone(id: String, index: Int)
  case addAgreement(Agreement)
  case addAgreementNote(folio: String, note: AgreementNote)
  /// Concludes (day) or reopens (nil) an agreement.
  case concludeAgreement(folio: String, day: Day?)
  case startMeeting(Meeting)
  case endMeeting(id: String, at: String)
  /// Records a measurement of an indicator; one on the same date replaces it (a correction).
  case recordMeasurement(indicator: String, measurement: Measurement)
  /// Several edits made by one form: applied, undone and journalled together.
  case batch([Edit])

  public var isBatch: Bool {
    if case .batch = self { return true }
    return false
  }

  /// Ids, order or membership change: indexes must be rebuilt.
  public var isStructural: Bool {
    switch self {
    case .moveInitiative, .addInitiative, .addComponent, .addImperative, .addMember, .remove: return true
    case .batch(let edits): return edits.contains { $0.isStructural }
    default: return false
    }
  }
}

extension Portfolio {
  /// Applies an edit; on error nothing changes (a batch is all or nothing).
  @discardableResult
  public mutating func apply(_ edit: Edit) throws(EditError) -> Change {
    switch edit {
    case .setProgress(let id, let value, let note, let day): return try setProgress(of: id, to: value, note: note, on: day)
    case .setReportDate(let day): return setReportDate(day)
    case .setTolerance(let value): return try setTolerance(value)
    case .rename(let id, let name): return try rename(id, to: name)
    case .setResponsible(let id, let name): return try setResponsible(id, to: name)
    case .setNotes(let id, let text): return try setNotes(id, to: text)
    case .setDates(let id, let start, let end): return try setDates(id, start: start, end: end)
    case .setPlannedDates(let id, let start, let end):
      guard let m = imperativeIndex(id) else { throw .notFound(id) }
      if let start, let end, end < start { throw .endBeforeStart(start: start, end: end) }
      let old = "\(imperatives[m].plannedStart?.iso ?? "")/\(imperatives[m].plannedEnd?.iso ?? "")"
      imperatives[m].plannedStart = start
      imperatives[m].plannedEnd = end
      return Change(itemID: id, field: "plannedDates", oldValue: old, newValue: "\(start?.iso ?? "")/\(end?.iso ?? "")")
    case .setWeight(let id, let value): return try setWeight(id, to: value)
    case .setMemberWeight(let imperative, let component, let value):
      return try setMemberWeight(imperative: imperative, component: component, to: value)
    case .setHorizon(let id, let horizon):
      guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
      let old = initiatives[i].horizon
      initiatives[i].horizon = horizon
      return Change(itemID: id, field: "horizon", oldValue: old.rawValue, newValue: horizon.rawValue)
    case .setQuickWin(let id, let flag):
      guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
      let old = initiatives[i].isQuickWin
      initiatives[i].isQuickWin = flag
      return Change(itemID: id, field: "quickWin", oldValue: "\(old)", newValue: "\(flag)")
    case .moveInitiative(let id, let component): return try moveInitiative(id, to: component)
    case .addInitiative(let initiative): return try addInitiative(initiative)
    case .addComponent(let component, let imperatives, let weight):
      return try addComponent(component, to: imperatives, weight: weight)
    case .addImperative(let imperative): return try addImperative(imperative)
    case .addMember(let component, let imperative, let weight):
      return try addMember(component: component, to: imperative, weight: weight)
    case .remove(let id): return try remove(id)
    case .addMilestone(let id, let milestone): return try addMilestone(milestone, to: id)
    case .setMilestoneDone(let id, let index, let day): return try setMilestoneDone(index, of: id, on: day)
    case .removeMilestone(let id, let index): return try removeMilestone(index, of: id)
    case .addAgreement(let agreement): return try addAgreement(agreement)
    case .addAgreementNote(let folio, let note): return try addAgreementNote(folio, note: note)
    case .concludeAgreement(let folio, let day): return try concludeAgreement(folio, on: day)
    case .startMeeting(let meeting): return try startMeeting(meeting)
    case .endMeeting(let id, let at): return try endMeeting(id, at: at)
    case .recordMeasurement(let id, let measurement): return try recordMeasurement(measurement, of: id)
    case .batch(let edits):
      var copy = self
      var first: Change?
      var notes: [String] = []
      for e in edits {
        let change = try copy.apply(e)
        if first == nil { first = change }
        if let note = change.note { notes.append(note) }
      }
      self = copy
      var result = first ?? Change(itemID: "", field: "batch", oldValue: "", newValue: "")
      if edits.count > 1 { result.field = "edited" }
      result.note = notes.isEmpty ? nil : notes.joined(separator: " ")
      return result
    }
  }
}
