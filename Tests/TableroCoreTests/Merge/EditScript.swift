import TableroCore

/// Turns random numbers into edits that are valid on the portfolio as it is at that step, and
/// records what each edit touches, so property tests can tell disjoint edit sequences apart.
struct EditScript {
  /// What a sequence of edits touched. Two sequences are disjoint when they set no common
  /// field and neither removed an item the other touched.
  struct Footprint {
    var fields: Set<String> = []
    var items: Set<String> = []
    var removed: Set<String> = []

    func isDisjoint(from other: Footprint) -> Bool {
      fields.isDisjoint(with: other.fields) && removed.isDisjoint(with: other.items)
        && other.removed.isDisjoint(with: items)
    }
  }

  var portfolio: Portfolio
  var edits: [Edit] = []
  var footprint = Footprint()
  let side: String

  init(base: Portfolio, side: String) {
    portfolio = base
    self.side = side
  }

  /// Applies one edit per step; a step whose edit does not apply here is skipped.
  static func run(_ steps: [Int], side: String, on base: Portfolio) -> EditScript {
    var script = EditScript(base: base, side: side)
    for step in steps { script.step(step) }
    return script
  }

  mutating func step(_ seed: Int) {
    let p = portfolio
    let kind = seed % 20
    let r = seed / 20
    guard !p.initiatives.isEmpty, !p.components.isEmpty, !p.imperatives.isEmpty else { return }
    let ini = p.initiatives[r % p.initiatives.count]
    let comp = p.components[(r / 7) % p.components.count]
    let imp = p.imperatives[(r / 11) % p.imperatives.count]
    let day = p.reportDate.adding(days: r % 90 - 45)
    var f = Footprint()
    let edit: Edit
    switch kind {
    case 0...3:
      let note = r % 3 == 0 ? "nota \(side)\(r % 5)" : nil
      edit = .setProgress(id: ini.id, value: Double(r % 101), note: note, day: day)
      f.fields = ["ini:\(ini.id).actualProgress"]
      if note != nil { f.fields.insert("ini:\(ini.id).notes") }
      f.items = ["ini:\(ini.id)"]
    case 4:
      if p.initiatives(of: comp.id).isEmpty {
        edit = .setProgress(id: comp.id, value: Double(r % 101), note: nil, day: day)
        f.fields = ["comp:\(comp.id).actualProgress"]
        f.items = ["comp:\(comp.id)"]
      } else {
        edit = .setHorizon(id: ini.id, horizon: r % 2 == 0 ? .short : .medium)
        f.fields = ["ini:\(ini.id).horizon"]
        f.items = ["ini:\(ini.id)"]
      }
    case 5:
      let name = "nombre \(r % 3)"
      switch r % 3 {
      case 0: edit = .rename(id: ini.id, name: name); f.fields = ["ini:\(ini.id).name"]; f.items = ["ini:\(ini.id)"]
      case 1: edit = .rename(id: comp.id, name: name); f.fields = ["comp:\(comp.id).name"]; f.items = ["comp:\(comp.id)"]
      default: edit = .rename(id: imp.id, name: name); f.fields = ["imp:\(imp.id).name"]; f.items = ["imp:\(imp.id)"]
      }
    case 6:
      let target = r % 2 == 0 ? "ini:\(ini.id)" : "comp:\(comp.id)"
      edit = .setResponsible(id: r % 2 == 0 ? ini.id : comp.id, name: "resp \(r % 4)")
      f.fields = ["\(target).responsible"]
      f.items = [target]
    case 7:
      let start = (r % 2 == 0 ? ini.start : comp.start).adding(days: r % 60)
      let end = start.adding(days: 30 + r % 400)
      let target = r % 2 == 0 ? "ini:\(ini.id)" : "comp:\(comp.id)"
      edit = .setDates(id: r % 2 == 0 ? ini.id : comp.id, start: start, end: end)
      f.fields = ["\(target).dates"]
      f.items = [target]
    case 8:
      edit = .setWeight(id: ini.id, value: Double(r % 5))
      f.fields = ["ini:\(ini.id).weight"]
      f.items = ["ini:\(ini.id)"]
    case 9:
      guard let member = imp.members.isEmpty ? nil : imp.members[r % imp.members.count] else { return }
      edit = .setMemberWeight(imperative: imp.id, component: member.componentID, value: Double(r % 4) * 25)
      f.fields = ["mem:\(imp.id)/\(member.componentID).weight"]
      f.items = ["imp:\(imp.id)", "mem:\(imp.id)/\(member.componentID)", "comp:\(member.componentID)"]
    case 10:
      edit = .setQuickWin(id: ini.id, isQuickWin: !ini.isQuickWin)
      f.fields = ["ini:\(ini.id).quickWin"]
      f.items = ["ini:\(ini.id)"]
    case 11:
      edit = .moveInitiative(id: ini.id, component: comp.id)
      f.fields = ["ini:\(ini.id).component"]
      f.items = ["ini:\(ini.id)", "comp:\(comp.id)", "comp:\(ini.componentID)"]
    case 12:
      let id = "N-\(r % 6)"
      edit = .addInitiative(
        Initiative(
          id: id, name: "Nueva \(id)", componentID: comp.id, start: comp.start, end: comp.start.adding(days: 200 + r % 3),
          actualProgress: Double(r % 2) * 10))
      f.fields = ["ini:\(id)"]
      f.items = ["ini:\(id)", "comp:\(comp.id)"]
    case 13:
      if r % 2 == 0 {
        edit = .addMember(component: comp.id, imperative: imp.id, weight: Double(r % 3) * 10)
        f.fields = ["mem:\(imp.id)/\(comp.id)"]
        f.items = ["imp:\(imp.id)", "comp:\(comp.id)", "mem:\(imp.id)/\(comp.id)"]
      } else {
        let id = "K-\(r % 3)"
        edit = .addComponent(
          Component(id: id, name: "Componente \(id)", start: p.reportDate, end: p.reportDate.adding(days: 365)),
          imperatives: [imp.id], weight: 10)
        f.fields = ["comp:\(id)", "mem:\(imp.id)/\(id)"]
        f.items = ["comp:\(id)", "imp:\(imp.id)", "mem:\(imp.id)/\(id)"]
      }
    case 14:
      edit = .remove(id: ini.id)
      f.removed = ["ini:\(ini.id)"]
    case 15:
      switch r % 4 {
      case 0:
        edit = .remove(id: comp.id)
        f.removed = ["comp:\(comp.id)"]
        for i in p.initiatives(of: comp.id) { f.removed.insert("ini:\(i.id)") }
        for m in p.imperatives(containing: comp.id) { f.removed.insert("mem:\(m.id)/\(comp.id)") }
      case 1:
        edit = .remove(id: imp.id)
        f.removed = ["imp:\(imp.id)"]
        for m in imp.members { f.removed.insert("mem:\(imp.id)/\(m.componentID)") }
      default:
        edit = .remove(id: ini.id)
        f.removed = ["ini:\(ini.id)"]
      }
    case 16:
      let milestone = Milestone(name: "H-\(r % 4)", due: p.reportDate.adding(days: r % 2), weight: Double(1 + r % 2))
      edit = .addMilestone(id: ini.id, milestone: milestone)
      f.fields = ["ms:\(ini.id)/\(milestone.name)/\(milestone.due.iso)", "msl:\(ini.id)"]
      f.items = ["ini:\(ini.id)"]
    case 17, 18:
      guard !ini.milestones.isEmpty else { return }
      let index = r % ini.milestones.count
      let m = ini.milestones[index]
      let key = "ms:\(ini.id)/\(m.name)/\(m.due.iso)"
      if kind == 17 {
        edit = .setMilestoneDone(id: ini.id, index: index, day: r % 3 == 0 ? nil : day)
        f.fields = ["\(key).done", "msl:\(ini.id)"]
        f.items = ["ini:\(ini.id)", key]
      } else {
        edit = .removeMilestone(id: ini.id, index: index)
        f.fields = ["msl:\(ini.id)"]
        f.removed = [key]
        f.items = ["ini:\(ini.id)"]
      }
    default:
      switch r % 8 {
      case 0: edit = .setReportDate(day); f.fields = ["reportDate"]
      case 1: edit = .setTolerance(-Double(10 + r % 3 * 10)); f.fields = ["tolerance"]
      case 2:
        let id = "IM-\(r % 3)"
        edit = .addImperative(Imperative(id: id, name: "Imperativo \(id)"))
        f.fields = ["imp:\(id)"]
        f.items = ["imp:\(id)"]
      default:
        edit = .setNotes(id: ini.id, text: "notas \(side) \(r % 3)")
        f.fields = ["ini:\(ini.id).notes"]
        f.items = ["ini:\(ini.id)"]
      }
    }
    do {
      try portfolio.apply(edit)
    } catch {
      return
    }
    edits.append(edit)
    footprint.fields.formUnion(f.fields)
    footprint.items.formUnion(f.items)
    footprint.removed.formUnion(f.removed)
  }
}

extension Portfolio {
  /// Applies every edit; nil when one does not apply (the other side's edits changed the ground).
  func applying(_ edits: [Edit]) -> Portfolio? {
    var p = self
    for edit in edits {
      do { try p.apply(edit) } catch { return nil }
    }
    return p
  }
}
