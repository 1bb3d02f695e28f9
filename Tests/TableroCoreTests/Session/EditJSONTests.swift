import Testing
import TableroCore
import TableroJSON

@Suite("Edit ⇄ JSON")
struct EditJSONTests {
  static let d1 = Day(iso: "2013-06-30")!
  static let d2 = Day(iso: "2014-01-31")!

  static let initiative = Initiative(
    id: "ACMI-99", name: "Compra “consolidada” ñ 🚑", componentID: "ACMI", horizon: .medium, isQuickWin: true,
    responsible: "DGIS", start: d1, end: d2, weight: 2.5, actualProgress: 33.33,
    milestones: [Milestone(name: "Licitación", due: d1, done: d2, weight: 3), Milestone(name: "Fallo", due: d2)],
    notes: "línea 1\nlínea 2", extra: ["zz": .string("kept")])
  static let component = Component(
    id: "NEW", name: "Nuevo", description: "d", responsible: "r", start: d1, end: d2, actualProgress: 10,
    phases: PhasePlan(ranges: [.formulation: DateRange(start: d1, end: d2)]))
  static let imperative = Imperative(
    id: "IMP", name: "Imperativo", description: "x", weight: 2, plannedStart: d1, plannedEnd: d2,
    members: [Membership(componentID: "ECE", weight: 33.3)])

  static let all: [Edit] = [
    .setProgress(id: "ACMI-04", value: 55.5, note: "Licitación \"publicada\"\n2ª línea", day: d1),
    .setProgress(id: "ACMI-04", value: 0, note: nil, day: d2),
    .setReportDate(d1),
    .setTolerance(-25.5),
    .rename(id: "ECE", name: "Expediente ✓"),
    .setResponsible(id: "ECE", name: "Dirección"),
    .setNotes(id: "ACMI-04", text: "a\tb"),
    .setDates(id: "ECE", start: d1, end: d2),
    .setPlannedDates(id: "RTE", start: d1, end: nil),
    .setPlannedDates(id: "RTE", start: nil, end: nil),
    .setWeight(id: "ACMI-04", value: 0.1),
    .setMemberWeight(imperative: "RTE", component: "ECE", value: 33.3),
    .setHorizon(id: "ACMI-04", horizon: .medium),
    .setQuickWin(id: "ACMI-04", isQuickWin: true),
    .moveInitiative(id: "ACMI-04", component: "ECE"),
    .addInitiative(initiative),
    .addComponent(component, imperatives: ["RTE", "OAM"], weight: 12.5),
    .addImperative(imperative),
    .addMember(component: "ECE", imperative: "IOS", weight: 50),
    .remove(id: "ACMI-04"),
    .addMilestone(id: "ACMI-04", milestone: Milestone(name: "Hito", due: d1, done: nil, weight: 1)),
    .setMilestoneDone(id: "ACMI-04", index: 2, day: d2),
    .setMilestoneDone(id: "ACMI-04", index: 0, day: nil),
    .removeMilestone(id: "ACMI-04", index: 1),
    .batch([.rename(id: "ECE", name: "E"), .batch([.setTolerance(-10)]), .setReportDate(d2)]),
    .batch([]),
  ]

  @Test(arguments: all)
  func roundTripsThroughJSONText(_ edit: Edit) throws {
    let text = JSONWriter.compact(edit.json)
    #expect(!text.contains("\n"), "one line")
    let back = try Edit(json: try JSON.parse(text))
    #expect(back == edit)
    #expect(edit.json["op"]?.stringValue == edit.opName)
  }

  @Test func everyCaseIsCovered() {
    let ops = Set(Self.all.map(\.opName))
    #expect(ops.count == 22, "\(ops.sorted())")
  }

  @Test(arguments: [JournalEntry.undo, .redo] + all.map { JournalEntry.edit($0) })
  func journalEntriesRoundTrip(_ entry: JournalEntry) throws {
    let back = try JournalEntry(json: try JSON.parse(JSONWriter.compact(entry.json)))
    #expect(back == entry)
  }

  @Test func journalEntryShapes() {
    #expect(JSONWriter.compact(JournalEntry.undo.json) == #"{"undo":true}"#)
    #expect(JSONWriter.compact(JournalEntry.redo.json) == #"{"redo":true}"#)
    #expect(
      JSONWriter.compact(JournalEntry.edit(.setReportDate(Self.d1)).json)
        == #"{"edit":{"op":"setReportDate","day":"2013-06-30"}}"#)
  }

  @Test(arguments: [
    (#"{"op":"teleport"}"#, "$.op"),
    (#"{"op":"setProgress","id":"A","value":"10","day":"2013-01-01"}"#, "$.value"),
    (#"{"op":"setProgress","id":"A","value":10,"day":"31/01/2013"}"#, "$.day"),
    (#"{"op":"setReportDate"}"#, "$.day"),
    (#"{"op":"setHorizon","id":"A","horizon":"long"}"#, "$.horizon"),
    (#"{"op":"setMilestoneDone","id":"A","index":1.5,"day":null}"#, "$.index"),
    (#"{"op":"batch","edits":[{"op":"rename","id":"A"}]}"#, "$.edits[0].name"),
    (#"{"op":"addInitiative","initiative":{"id":"X"}}"#, "$.initiative"),
    (#"[1]"#, "$"),
  ])
  func malformedEditsSayWhere(_ text: String, _ path: String) throws {
    #expect(throws: EditCodingError.self) { try Edit(json: try JSON.parse(text)) }
    do {
      _ = try Edit(json: try JSON.parse(text))
    } catch let error as EditCodingError {
      #expect(error.path.hasPrefix(path), "\(error)")
    }
  }

  @Test func malformedEntries() throws {
    for text in [#"{}"#, #"{"undo":false}"#, #"{"edit":{"op":"x"}}"#, #""undo""#] {
      #expect(throws: EditCodingError.self) { try JournalEntry(json: try JSON.parse(text)) }
    }
  }
}

extension Edit: CustomTestStringConvertible {
  public var testDescription: String { opName }
}
extension JournalEntry: CustomTestStringConvertible {
  public var testDescription: String {
    switch self {
    case .edit(let e): "edit \(e.opName)"
    case .undo: "undo"
    case .redo: "redo"
    }
  }
}
