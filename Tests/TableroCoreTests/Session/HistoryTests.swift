import Foundation
import Testing
import TableroCore
import TableroJSON

@Suite("Portfolio diff and history")
struct HistoryTests {
  static func day(_ s: String) -> Day { Day(iso: s)! }

  @Test func diffCoversEveryKindOfField() throws {
    let old = try EmbeddedPortfolios.load(.demo).portfolio
    var new = old
    #expect(PortfolioDiff.changes(from: old, to: new).isEmpty)
    try new.apply(.setProgress(id: "ACMI-04", value: 55, note: "nota", day: Self.day("2013-06-30")))
    try new.apply(.setReportDate(Self.day("2013-07-31")))
    try new.apply(.setTolerance(-20))
    try new.apply(.rename(id: "ECE", name: "Expediente"))
    try new.apply(.setDates(id: "ACMI-04", start: Self.day("2013-01-01"), end: Self.day("2014-01-01")))
    try new.apply(.setWeight(id: "ACMI-04", value: 3))
    try new.apply(.setMemberWeight(imperative: "RTE", component: "ECE", value: 40))
    try new.apply(.addMember(component: "ACMI", imperative: "IOS", weight: 100))
    try new.apply(.setPlannedDates(id: "IOS", start: Self.day("2012-01-01"), end: nil))
    try new.apply(.addMilestone(id: "ACMI-04", milestone: Milestone(name: "Fallo", due: Self.day("2013-09-01"))))
    let removed = new.initiatives[0].id
    try new.apply(.remove(id: removed))
    var added = new.initiatives[0]
    added.id = "ACMI-99"
    added.name = "Nueva"
    added.componentID = "ACMI"
    try new.apply(.addInitiative(added))

    let changes = PortfolioDiff.changes(from: old, to: new)
    func find(_ id: String, _ field: String) -> Change? { changes.first { $0.itemID == id && $0.field == field } }
    #expect(find("ACMI-04", "actualProgress").map { [$0.oldValue, $0.newValue] } == ["40", "55"])
    #expect(find("", "reportDate").map { [$0.oldValue, $0.newValue] } == ["2013-06-30", "2013-07-31"])
    #expect(find("", "tolerance").map { [$0.oldValue, $0.newValue] } == ["-30", "-20"])
    #expect(find("ECE", "name")?.newValue == "Expediente")
    #expect(find("ACMI-04", "start")?.newValue == "2013-01-01")
    #expect(find("ACMI-04", "weight")?.newValue == "3")
    #expect(find("RTE", "components.ECE")?.newValue == "40")
    #expect(find("IOS", "components.ACMI").map { [$0.oldValue, $0.newValue] } == ["", "100"])
    #expect(find("IOS", "start").map { [$0.oldValue, $0.newValue] } == ["2011-10-01", "2012-01-01"])
    #expect(find("IOS", "end").map { [$0.oldValue, $0.newValue] } == ["2030-12-31", ""])
    #expect(find("ACMI-04", "milestones[Fallo]").map { [$0.oldValue, $0.newValue] } == ["", "2013-09-01"])
    #expect(find("ACMI-04", "notes") != nil)
    #expect(find(removed, "removed")?.oldValue == old.initiatives[0].name)
    #expect(find("ACMI-99", "added")?.newValue == "Nueva")
    #expect(changes.allSatisfy { $0.oldValue != $0.newValue })
  }

  @Test func membershipRemovalAndMilestoneDone() throws {
    var old = TestPortfolios.single()
    old.initiatives[0].milestones = [Milestone(name: "A", due: Self.day("2012-03-01")), Milestone(name: "B", due: Self.day("2012-06-01"))]
    var new = old
    try new.apply(.setMilestoneDone(id: "C1-01", index: 1, day: Self.day("2012-05-30")))
    try new.apply(.removeMilestone(id: "C1-01", index: 0))
    new.imperatives[0].members = []
    let changes = PortfolioDiff.changes(from: old, to: new).map { "\($0.itemID) \($0.field) \($0.oldValue)→\($0.newValue)" }
    #expect(changes.contains("I1 components.C1 100→"))
    #expect(changes.contains("C1-01 milestones[A] 2012-03-01→"))
    #expect(changes.contains("C1-01 milestones[B].done →2012-05-30"))
  }

  @Test func progressNotesGoOnTheProgressRecordNotAsANotesChange() throws {
    let old = TestPortfolios.single(progress: 40)
    var new = old
    let entries: [JournalEntry] = [
      .edit(.setProgress(id: "C1-01", value: 50, note: "primera", day: Self.day("2012-07-01"))),
      .edit(.setProgress(id: "C1-01", value: 60, note: "deshecha", day: Self.day("2012-07-01"))),
      .undo,
      .edit(.setProgress(id: "C1-01", value: 55, note: " segunda ", day: Self.day("2012-07-02"))),
    ]
    _ = new.replay(entries)
    let notes = History.progressNotes(entries)
    #expect(notes == ["C1-01": ["primera", "segunda"]])
    let records = History.records(from: old, to: new, user: "ana@laptop", at: Timestamp(seconds: 1_764_086_703), notes: notes)
    #expect(records == [
      HistoryRecord(at: "2025-11-25T16:05:03Z", user: "ana@laptop", id: "C1-01", field: "actualProgress", old: "40", new: "55", note: "primera / segunda")
    ])
    // A notes edit by hand is still recorded.
    var handEdited = new
    try handEdited.apply(.setNotes(id: "C1-01", text: "otra cosa"))
    #expect(History.records(from: old, to: handEdited, user: "u@h", at: .now, notes: notes).contains { $0.field == "notes" })
  }

  @Test func appendReadAndFilter() throws {
    let folder = try TempFolder()
    let path = folder.file("p.json.historial.jsonl")
    let r1 = HistoryRecord(at: "2025-11-20T10:00:00Z", user: "ana@laptop", id: "ACMI-04", field: "actualProgress", old: "40", new: "55", note: "Licitación\npublicada")
    let r2 = HistoryRecord(at: "2025-11-25T10:00:00Z", user: "beto@srv", id: "", field: "reportDate", old: "2013-06-30", new: "2013-07-31")
    let r3 = HistoryRecord(at: "2025-11-26T10:00:00Z", user: "beto@srv", id: "ACMI-04", field: "actualProgress", old: "55", new: "60")
    try History.append([r1], to: path)
    try History.append([r2, r3], to: path)
    let text = String(decoding: try folder.read("p.json.historial.jsonl"), as: UTF8.self)
    #expect(text.split(separator: "\n").first == #"{"at":"2025-11-20T10:00:00Z","user":"ana@laptop","id":"ACMI-04","field":"actualProgress","old":"40","new":"55","note":"Licitación\npublicada"}"#)
    #expect(try History.read(path).records == [r1, r2, r3])
    #expect(try History.read(path, id: "ACMI-04").records == [r1, r3])
    #expect(try History.read(path, since: Day(iso: "2025-11-25")).records.count >= 1)
    #expect(try History.read(path, id: "ACMI-04", since: Day(iso: "2025-11-27")).records.isEmpty)
    #expect(try History.read(folder.file("missing.jsonl")).records.isEmpty)
  }

  @Test func aTornLineDoesNotHideLaterRecords() throws {
    let folder = try TempFolder()
    let path = folder.file("h.jsonl")
    let r = HistoryRecord(at: "2025-11-20T10:00:00Z", user: "u@h", id: "A", field: "name", old: "x", new: "y")
    try History.append([r], to: path)
    let fd = open(path, O_WRONLY | O_APPEND)
    _ = "{\"at\":\"2025-".withCString { write(fd, $0, 12) }
    close(fd)
    try History.append([r], to: path)
    let read = try History.read(path)
    #expect(read.records == [r, r])
    #expect(read.skippedLines == [2])
  }

  @Test func textLine() {
    let r = HistoryRecord(at: "2025-11-20T10:05:00Z", user: "ana@laptop", id: "ACMI-04", field: "actualProgress", old: "40", new: "55", note: "Licitación")
    let line = r.line(.es)
    #expect(line.hasSuffix(" ana@laptop ACMI-04 actualProgress 40 → 55 — Licitación"), "\(line)")
    #expect(line.range(of: #"^\d\d/\d\d/\d{4} \d\d:\d\d "#, options: .regularExpression) != nil)
    let portfolioLine = HistoryRecord(at: "2025-11-20T10:05:00Z", user: "u@h", id: "", field: "tolerance", old: "-30", new: "").line(.en)
    #expect(portfolioLine.contains("(portfolio) tolerance -30 → –"))
  }

  @Test func timestamps() {
    let t = Timestamp(seconds: 1_764_086_703)
    #expect(t.iso == "2025-11-25T16:05:03Z")
    #expect(Timestamp(iso: t.iso) == t)
    #expect(Timestamp(iso: "2025-11-25T16:05:03.250Z") == t)
    #expect(Timestamp(seconds: 0).iso == "1970-01-01T00:00:00Z")
    #expect(Timestamp(seconds: -1).iso == "1969-12-31T23:59:59Z")
    #expect(Timestamp(iso: "2025-11-25 16:05:03Z") == nil)
    #expect(Timestamp(iso: "2025-13-25T16:05:03Z") == nil)
  }
}
