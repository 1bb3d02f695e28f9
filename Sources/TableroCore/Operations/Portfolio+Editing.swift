/// The edits every front end uses (TUI, CLI). Each checks its input, changes nothing when
/// it throws, and returns what changed.
extension Portfolio {
  public enum ItemRef: Equatable, Sendable {
    case imperative(Int), component(Int), initiative(Int)
  }

  public func find(_ id: String) -> ItemRef? {
    if let i = initiativeIndex(id) { return .initiative(i) }
    if let c = componentIndex(id) { return .component(c) }
    if let m = imperativeIndex(id) { return .imperative(m) }
    return nil
  }

  public func contains(id: String) -> Bool { find(id) != nil }

  /// Sets avance real of an initiative (or of a component without initiatives). A note is
  /// appended to the item's notes with the date, so the reason stays with the number.
  @discardableResult
  public mutating func setProgress(of id: String, to value: Double, note: String? = nil, on day: Day)
    throws(EditError) -> Change
  {
    guard value.isFinite, (0...100).contains(value) else { throw .progressOutOfRange(value) }
    let cleanNote = note.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
    switch find(id) {
    case .initiative(let i):
      let old = initiatives[i].actualProgress
      initiatives[i].actualProgress = value
      if let cleanNote {
        let line = "\(day.display): \(Format.percent(old)) → \(Format.percent(value)). \(cleanNote)"
        initiatives[i].notes = initiatives[i].notes.isEmpty ? line : initiatives[i].notes + "\n" + line
      }
      return Change(
        itemID: id, field: "actualProgress", oldValue: Format.number(old), newValue: Format.number(value),
        note: cleanNote)
    case .component(let c):
      guard !initiatives.contains(where: { $0.componentID == id }) else {
        throw .componentHasInitiatives(id)
      }
      let old = components[c].actualProgress
      components[c].actualProgress = value
      return Change(
        itemID: id, field: "actualProgress", oldValue: Format.number(old), newValue: Format.number(value),
        note: cleanNote)
    case .imperative, .none:
      throw .notFound(id)
    }
  }

  @discardableResult
  public mutating func setReportDate(_ day: Day) -> Change {
    let old = reportDate
    reportDate = day
    return Change(itemID: "", field: "reportDate", oldValue: old.iso, newValue: day.iso)
  }

  @discardableResult
  public mutating func setTolerance(_ value: Double) throws(EditError) -> Change {
    guard value.isFinite, value < 0 else { throw .toleranceNotNegative(value) }
    let old = tolerance
    tolerance = value
    return Change(itemID: "", field: "tolerance", oldValue: Format.number(old), newValue: Format.number(value))
  }

  @discardableResult
  public mutating func rename(_ id: String, to name: String) throws(EditError) -> Change {
    let clean = name.trimmingSpaces()
    guard !clean.isEmpty else { throw .emptyName }
    let old: String
    switch find(id) {
    case .initiative(let i): old = initiatives[i].name; initiatives[i].name = clean
    case .component(let c): old = components[c].name; components[c].name = clean
    case .imperative(let m): old = imperatives[m].name; imperatives[m].name = clean
    case .none: throw .notFound(id)
    }
    return Change(itemID: id, field: "name", oldValue: old, newValue: clean)
  }

  @discardableResult
  public mutating func setResponsible(_ id: String, to name: String) throws(EditError) -> Change {
    let clean = name.trimmingSpaces()
    let old: String
    switch find(id) {
    case .initiative(let i): old = initiatives[i].responsible; initiatives[i].responsible = clean
    case .component(let c): old = components[c].responsible; components[c].responsible = clean
    case .imperative, .none: throw .notFound(id)
    }
    return Change(itemID: id, field: "responsible", oldValue: old, newValue: clean)
  }

  @discardableResult
  public mutating func setNotes(_ id: String, to text: String) throws(EditError) -> Change {
    guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
    let old = initiatives[i].notes
    initiatives[i].notes = text
    return Change(itemID: id, field: "notes", oldValue: old, newValue: text)
  }

  @discardableResult
  public mutating func setDates(_ id: String, start: Day, end: Day) throws(EditError) -> Change {
    guard end >= start else { throw .endBeforeStart(start: start, end: end) }
    let old: DateRange
    switch find(id) {
    case .initiative(let i):
      old = initiatives[i].dates
      initiatives[i].start = start
      initiatives[i].end = end
    case .component(let c):
      old = components[c].dates
      components[c].start = start
      components[c].end = end
    case .imperative(let m):
      old = DateRange(start: imperatives[m].plannedStart ?? start, end: imperatives[m].plannedEnd ?? end)
      imperatives[m].plannedStart = start
      imperatives[m].plannedEnd = end
    case .none: throw .notFound(id)
    }
    return Change(
      itemID: id, field: "dates", oldValue: "\(old.start.iso)/\(old.end.iso)", newValue: "\(start.iso)/\(end.iso)")
  }

  /// Weight of an initiative within its component, or of an imperative in the portfolio.
  @discardableResult
  public mutating func setWeight(_ id: String, to value: Double) throws(EditError) -> Change {
    guard value.isFinite, value >= 0 else { throw .negativeWeight(value) }
    let old: Double
    switch find(id) {
    case .initiative(let i): old = initiatives[i].weight; initiatives[i].weight = value
    case .imperative(let m): old = imperatives[m].weight; imperatives[m].weight = value
    case .component, .none: throw .notFound(id)
    }
    return Change(itemID: id, field: "weight", oldValue: Format.number(old), newValue: Format.number(value))
  }

  /// Ponderación of a component within one imperative.
  @discardableResult
  public mutating func setMemberWeight(imperative: String, component: String, to value: Double)
    throws(EditError) -> Change
  {
    guard value.isFinite, value >= 0 else { throw .negativeWeight(value) }
    guard let m = imperativeIndex(imperative),
      let k = imperatives[m].members.firstIndex(where: { $0.componentID == component })
    else { throw .notFound("\(imperative)/\(component)") }
    let old = imperatives[m].members[k].weight
    imperatives[m].members[k].weight = value
    return Change(
      itemID: "\(imperative)/\(component)", field: "weight", oldValue: Format.number(old),
      newValue: Format.number(value))
  }

  @discardableResult
  public mutating func moveInitiative(_ id: String, to componentID: String) throws(EditError) -> Change {
    guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
    guard componentIndex(componentID) != nil else { throw .notFound(componentID) }
    let old = initiatives[i].componentID
    initiatives[i].componentID = componentID
    return Change(itemID: id, field: "component", oldValue: old, newValue: componentID)
  }

  // MARK: Adding and removing

  private func checkNewID(_ id: String) throws(EditError) {
    guard PortfolioValidator.isValidID(id) else { throw .invalidID(id) }
    guard !contains(id: id) else { throw .duplicateID(id) }
    // An indicator's id too: history and minutes name both by id.
    guard indicatorIndex(id) == nil else { throw .duplicateID(id) }
  }

  @discardableResult
  public mutating func addInitiative(_ initiative: Initiative) throws(EditError) -> Change {
    try checkNewID(initiative.id)
    guard !initiative.name.trimmingSpaces().isEmpty else { throw .emptyName }
    guard componentIndex(initiative.componentID) != nil else { throw .notFound(initiative.componentID) }
    guard initiative.end >= initiative.start else {
      throw .endBeforeStart(start: initiative.start, end: initiative.end)
    }
    guard (0...100).contains(initiative.actualProgress) else {
      throw .progressOutOfRange(initiative.actualProgress)
    }
    guard initiative.weight >= 0 else { throw .negativeWeight(initiative.weight) }
    // Keep a component's initiatives together: insert after its last one.
    if let last = initiatives.lastIndex(where: { $0.componentID == initiative.componentID }) {
      initiatives.insert(initiative, at: last + 1)
    } else {
      initiatives.append(initiative)
    }
    return Change(itemID: initiative.id, field: "added", oldValue: "", newValue: initiative.name)
  }

  @discardableResult
  public mutating func addComponent(_ component: Component, to imperativeIDs: [String] = [], weight: Double = 0)
    throws(EditError) -> Change
  {
    try checkNewID(component.id)
    guard !component.name.trimmingSpaces().isEmpty else { throw .emptyName }
    guard component.end >= component.start else {
      throw .endBeforeStart(start: component.start, end: component.end)
    }
    var indices: [Int] = []
    for id in imperativeIDs {
      guard let m = imperativeIndex(id) else { throw .notFound(id) }
      indices.append(m)
    }
    components.append(component)
    for m in indices { imperatives[m].members.append(Membership(componentID: component.id, weight: weight)) }
    return Change(itemID: component.id, field: "added", oldValue: "", newValue: component.name)
  }

  @discardableResult
  public mutating func addImperative(_ imperative: Imperative) throws(EditError) -> Change {
    try checkNewID(imperative.id)
    guard !imperative.name.trimmingSpaces().isEmpty else { throw .emptyName }
    imperatives.append(imperative)
    return Change(itemID: imperative.id, field: "added", oldValue: "", newValue: imperative.name)
  }

  /// Adds an existing component to an imperative with its ponderación there.
  @discardableResult
  public mutating func addMember(component: String, to imperative: String, weight: Double)
    throws(EditError) -> Change
  {
    guard let m = imperativeIndex(imperative) else { throw .notFound(imperative) }
    guard componentIndex(component) != nil else { throw .notFound(component) }
    guard weight >= 0 else { throw .negativeWeight(weight) }
    guard !imperatives[m].members.contains(where: { $0.componentID == component }) else {
      throw .alreadyMember(component: component, imperative: imperative)
    }
    imperatives[m].members.append(Membership(componentID: component, weight: weight))
    return Change(itemID: "\(imperative)/\(component)", field: "added", oldValue: "", newValue: Format.number(weight))
  }

  public func removalImpact(of id: String) -> RemovalImpact? {
    switch find(id) {
    case .initiative: return RemovalImpact(kind: .initiative, id: id, initiatives: [], imperatives: [])
    case .imperative:
      return RemovalImpact(kind: .imperative, id: id, initiatives: [], imperatives: [], indicators: indicatorLabels(of: id))
    case .component:
      return RemovalImpact(
        kind: .component, id: id, initiatives: initiatives(of: id).map(\.id),
        imperatives: imperatives(containing: id).map(\.id), indicators: indicatorLabels(of: id))
    case .none: return nil
    }
  }

  /// "1.1 Días de espera…" for each indicator of an imperative or component, in file order.
  func indicatorLabels(of owner: String) -> [String] {
    indicators.filter { $0.ownerID == owner }.map { "\($0.id) \($0.name)" }
  }

  /// Removes an item and what depends on it (see `removalImpact(of:)`).
  @discardableResult
  public mutating func remove(_ id: String) throws(EditError) -> Change {
    switch find(id) {
    case .initiative(let i):
      let old = initiatives.remove(at: i)
      return Change(itemID: id, field: "removed", oldValue: old.name, newValue: "")
    case .imperative(let m):
      let old = imperatives.remove(at: m)
      // Its indicators measure its benefit: they go with it (no indicator without an owner).
      indicators.removeAll { $0.ownerID == id }
      return Change(itemID: id, field: "removed", oldValue: old.name, newValue: "")
    case .component(let c):
      let old = components.remove(at: c)
      initiatives.removeAll { $0.componentID == id }
      for m in imperatives.indices { imperatives[m].members.removeAll { $0.componentID == id } }
      indicators.removeAll { $0.ownerID == id }
      return Change(itemID: id, field: "removed", oldValue: old.name, newValue: "")
    case .none:
      throw .notFound(id)
    }
  }

  // MARK: Milestones

  @discardableResult
  public mutating func addMilestone(_ milestone: Milestone, to id: String) throws(EditError) -> Change {
    guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
    guard !milestone.name.trimmingSpaces().isEmpty else { throw .emptyName }
    guard milestone.weight >= 0 else { throw .negativeWeight(milestone.weight) }
    initiatives[i].milestones.append(milestone)
    return Change(itemID: id, field: "milestone", oldValue: "", newValue: milestone.name)
  }

  /// Marks a milestone done on `day`, or not done when `day` is nil.
  @discardableResult
  public mutating func setMilestoneDone(_ index: Int, of id: String, on day: Day?) throws(EditError) -> Change {
    guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
    guard initiatives[i].milestones.indices.contains(index) else { throw .milestoneNotFound(index) }
    let old = initiatives[i].milestones[index].done
    initiatives[i].milestones[index].done = day
    return Change(
      itemID: id, field: "milestones[\(index)].done", oldValue: old?.iso ?? "", newValue: day?.iso ?? "")
  }

  @discardableResult
  public mutating func removeMilestone(_ index: Int, of id: String) throws(EditError) -> Change {
    guard let i = initiativeIndex(id) else { throw .notAnInitiative(id) }
    guard initiatives[i].milestones.indices.contains(index) else { throw .milestoneNotFound(index) }
    let old = initiatives[i].milestones.remove(at: index)
    return Change(itemID: id, field: "milestone", oldValue: old.name, newValue: "")
  }
}
