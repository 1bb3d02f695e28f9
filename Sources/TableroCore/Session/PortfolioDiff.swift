import TableroJSON

/// What differs between two versions of a portfolio, item by item (matched by stable id) and
/// field by field, as `Change`s: the history file and meeting minutes are built from this.
///
/// Values are written as in the file: dates ISO, numbers in their shortest exact form. The
/// portfolio's own fields (report date, tolerance, name…) have an empty id. Memberships are
/// changes of the imperative (`components.ECE`: old weight → new weight, "" when added or
/// removed); milestones are matched by name (`milestones[Licitación].done`). Additions and
/// removals are one change each (`added` / `removed`, with the item's name).
public enum PortfolioDiff {
  public static func changes(from old: Portfolio, to new: Portfolio) -> [Change] {
    var out: [Change] = []
    func add(_ id: String, _ field: String, _ a: String, _ b: String) {
      if a != b { out.append(Change(itemID: id, field: field, oldValue: a, newValue: b)) }
    }
    add("", "name", old.name, new.name)
    add("", "reportDate", old.reportDate.iso, new.reportDate.iso)
    add("", "tolerance", num(old.tolerance), num(new.tolerance))
    add("", "expectedProgressRule", old.expectedProgressRule.rawValue, new.expectedProgressRule.rawValue)

    diffItems(old.imperatives, new.imperatives, into: &out) { a, b, add in
      add("name", a.name, b.name)
      add("description", a.description, b.description)
      add("weight", num(a.weight), num(b.weight))
      add("start", a.plannedStart?.iso ?? "", b.plannedStart?.iso ?? "")
      add("end", a.plannedEnd?.iso ?? "", b.plannedEnd?.iso ?? "")
      let oldWeights = Dictionary(a.members.map { ($0.componentID, $0.weight) }, uniquingKeysWith: { x, _ in x })
      let newWeights = Dictionary(b.members.map { ($0.componentID, $0.weight) }, uniquingKeysWith: { x, _ in x })
      for m in a.members { add("components.\(m.componentID)", num(m.weight), newWeights[m.componentID].map(num) ?? "") }
      for m in b.members where oldWeights[m.componentID] == nil { add("components.\(m.componentID)", "", num(m.weight)) }
      let oldOrder = a.members.map(\.componentID).filter { newWeights[$0] != nil }
      let newOrder = b.members.map(\.componentID).filter { oldWeights[$0] != nil }
      add("components.order", oldOrder.joined(separator: ","), newOrder.joined(separator: ","))
    }
    diffItems(old.components, new.components, into: &out) { a, b, add in
      add("name", a.name, b.name)
      add("description", a.description, b.description)
      add("responsible", a.responsible, b.responsible)
      add("start", a.start.iso, b.start.iso)
      add("end", a.end.iso, b.end.iso)
      add("actualProgress", num(a.actualProgress), num(b.actualProgress))
      for phase in Phase.allCases {
        add("phases.\(phase.rawValue)", range(a.phases[phase]), range(b.phases[phase]))
      }
    }
    diffItems(old.initiatives, new.initiatives, into: &out) { a, b, add in
      add("name", a.name, b.name)
      add("component", a.componentID, b.componentID)
      add("horizon", a.horizon.rawValue, b.horizon.rawValue)
      add("quickWin", "\(a.isQuickWin)", "\(b.isQuickWin)")
      add("responsible", a.responsible, b.responsible)
      add("start", a.start.iso, b.start.iso)
      add("end", a.end.iso, b.end.iso)
      add("weight", num(a.weight), num(b.weight))
      add("actualProgress", num(a.actualProgress), num(b.actualProgress))
      diffMilestones(a.milestones, b.milestones, add)
      add("notes", a.notes, b.notes)
    }
    diffMeetings(old.meetings, new.meetings, add)
    let firstIndicatorChange = out.count
    diffItems(old.indicators, new.indicators, into: &out, fields: diffIndicator)
    attachMeasurementNotes(new.indicators, to: &out, from: firstIndicatorChange)
    return out
  }

  /// A measurement's record carries the measurement's own note (for the history and the
  /// minutes: "1.1 · medición del 31/12/2012: — → 63.5 — «Cierre anual»").
  private static func attachMeasurementNotes(_ indicators: [Indicator], to out: inout [Change], from first: Int) {
    guard out.indices.contains(first), out[first...].contains(where: { $0.field.hasPrefix("measurements[") }) else { return }
    var byID: [String: Int] = [:]
    for (i, x) in indicators.enumerated() where byID[x.id] == nil { byID[x.id] = i }
    for n in first..<out.count where out[n].field.hasPrefix("measurements[") && out[n].field.hasSuffix("]") {
      guard let i = byID[out[n].itemID],
        let day = Day(iso: String(out[n].field.dropFirst("measurements[".count).dropLast())),
        let m = indicators[i].measurements.last(where: { $0.day == day })
      else { continue }
      let note = m.note.trimmingSpaces()
      if !note.isEmpty { out[n].note = note }
    }
  }

  /// A meeting's start and end are recorded too: the minutes use the save that recorded the end
  /// to take in the edits made before it and saved with it.
  private static func diffMeetings(_ a: [Meeting], _ b: [Meeting], _ add: (String, String, String, String) -> Void) {
    let before = Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    for m in b {
      let old = before[m.id]
      add(m.id, Minutes.meetingStartedField, old?.started ?? "", m.started)
      add(m.id, Minutes.meetingEndedField, old?.ended ?? "", m.ended ?? "")
    }
  }

  /// Shortest exact text of a number ("40", "33.3", "12.345").
  static func num(_ value: Double) -> String { JSONNumber(value)?.text ?? "\(value)" }

  static func range(_ r: DateRange?) -> String { r.map { "\($0.start.iso)/\($0.end.iso)" } ?? "" }


  private static func diffItems<T: Identifiable & Equatable>(
    _ old: [T], _ new: [T], into out: inout [Change],
    fields: (T, T, (String, String, String) -> Void) -> Void
  ) where T.ID == String {
    if diffInPlace(old, new, into: &out, fields: fields) { return }
    var newByID: [String: T] = [:]
    newByID.reserveCapacity(new.count)
    for item in new where newByID[item.id] == nil { newByID[item.id] = item }
    var oldIDs = Set<String>()
    oldIDs.reserveCapacity(old.count)
    for a in old {
      guard oldIDs.insert(a.id).inserted else { continue }
      guard let b = newByID[a.id] else {
        out.append(Change(itemID: a.id, field: "removed", oldValue: name(of: a), newValue: ""))
        continue
      }
      if a == b { continue }
      fields(a, b) { field, x, y in
        if x != y { out.append(Change(itemID: a.id, field: field, oldValue: x, newValue: y)) }
      }
    }
    for b in new where !oldIDs.contains(b.id) {
      oldIDs.insert(b.id)
      out.append(Change(itemID: b.id, field: "added", oldValue: "", newValue: name(of: b)))
    }
  }

  /// The usual save: the same items in the same order (ids are unique in a valid portfolio), only
  /// some fields edited. Compares position by position with no dictionary and no copies; items
  /// an edit did not touch still share their storage, so `==` answers at once. False (nothing
  /// written) when the ids differ anywhere: the general matching by id takes over.
  private static func diffInPlace<T: Identifiable & Equatable>(
    _ old: [T], _ new: [T], into out: inout [Change],
    fields: (T, T, (String, String, String) -> Void) -> Void
  ) -> Bool where T.ID == String {
    guard old.count == new.count else { return false }
    for i in old.indices where old[i].id != new[i].id { return false }
    for i in old.indices where old[i] != new[i] {
      let id = old[i].id
      fields(old[i], new[i]) { field, x, y in
        if x != y { out.append(Change(itemID: id, field: field, oldValue: x, newValue: y)) }
      }
    }
    return true
  }

  private static func name<T>(of item: T) -> String {
    switch item {
    case let i as Initiative: i.name
    case let c as Component: c.name
    case let m as Imperative: m.name
    case let x as Indicator: x.name
    default: ""
    }
  }

  /// An indicator's fields, and its measurements matched by date (`measurements[2012-12-31]`:
  /// "12.5" → "13", or the reason when the value is absent).
  private static func diffIndicator(_ a: Indicator, _ b: Indicator, _ add: (String, String, String) -> Void) {
    add("name", a.name, b.name)
    add("owner", a.ownerID, b.ownerID)
    add("unit", a.unit, b.unit)
    add("trend", a.trend.rawValue, b.trend.rawValue)
    func target(_ t: IndicatorTarget?) -> String {
      guard let t else { return "" }
      return "\(t.year): \(t.value.map(num) ?? t.reason)"
    }
    add("baseline", target(a.baseline), target(b.baseline))
    add("goals", a.goals.map { target($0) }.joined(separator: "; "), b.goals.map { target($0) }.joined(separator: "; "))
    add("finalGoal", target(a.finalGoal), target(b.finalGoal))
    func value(_ m: Measurement) -> String { m.value.map(num) ?? m.reason }
    let newByDay = Dictionary(b.measurements.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
    let oldDays = Set(a.measurements.map(\.day))
    for m in a.measurements { add("measurements[\(m.day.iso)]", value(m), newByDay[m.day].map(value) ?? "") }
    for m in b.measurements where !oldDays.contains(m.day) { add("measurements[\(m.day.iso)]", "", value(m)) }
  }

  /// Milestones have no id and cannot be renamed, so they are matched by name (in order for repeats).
  private static func diffMilestones(_ a: [Milestone], _ b: [Milestone], _ add: (String, String, String) -> Void) {
    var unmatched = Array(b.indices)
    for m in a {
      let key = "milestones[\(m.name)]"
      if let pos = unmatched.firstIndex(where: { b[$0].name == m.name }) {
        let n = b[unmatched.remove(at: pos)]
        add("\(key).due", m.due.iso, n.due.iso)
        add("\(key).done", m.done?.iso ?? "", n.done?.iso ?? "")
        add("\(key).weight", num(m.weight), num(n.weight))
      } else {
        add(key, m.due.iso, "")
      }
    }
    for i in unmatched { add("milestones[\(b[i].name)]", "", b[i].due.iso) }
  }
}
