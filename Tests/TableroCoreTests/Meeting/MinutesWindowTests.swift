import Testing
import TableroCore

/// Which history lines make a meeting's minutes: those saved between its start and its end,
/// and those saved together with its end (edits made in the meeting, saved after `R` ended it).
@Suite struct MinutesWindowTests {
  static let started = Timestamp(seconds: 1_372_672_920)  // 2013-07-01T10:02:00Z
  static let ended = Timestamp(seconds: 1_372_676_520)  // one hour later

  /// A meeting started, an edit made, the meeting ended, all saved later in one save.
  static func savedAfterTheEnd(at saved: Timestamp) throws -> (Portfolio, [HistoryRecord], Meeting) {
    let old = TestPortfolios.single(progress: 40)
    var new = old
    let meeting = Meeting(id: "R-2013-07-01", title: "Revisión", started: started.iso)
    try new.startMeeting(meeting)
    try new.setProgress(of: "C1-01", to: 55, note: "Licitación publicada", on: TestPortfolios.day("2013-07-01"))
    try new.endMeeting(meeting.id, at: ended.iso)
    let notes = ["C1-01": ["Licitación publicada"]]
    let records = History.records(from: old, to: new, user: "ana@laptop", at: saved, notes: notes)
    return (new, records, new.meetings[0])
  }

  @Test func theSaveThatRecordsTheEndBelongsToTheMeeting() throws {
    let (portfolio, records, meeting) = try Self.savedAfterTheEnd(at: Timestamp(seconds: Self.ended.seconds + 120))
    #expect(records.contains { $0.id == meeting.id && $0.field == Minutes.meetingEndedField })
    let inMeeting = Minutes.records(records, of: meeting)
    #expect(inMeeting.contains { $0.id == "C1-01" && $0.field == "actualProgress" })
    let minutes = Minutes(
      title: meeting.title, portfolio: portfolio, records: inMeeting, agreements: [], from: meeting.started, to: meeting.ended, language: .es)
    let text = minutes.render(.markdown, language: .es, today: TestPortfolios.day("2013-07-01"))
    #expect(text.contains("C1-01 · avance real: 40 → 55"), "\(text)")
    #expect(!text.contains("Sin cambios registrados"))
    #expect(!text.contains(Minutes.meetingEndedField), "the start and end marks are bookkeeping, not changes")
  }

  @Test func laterSavesDoNotJoinAnEndedMeeting() throws {
    let (_, records, meeting) = try Self.savedAfterTheEnd(at: Timestamp(seconds: Self.ended.seconds - 60))
    let later = HistoryRecord(
      at: Timestamp(seconds: Self.ended.seconds + 3600).iso, user: "beto@srv", id: "C1-01", field: "actualProgress", old: "55", new: "70")
    let inMeeting = Minutes.records(records + [later], of: meeting)
    #expect(inMeeting.contains { $0.new == "55" })
    #expect(!inMeeting.contains { $0.new == "70" })
  }
}

/// Issue 12: a measurement in the minutes shows its note next to its value.
@Suite struct MinutesMeasurementNoteTests {
  @Test func aMeasurementsNoteIsInItsHistoryRecordAndInTheMinutes() throws {
    var old = TestPortfolios.single(progress: 40)
    old.indicators = [Indicator(id: "1.1", name: "Cobertura", ownerID: "I1")]
    var new = old
    try new.recordMeasurement(Measurement(day: TestPortfolios.day("2012-06-30"), value: 63.5, note: "Cierre de junio", by: "ana"), of: "1.1")
    try new.recordMeasurement(Measurement(day: TestPortfolios.day("2012-03-31"), value: nil, reason: "N.D."), of: "1.1")
    let records = History.records(from: old, to: new, user: "ana@laptop", at: Timestamp(seconds: 1_341_100_000))
    let noted = try #require(records.first { $0.field == "measurements[2012-06-30]" })
    #expect(noted.note == "Cierre de junio")
    #expect(records.first { $0.field == "measurements[2012-03-31]" }?.note == nil, "no note: none invented")
    let minutes = Minutes(title: "Metas", portfolio: new, records: records, agreements: [], from: noted.at, to: nil, language: .es)
    let text = minutes.render(.markdown, language: .es, today: TestPortfolios.day("2012-07-01"))
    #expect(text.contains("1.1 · medición del 30/06/2012: — → 63.5 — «Cierre de junio» — ana@laptop"), "\(text)")
    #expect(text.contains("1.1 · medición del 31/03/2012: — → N.D. — ana@laptop"), "\(text)")
  }
}
