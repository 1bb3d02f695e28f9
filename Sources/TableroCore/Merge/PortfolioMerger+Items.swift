/// Field by field merges of each kind of item.
extension PortfolioMerger {
  static var imperativeSpec: ListSpec<Imperative> {
    ListSpec<Imperative>(
      key: \.id, path: { MergePath(.imperative($0.id)) }, wrap: MergeValue.imperative, unwrap: \.imperative,
      mergeItem: { merger, b, m, t in merger.imperative(b, m, t) },
      onlyRemovedFrom: { base, side in
        var same = side
        same.members = base.members
        return same == base && side.members.allSatisfy { base.members.contains($0) }
      })
  }

  static var componentSpec: ListSpec<Component> {
    ListSpec<Component>(
      key: \.id, path: { MergePath(.component($0.id)) }, wrap: MergeValue.component, unwrap: \.component,
      mergeItem: { merger, b, m, t in merger.component(b, m, t) })
  }

  static var initiativeSpec: ListSpec<Initiative> {
    ListSpec<Initiative>(
      key: \.id, path: { MergePath(.initiative($0.id)) }, wrap: MergeValue.initiative, unwrap: \.initiative,
      mergeItem: { merger, b, m, t in merger.initiative(b, m, t) },
      onlyRemovedFrom: { base, side in
        var same = side
        same.milestones = base.milestones
        return same == base && side.milestones.allSatisfy { base.milestones.contains($0) }
      })
  }

  mutating func imperative(_ b: Imperative?, _ m: Imperative, _ t: Imperative) -> Imperative {
    if m == t, b == nil || b == m { return m }
    let p = MergePath(.imperative(m.id))
    var r = m
    r.name = field(p.appending("name"), b?.name, m.name, t.name, MergeValue.text, \.text)
    r.description = field(p.appending("description"), b?.description, m.description, t.description, MergeValue.text, \.text)
    r.weight = field(p.appending("weight"), b?.weight, m.weight, t.weight, MergeValue.number, \.number)
    let planned = field(
      p.appending("plannedDates"), b.map { PlannedDates(start: $0.plannedStart, end: $0.plannedEnd) },
      PlannedDates(start: m.plannedStart, end: m.plannedEnd), PlannedDates(start: t.plannedStart, end: t.plannedEnd),
      \.value, \.plannedDates)
    r.plannedStart = planned.start
    r.plannedEnd = planned.end
    let imperativeID = m.id
    let memberSpec = ListSpec<Membership>(
      key: \.componentID, path: { MergePath(.member(imperative: imperativeID, component: $0.componentID)) },
      wrap: MergeValue.member, unwrap: \.member,
      mergeItem: { merger, b, m, t in merger.member(imperativeID, b, m, t) })
    r.members = list(b?.members, m.members, t.members, memberSpec)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }

  mutating func member(_ imperative: String, _ b: Membership?, _ m: Membership, _ t: Membership) -> Membership {
    let p = MergePath(.member(imperative: imperative, component: m.componentID))
    var r = m
    r.weight = field(p.appending("weight"), b?.weight, m.weight, t.weight, MergeValue.number, \.number)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }

  mutating func component(_ b: Component?, _ m: Component, _ t: Component) -> Component {
    if m == t, b == nil || b == m { return m }
    let p = MergePath(.component(m.id))
    var r = m
    r.name = field(p.appending("name"), b?.name, m.name, t.name, MergeValue.text, \.text)
    r.description = field(p.appending("description"), b?.description, m.description, t.description, MergeValue.text, \.text)
    r.responsible = field(p.appending("responsible"), b?.responsible, m.responsible, t.responsible, MergeValue.text, \.text)
    let dates = field(p.appending("dates"), b?.dates, m.dates, t.dates, MergeValue.dates, \.dates)
    r.start = dates.start
    r.end = dates.end
    r.actualProgress = field(
      p.appending("actualProgress"), b?.actualProgress, m.actualProgress, t.actualProgress, MergeValue.number, \.number)
    for phase in Phase.allCases {
      r.phases[phase] = optionalField(
        p.appending("phases.\(phase.rawValue)"), b.map { $0.phases[phase] }, m.phases[phase], t.phases[phase],
        MergeValue.dates, \.dates)
    }
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }

  mutating func initiative(_ b: Initiative?, _ m: Initiative, _ t: Initiative) -> Initiative {
    if m == t, b == nil || b == m { return m }
    let p = MergePath(.initiative(m.id))
    var r = m
    r.name = field(p.appending("name"), b?.name, m.name, t.name, MergeValue.text, \.text)
    r.componentID = field(p.appending("component"), b?.componentID, m.componentID, t.componentID, MergeValue.text, \.text)
    r.horizon = field(p.appending("horizon"), b?.horizon, m.horizon, t.horizon, MergeValue.horizon, \.horizon)
    r.isQuickWin = field(p.appending("quickWin"), b?.isQuickWin, m.isQuickWin, t.isQuickWin, MergeValue.flag, \.flag)
    r.responsible = field(p.appending("responsible"), b?.responsible, m.responsible, t.responsible, MergeValue.text, \.text)
    let dates = field(p.appending("dates"), b?.dates, m.dates, t.dates, MergeValue.dates, \.dates)
    r.start = dates.start
    r.end = dates.end
    r.weight = field(p.appending("weight"), b?.weight, m.weight, t.weight, MergeValue.number, \.number)
    r.actualProgress = field(
      p.appending("actualProgress"), b?.actualProgress, m.actualProgress, t.actualProgress, MergeValue.number, \.number)
    r.milestones = milestones(m.id, b?.milestones, m.milestones, t.milestones)
    r.notes = field(p.appending("notes"), b?.notes, m.notes, t.notes, MergeValue.text, \.text)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }

  /// Milestones have no id: they are matched by name and due date (the edits never change
  /// either, they add, mark done and remove). If that key is not unique in one of the lists,
  /// the list is merged as one field instead.
  mutating func milestones(_ initiative: String, _ b: [Milestone]?, _ m: [Milestone], _ t: [Milestone]) -> [Milestone] {
    func key(_ x: Milestone) -> String { "\(x.name)\u{1F}\(x.due.ordinal)" }
    func unique(_ list: [Milestone]?) -> Bool {
      guard let list else { return true }
      return Set(list.map(key)).count == list.count
    }
    guard unique(b), unique(m), unique(t) else {
      return field(
        MergePath(.initiative(initiative), "milestones"), b, m, t, MergeValue.milestones, \.milestones)
    }
    let spec = ListSpec<Milestone>(
      key: key,
      path: { MergePath(.milestone(initiative: initiative, name: $0.name, due: $0.due)) },
      wrap: MergeValue.milestone, unwrap: \.milestone,
      mergeItem: { merger, b, m, t in merger.milestone(initiative, b, m, t) })
    return list(b, m, t, spec)
  }

  mutating func milestone(_ initiative: String, _ b: Milestone?, _ m: Milestone, _ t: Milestone) -> Milestone {
    let p = MergePath(.milestone(initiative: initiative, name: m.name, due: m.due))
    var r = m
    r.done = optionalField(p.appending("done"), b.map { $0.done }, m.done, t.done, MergeValue.day, \.day)
    r.weight = field(p.appending("weight"), b?.weight, m.weight, t.weight, MergeValue.number, \.number)
    r.extra = extra(p, b?.extra, m.extra, t.extra)
    return r
  }
}
