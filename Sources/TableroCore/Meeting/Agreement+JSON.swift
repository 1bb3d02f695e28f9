import TableroJSON

/// Agreements and meetings in the portfolio file (`agreements`, `meetings`): docs/FORMAT.md.
extension PortfolioEncoder {
  static func encode(_ a: Agreement) -> JSONValue {
    var o = JSONObject()
    o.set("folio", .string(a.folio))
    o.set("text", .string(a.text))
    if let item = a.itemID { o.set("item", .string(item)) }
    o.set("responsible", .string(a.responsible))
    if !a.coResponsibles.isEmpty { o.set("coResponsibles", .array(a.coResponsibles.map { .string($0) })) }
    o.set("created", .string(a.created.iso))
    o.set("due", .string(a.due.iso))
    if let meeting = a.meetingID { o.set("meeting", .string(meeting)) }
    o.set("concluded", a.concluded.map { .string($0.iso) } ?? .null)
    o.set(
      "notes",
      .array(
        a.notes.map { note in
          var n = JSONObject()
          n.set("day", .string(note.day.iso))
          n.set("text", .string(note.text))
          return .object(appending(note.extra, to: n))
        }))
    return .object(appending(a.extra, to: o))
  }

  static func encode(_ m: Meeting) -> JSONValue {
    var o = JSONObject()
    o.set("id", .string(m.id))
    o.set("title", .string(m.title))
    o.set("started", .string(m.started))
    o.set("ended", m.ended.map { .string($0) } ?? .null)
    return .object(appending(m.extra, to: o))
  }
}

extension PortfolioDecoder {
  static let agreementKeys: Set<String> = [
    "folio", "text", "item", "responsible", "coResponsibles", "created", "due", "meeting", "concluded", "notes",
  ]
  static let meetingKeys: Set<String> = ["id", "title", "started", "ended"]
  static let noteKeys: Set<String> = ["day", "text"]

  static func decodeAgreement(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> Agreement? {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let folio = r.string("folio", required: true, issues: &issues)
    let text = r.string("text", required: true, nonEmpty: true, issues: &issues)
    let item = r.string("item", issues: &issues)
    let responsible = r.string("responsible", issues: &issues) ?? ""
    var co: [String] = []
    for (i, v) in (r.array("coResponsibles", issues: &issues) ?? []).enumerated() {
      if case .string(let name) = v { co.append(name) } else {
        issues.append(.error("\(path).coResponsibles[\(i)]", .wrongType(expected: "string", found: v.kindName)))
      }
    }
    let created = r.day("created", required: true, issues: &issues)
    let due = r.day("due", required: true, issues: &issues)
    let meeting = r.string("meeting", issues: &issues)
    let concluded = r.day("concluded", issues: &issues)
    var notes: [AgreementNote] = []
    for (i, v) in (r.array("notes", issues: &issues) ?? []).enumerated() {
      let notePath = "\(path).notes[\(i)]"
      guard let noteObject = FieldReader.object(v, path: notePath, issues: &issues) else { continue }
      let n = FieldReader(noteObject, path: notePath, issues: &issues)
      if let day = n.day("day", required: true, issues: &issues), let text = n.string("text", required: true, issues: &issues) {
        notes.append(AgreementNote(day: day, text: text, extra: n.extra(knownKeys: noteKeys)))
      }
    }
    guard let folio, let text, let created, let due else { return nil }
    return Agreement(
      folio: folio, text: text, itemID: item, responsible: responsible, coResponsibles: co, created: created, due: due,
      meetingID: meeting, concluded: concluded, notes: notes, extra: r.extra(knownKeys: agreementKeys))
  }

  static func decodeMeeting(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> Meeting? {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let id = r.string("id", required: true, issues: &issues)
    let title = r.string("title", issues: &issues) ?? ""
    let started = r.string("started", required: true, issues: &issues)
    var ended: String?
    if let value = object["ended"], !value.isNull { ended = r.string("ended", issues: &issues) }
    guard let id, let started else { return nil }
    return Meeting(id: id, title: title, started: started, ended: ended, extra: r.extra(knownKeys: meetingKeys))
  }

  /// Reads the optional `agreements` and `meetings` arrays into `portfolio`.
  static func decodeMeetingData(_ root: FieldReader, into portfolio: inout Portfolio, issues: inout [ValidationIssue]) {
    for (i, item) in (root.array("agreements", issues: &issues) ?? []).enumerated() {
      if let a = decodeAgreement(item, path: "$.agreements[\(i)]", issues: &issues) { portfolio.agreements.append(a) }
    }
    for (i, item) in (root.array("meetings", issues: &issues) ?? []).enumerated() {
      if let m = decodeMeeting(item, path: "$.meetings[\(i)]", issues: &issues) { portfolio.meetings.append(m) }
    }
  }
}

extension PortfolioValidator {
  /// Unique folios and meeting ids, links to existing items, due not before creation.
  static func validateMeetingData(_ portfolio: Portfolio, into issues: inout [ValidationIssue]) {
    var folios: [String: Int] = [:]
    let meetingIDs = Set(portfolio.meetings.map(\.id))
    for (i, a) in portfolio.agreements.enumerated() {
      let path = "$.agreements[\(i)]"
      if let first = folios[a.folio] {
        issues.append(.error("\(path).folio", .duplicateID(a.folio, firstPath: "$.agreements[\(first)]")))
      } else {
        folios[a.folio] = i
      }
      if let item = a.itemID, !item.isEmpty, !portfolio.contains(id: item) {
        issues.append(.warning("\(path).item", .unknownItem(item)))
      }
      if let meeting = a.meetingID, !meetingIDs.contains(meeting) {
        issues.append(.warning("\(path).meeting", .unknownValue(meeting, allowed: Array(meetingIDs).sorted())))
      }
    }
    var seen = Set<String>()
    for (i, m) in portfolio.meetings.enumerated() where !seen.insert(m.id).inserted {
      issues.append(.error("$.meetings[\(i)].id", .duplicateID(m.id, firstPath: "$.meetings")))
    }
  }
}
