import TableroJSON

/// A typed value on one side of a merge decision: what a field holds, or a whole item when the
/// decision is about its existence (`.absent` when the item is not there, or a key is missing).
public enum MergeValue: Equatable, Sendable {
  case absent
  case text(String)
  case number(Double)
  case flag(Bool)
  case day(Day)
  case dates(DateRange)
  /// An imperative's own planned dates (either may be unset).
  case plannedDates(start: Day?, end: Day?)
  case horizon(Horizon)
  case rule(ExpectedProgressRule)
  /// An unknown key kept from the file.
  case json(JSONValue)
  /// A milestone list merged as one value (when milestones cannot be matched one to one).
  case milestones([Milestone])
  case milestone(Milestone)
  case member(Membership)
  case imperative(Imperative)
  case component(Component)
  case initiative(Initiative)
  /// A list of names (an agreement's co-responsibles).
  case texts([String])
  case agreement(Agreement)
  case agreementNote(AgreementNote)
  case meeting(Meeting)
  case indicator(Indicator)
  /// An indicator's baseline or final goal (year, value or reason, note).
  case target(IndicatorTarget)
  /// An indicator's intermediate goals, as one value.
  case targets([IndicatorTarget])
  /// One measurement (the value on a date, its note, who).
  case measurement(Measurement)
  /// A whole series, when its dates cannot be matched one to one.
  case measurements([Measurement])

  /// Same case, whatever the payload: a typed-in value must fit the field it replaces.
  public func hasSameKind(as other: MergeValue) -> Bool {
    switch (self, other) {
    case (.absent, .absent), (.text, .text), (.number, .number), (.flag, .flag), (.day, .day), (.dates, .dates),
      (.plannedDates, .plannedDates), (.horizon, .horizon), (.rule, .rule), (.json, .json),
      (.milestones, .milestones), (.milestone, .milestone), (.member, .member), (.imperative, .imperative),
      (.component, .component), (.initiative, .initiative), (.texts, .texts), (.agreement, .agreement),
      (.agreementNote, .agreementNote), (.meeting, .meeting), (.indicator, .indicator), (.target, .target),
      (.targets, .targets), (.measurement, .measurement), (.measurements, .measurements):
      return true
    default:
      return false
    }
  }

  /// One line for a person. Long texts are cut at `limit` characters (nil: never).
  public func display(_ l: Language, limit: Int? = 80) -> String {
    let text: String
    switch self {
    case .absent: text = "—"
    case .text(let s): text = "\"" + s.replacing("\n", with: " ⏎ ") + "\""
    case .number(let n): text = Format.number(n)
    case .flag(let b): text = b ? l.pick("sí", "yes") : l.pick("no", "no")
    case .day(let d): text = d.display
    case .dates(let r): text = "\(r.start.display)–\(r.end.display)"
    case .plannedDates(let s, let e): text = "\(Format.date(s))–\(Format.date(e))"
    case .horizon(let h): text = h.label(l)
    case .rule(let r): text = r.rawValue
    case .json(let v): text = JSONWriter.compact(v)
    case .milestones(let list):
      text = list.isEmpty ? l.pick("(sin hitos)", "(no milestones)") : list.map { Self.milestoneText($0, l) }.joined(separator: "; ")
    case .milestone(let m): text = Self.milestoneText(m, l)
    case .member(let m): text = l.pick("ponderación ", "weight ") + Format.number(m.weight)
    case .imperative(let i): text = "\(i.id) «\(i.name)»"
    case .component(let c): text = "\(c.id) «\(c.name)»"
    case .initiative(let i): text = "\(i.id) «\(i.name)» \(Format.number(i.actualProgress))%"
    case .texts(let list): text = list.isEmpty ? "—" : list.joined(separator: ", ")
    case .agreement(let a): text = "\(a.folio) «\(a.text.replacing("\n", with: " ⏎ "))»"
    case .agreementNote(let n): text = "\(n.day.display): \(n.text.replacing("\n", with: " ⏎ "))"
    case .meeting(let m): text = "\(m.id) «\(m.title)»"
    case .indicator(let x): text = "\(x.id) «\(x.name)»"
    case .target(let t): text = Self.targetText(t)
    case .targets(let list): text = list.isEmpty ? l.pick("(sin metas)", "(no goals)") : list.map(Self.targetText).joined(separator: "; ")
    case .measurement(let m): text = Self.measurementText(m)
    case .measurements(let list):
      text = list.isEmpty ? l.pick("(sin mediciones)", "(no measurements)") : list.map(Self.measurementText).joined(separator: "; ")
    }
    guard let limit, text.count > limit, limit > 1 else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }

  /// "2013: 38", "2011: N.D. «sin encuesta»".
  static func targetText(_ t: IndicatorTarget) -> String {
    "\(t.year): " + (t.value.map(Format.measure) ?? t.reason) + (t.note.isEmpty ? "" : " «\(t.note)»")
  }

  /// "42 (30/06/2013) «Corte de junio» ana".
  static func measurementText(_ m: Measurement) -> String {
    var s = (m.value.map(Format.measure) ?? m.reason) + " (\(m.day.display))"
    if !m.note.isEmpty { s += " «\(m.note.replacing("\n", with: " ⏎ "))»" }
    if !m.by.isEmpty { s += " " + m.by }
    return s
  }

  static func milestoneText(_ m: Milestone, _ l: Language) -> String {
    var s = "\(m.name) (\(m.due.display)"
    if let done = m.done { s += l.pick(", hecho \(done.display)", ", done \(done.display)") }
    return s + ")"
  }
}
