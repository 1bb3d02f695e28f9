import TableroJSON

/// Why a journalled edit could not be read back: the place in the JSON and what was wrong.
public struct EditCodingError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }
  public var description: String { "\(path): \(message)" }
}

/// `Edit` ⇄ JSON for the recovery journal: an object with an `"op"` naming the case and one
/// key per argument; dates are ISO (`YYYY-MM-DD`), items use the portfolio file's own shape.
extension Edit {
  public var json: JSONValue {
    var o = JSONObject()
    func put(_ key: String, _ value: JSONValue) { o.set(key, value) }
    func text(_ s: String) -> JSONValue { .string(s) }
    func num(_ d: Double) -> JSONValue { PortfolioEncoder.number(d) }
    func day(_ d: Day?) -> JSONValue { d.map { .string($0.iso) } ?? .null }
    put("op", text(opName))
    switch self {
    case .setProgress(let id, let value, let note, let d):
      put("id", text(id)); put("value", num(value)); put("note", note.map(text) ?? .null); put("day", day(d))
    case .setReportDate(let d): put("day", day(d))
    case .setTolerance(let value): put("value", num(value))
    case .rename(let id, let name): put("id", text(id)); put("name", text(name))
    case .setResponsible(let id, let name): put("id", text(id)); put("name", text(name))
    case .setNotes(let id, let notes): put("id", text(id)); put("text", text(notes))
    case .setDates(let id, let start, let end): put("id", text(id)); put("start", day(start)); put("end", day(end))
    case .setPlannedDates(let id, let start, let end):
      put("id", text(id)); put("start", day(start)); put("end", day(end))
    case .setWeight(let id, let value): put("id", text(id)); put("value", num(value))
    case .setMemberWeight(let imperative, let component, let value):
      put("imperative", text(imperative)); put("component", text(component)); put("value", num(value))
    case .setHorizon(let id, let horizon): put("id", text(id)); put("horizon", text(horizon.rawValue))
    case .setQuickWin(let id, let flag): put("id", text(id)); put("quickWin", .bool(flag))
    case .moveInitiative(let id, let component): put("id", text(id)); put("component", text(component))
    case .addInitiative(let initiative): put("initiative", PortfolioEncoder.encode(initiative))
    case .addComponent(let component, let imperatives, let weight):
      put("component", PortfolioEncoder.encode(component))
      put("imperatives", .array(imperatives.map(text)))
      put("weight", num(weight))
    case .addImperative(let imperative): put("imperative", PortfolioEncoder.encode(imperative))
    case .addMember(let component, let imperative, let weight):
      put("component", text(component)); put("imperative", text(imperative)); put("weight", num(weight))
    case .remove(let id): put("id", text(id))
    case .addMilestone(let id, let milestone): put("id", text(id)); put("milestone", PortfolioEncoder.encode(milestone))
    case .setMilestoneDone(let id, let index, let d):
      put("id", text(id)); put("index", .number(JSONNumber(index))); put("day", day(d))
    case .removeMilestone(let id, let index): put("id", text(id)); put("index", .number(JSONNumber(index)))
    case .addAgreement(let a): put("agreement", PortfolioEncoder.encode(a))
    case .addAgreementNote(let folio, let note): put("folio", text(folio)); put("day", day(note.day)); put("text", text(note.text))
    case .concludeAgreement(let folio, let d): put("folio", text(folio)); put("day", day(d))
    case .startMeeting(let m): put("meeting", PortfolioEncoder.encode(m))
    case .endMeeting(let id, let at): put("id", text(id)); put("at", text(at))
    case .recordMeasurement(let id, let m): put("indicator", text(id)); put("measurement", PortfolioEncoder.encode(m))
    case .batch(let edits): put("edits", .array(edits.map(\.json)))
    }
    return .object(o)
  }

  /// The `"op"` value of this case.
  public var opName: String {
    switch self {
    case .setProgress: "setProgress"
    case .setReportDate: "setReportDate"
    case .setTolerance: "setTolerance"
    case .rename: "rename"
    case .setResponsible: "setResponsible"
    case .setNotes: "setNotes"
    case .setDates: "setDates"
    case .setPlannedDates: "setPlannedDates"
    case .setWeight: "setWeight"
    case .setMemberWeight: "setMemberWeight"
    case .setHorizon: "setHorizon"
    case .setQuickWin: "setQuickWin"
    case .moveInitiative: "moveInitiative"
    case .addInitiative: "addInitiative"
    case .addComponent: "addComponent"
    case .addImperative: "addImperative"
    case .addMember: "addMember"
    case .remove: "remove"
    case .addMilestone: "addMilestone"
    case .setMilestoneDone: "setMilestoneDone"
    case .removeMilestone: "removeMilestone"
    case .addAgreement: "addAgreement"
    case .addAgreementNote: "addAgreementNote"
    case .concludeAgreement: "concludeAgreement"
    case .startMeeting: "startMeeting"
    case .endMeeting: "endMeeting"
    case .recordMeasurement: "recordMeasurement"
    case .batch: "batch"
    }
  }

  public init(json value: JSONValue, path: String = "$") throws(EditCodingError) {
    let r = EditReader(value: value, path: path)
    let op = try r.string("op")
    switch op {
    case "setProgress":
      self = .setProgress(id: try r.string("id"), value: try r.number("value"), note: try r.optionalString("note"), day: try r.day("day"))
    case "setReportDate": self = .setReportDate(try r.day("day"))
    case "setTolerance": self = .setTolerance(try r.number("value"))
    case "rename": self = .rename(id: try r.string("id"), name: try r.string("name"))
    case "setResponsible": self = .setResponsible(id: try r.string("id"), name: try r.string("name"))
    case "setNotes": self = .setNotes(id: try r.string("id"), text: try r.string("text"))
    case "setDates": self = .setDates(id: try r.string("id"), start: try r.day("start"), end: try r.day("end"))
    case "setPlannedDates":
      self = .setPlannedDates(id: try r.string("id"), start: try r.optionalDay("start"), end: try r.optionalDay("end"))
    case "setWeight": self = .setWeight(id: try r.string("id"), value: try r.number("value"))
    case "setMemberWeight":
      self = .setMemberWeight(imperative: try r.string("imperative"), component: try r.string("component"), value: try r.number("value"))
    case "setHorizon":
      let text = try r.string("horizon")
      guard let horizon = Horizon(rawValue: text) else { throw r.error("horizon", "horizonte desconocido \"\(text)\"") }
      self = .setHorizon(id: try r.string("id"), horizon: horizon)
    case "setQuickWin": self = .setQuickWin(id: try r.string("id"), isQuickWin: try r.bool("quickWin"))
    case "moveInitiative": self = .moveInitiative(id: try r.string("id"), component: try r.string("component"))
    case "addInitiative":
      self = .addInitiative(try r.item("initiative", PortfolioDecoder.decodeInitiative))
    case "addComponent":
      let imperatives = try r.array("imperatives").enumerated().map { (i, v) throws(EditCodingError) -> String in
        guard case .string(let s) = v else { throw EditCodingError(path: "\(path).imperatives[\(i)]", message: "se esperaba texto") }
        return s
      }
      self = .addComponent(try r.item("component", PortfolioDecoder.decodeComponent), imperatives: imperatives, weight: try r.number("weight"))
    case "addImperative": self = .addImperative(try r.item("imperative", PortfolioDecoder.decodeImperative))
    case "addMember":
      self = .addMember(component: try r.string("component"), imperative: try r.string("imperative"), weight: try r.number("weight"))
    case "remove": self = .remove(id: try r.string("id"))
    case "addMilestone": self = .addMilestone(id: try r.string("id"), milestone: try r.item("milestone", PortfolioDecoder.decodeMilestone))
    case "setMilestoneDone": self = .setMilestoneDone(id: try r.string("id"), index: try r.int("index"), day: try r.optionalDay("day"))
    case "removeMilestone": self = .removeMilestone(id: try r.string("id"), index: try r.int("index"))
    case "addAgreement": self = .addAgreement(try r.item("agreement", PortfolioDecoder.decodeAgreement))
    case "addAgreementNote":
      self = .addAgreementNote(folio: try r.string("folio"), note: AgreementNote(day: try r.day("day"), text: try r.string("text")))
    case "concludeAgreement": self = .concludeAgreement(folio: try r.string("folio"), day: try r.optionalDay("day"))
    case "startMeeting": self = .startMeeting(try r.item("meeting", PortfolioDecoder.decodeMeeting))
    case "endMeeting": self = .endMeeting(id: try r.string("id"), at: try r.string("at"))
    case "recordMeasurement":
      self = .recordMeasurement(indicator: try r.string("indicator"), measurement: try r.item("measurement", PortfolioDecoder.decodeMeasurement))
    case "batch":
      var edits: [Edit] = []
      for (i, item) in try r.array("edits").enumerated() {
        edits.append(try Edit(json: item, path: "\(path).edits[\(i)]"))
      }
      self = .batch(edits)
    default:
      throw r.error("op", "operación desconocida \"\(op)\"")
    }
  }
}

extension JournalEntry {
  /// `{"edit": {...}}`, `{"undo": true}` or `{"redo": true}`.
  public var json: JSONValue {
    switch self {
    case .edit(let edit): return .object(["edit": edit.json])
    case .undo: return .object(["undo": .bool(true)])
    case .redo: return .object(["redo": .bool(true)])
    }
  }

  public init(json value: JSONValue, path: String = "$") throws(EditCodingError) {
    guard case .object(let o) = value else { throw EditCodingError(path: path, message: "se esperaba un objeto") }
    if let edit = o["edit"] {
      self = .edit(try Edit(json: edit, path: "\(path).edit"))
    } else if o["undo"] == .bool(true) {
      self = .undo
    } else if o["redo"] == .bool(true) {
      self = .redo
    } else {
      throw EditCodingError(path: path, message: "se esperaba \"edit\", \"undo\" o \"redo\"")
    }
  }
}

/// Typed access to an edit's fields, each failure naming its path.
private struct EditReader {
  let value: JSONValue
  let path: String

  func error(_ key: String, _ message: String) -> EditCodingError {
    EditCodingError(path: "\(path).\(key)", message: message)
  }

  func field(_ key: String) throws(EditCodingError) -> JSONValue {
    guard case .object(let o) = value else { throw EditCodingError(path: path, message: "se esperaba un objeto") }
    guard let v = o[key] else { throw error(key, "falta el campo") }
    return v
  }

  func string(_ key: String) throws(EditCodingError) -> String {
    guard case .string(let s) = try field(key) else { throw error(key, "se esperaba texto") }
    return s
  }

  func optionalString(_ key: String) throws(EditCodingError) -> String? {
    if value[key] == nil || value[key] == .null { return nil }
    return try string(key)
  }

  func number(_ key: String) throws(EditCodingError) -> Double {
    guard case .number(let n) = try field(key), let d = n.double else { throw error(key, "se esperaba un número finito") }
    return d
  }

  func int(_ key: String) throws(EditCodingError) -> Int {
    guard case .number(let n) = try field(key), let i = n.int else { throw error(key, "se esperaba un entero") }
    return i
  }

  func bool(_ key: String) throws(EditCodingError) -> Bool {
    guard case .bool(let b) = try field(key) else { throw error(key, "se esperaba true o false") }
    return b
  }

  func day(_ key: String) throws(EditCodingError) -> Day {
    guard case .string(let s) = try field(key), let d = Day(iso: s) else { throw error(key, "se esperaba una fecha AAAA-MM-DD") }
    return d
  }

  func optionalDay(_ key: String) throws(EditCodingError) -> Day? {
    if value[key] == nil || value[key] == .null { return nil }
    return try day(key)
  }

  func array(_ key: String) throws(EditCodingError) -> [JSONValue] {
    guard case .array(let a) = try field(key) else { throw error(key, "se esperaba una lista") }
    return a
  }

  /// An initiative, component, imperative or milestone in the file's own shape.
  func item<T>(_ key: String, _ decode: (JSONValue, String, inout [ValidationIssue]) -> T?) throws(EditCodingError) -> T {
    let v = try field(key)
    var issues: [ValidationIssue] = []
    let decoded = decode(v, "\(path).\(key)", &issues)
    if let first = issues.first(where: { $0.severity == .error }) {
      throw EditCodingError(path: first.path, message: first.message(.es))
    }
    guard let decoded else { throw error(key, "no se pudo leer") }
    return decoded
  }
}
