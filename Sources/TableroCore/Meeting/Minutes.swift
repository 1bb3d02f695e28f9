/// The minutes (acta) of a meeting: every change recorded during it, grouped by imperative
/// and component, with before → after, the deviation before → after, the note, who and when;
/// and the agreements taken.
public struct Minutes: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var record: HistoryRecord
    /// Deviation of the changed item before and after (initiatives and components).
    public var deviationBefore: Double?
    public var deviationAfter: Double?
    public var levelBefore: StatusLevel?
    public var levelAfter: StatusLevel?
  }

  public struct Group: Equatable, Sendable {
    /// "RTE Reducción de Tiempos de Espera › ECE Expediente Clínico Electrónico", or a
    /// portfolio-wide heading.
    public var heading: String
    public var entries: [Entry]
  }

  public var title: String
  public var from: String
  public var to: String?
  public var groups: [Group]
  public var agreements: [Agreement]
  public var reportDate: Day

  /// `records` are the history lines of the meeting (already filtered by time).
  public init(
    title: String, portfolio: Portfolio, records: [HistoryRecord], agreements: [Agreement], from: String, to: String?,
    language l: Language
  ) {
    self.title = title
    self.from = from
    self.to = to
    self.agreements = agreements
    reportDate = portfolio.reportDate

    // "Before": the current portfolio with each changed progress set back to its value at
    // the start of the meeting (the first `old` recorded in it).
    var before = portfolio
    var firstOld: [String: Double] = [:]
    for r in records where r.field == "actualProgress" && firstOld[r.id] == nil {
      if let v = Double(r.old) { firstOld[r.id] = v }
    }
    for (id, value) in firstOld {
      if let i = before.initiativeIndex(id) { before.initiatives[i].actualProgress = value }
      else if let c = before.componentIndex(id) { before.components[c].actualProgress = value }
    }
    if let r = records.first(where: { $0.field == "reportDate" }), let d = Day(iso: r.old) { before.reportDate = d }
    let engine = StatusEngine()
    let statusBefore = engine.evaluate(before)
    let statusAfter = engine.evaluate(portfolio)

    func levels(_ id: String) -> (Double?, Double?, StatusLevel?, StatusLevel?) {
      if let i = portfolio.initiativeIndex(id), before.initiativeIndex(id) == i {
        return (statusBefore.initiatives[i].deviation, statusAfter.initiatives[i].deviation,
                statusBefore.initiatives[i].level, statusAfter.initiatives[i].level)
      }
      if let c = portfolio.componentIndex(id), before.componentIndex(id) == c {
        return (statusBefore.components[c].deviation, statusAfter.components[c].deviation,
                statusBefore.components[c].level, statusAfter.components[c].level)
      }
      return (nil, nil, nil, nil)
    }

    // Group by the imperative › component the item lives under (first imperative that has it).
    func heading(for id: String) -> String {
      var componentID: String?
      if let x = portfolio.initiative(id) { componentID = x.componentID }
      else if portfolio.component(id) != nil { componentID = id }
      if componentID == nil, let x = portfolio.indicators.first(where: { $0.id == id }) {
        // A measurement: under its owner, so the benefit shows next to the work behind it.
        if let m = portfolio.imperativeIndex(x.ownerID) { return "\(x.ownerID) \(portfolio.imperatives[m].name)" }
        if let c = portfolio.component(x.ownerID) { return "\(c.id) \(c.name)" }
      }
      guard let componentID, let component = portfolio.component(componentID) else {
        if let m = portfolio.imperativeIndex(id) { return "\(id) \(portfolio.imperatives[m].name)" }
        return l.pick("Portafolio", "Portfolio")
      }
      let imperative = portfolio.imperatives(containing: componentID).first
      return (imperative.map { "\($0.id) \($0.name) › " } ?? "") + "\(component.id) \(component.name)"
    }
    var order: [String] = []
    var byHeading: [String: [Entry]] = [:]
    for r in records where !Self.isMeetingMark(r) {
      let h = heading(for: r.id)
      if byHeading[h] == nil { order.append(h) }
      let (db, da, lb, la) = r.field == "actualProgress" ? levels(r.id) : (nil, nil, nil, nil)
      byHeading[h, default: []].append(Entry(record: r, deviationBefore: db, deviationAfter: da, levelBefore: lb, levelAfter: la))
    }
    groups = order.map { Group(heading: $0, entries: byHeading[$0] ?? []) }
  }

  /// History fields that mark a meeting's start and end: bookkeeping, not changes to list.
  public static let meetingStartedField = "meetingStarted"
  public static let meetingEndedField = "meetingEnded"

  static func isMeetingMark(_ r: HistoryRecord) -> Bool {
    r.field == meetingStartedField || r.field == meetingEndedField
  }

  /// The history records of a meeting: from its start to its end, and also those saved together
  /// with its end (edits made in the meeting and saved after ending it with R).
  public static func records(_ all: [HistoryRecord], of meeting: Meeting) -> [HistoryRecord] {
    var end = meeting.ended
    if let ended = meeting.ended,
      let saved = all.last(where: { $0.id == meeting.id && $0.field == meetingEndedField && $0.new == ended }),
      let endTime = Timestamp(iso: ended), let savedTime = saved.timestamp, endTime < savedTime
    {
      end = saved.at
    }
    return records(all, from: meeting.started, to: end)
  }

  /// The history records between two ISO timestamps (`to` nil: until now).
  public static func records(_ all: [HistoryRecord], from: String, to: String?) -> [HistoryRecord] {
    let start = Timestamp(iso: from)
    let end = to.flatMap { Timestamp(iso: $0) }
    return all.filter { r in
      guard let t = r.timestamp else { return false }
      if let start, t < start { return false }
      if let end, end < t { return false }
      return true
    }
  }
}
