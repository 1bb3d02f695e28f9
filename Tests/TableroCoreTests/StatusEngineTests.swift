import Testing
import TableroCore

@Suite struct ExpectedProgressTests {
  let start = TestPortfolios.day("2012-01-01")
  let end = TestPortfolios.day("2012-12-31")  // 2012 is a leap year: 365 days between them

  @Test func beforeStartIsZero() {
    #expect(ExpectedProgress.linear(start: start, end: end, at: TestPortfolios.day("2011-12-31")) == 0)
  }
  @Test func onStartDayIsZero() {
    #expect(ExpectedProgress.linear(start: start, end: end, at: start) == 0)
  }
  @Test func midwayIsProportionalToDays() {
    let value = ExpectedProgress.linear(start: start, end: end, at: TestPortfolios.day("2012-07-01"))
    #expect(abs(value - 182.0 / 365.0 * 100) < 1e-9)
  }
  @Test func onEndDayIsHundred() {
    #expect(ExpectedProgress.linear(start: start, end: end, at: end) == 100)
  }
  @Test func afterEndIsHundred() {
    #expect(ExpectedProgress.linear(start: start, end: end, at: TestPortfolios.day("2013-05-01")) == 100)
  }
  @Test func leapDayCounts() {
    let s = TestPortfolios.day("2012-02-01")
    let e = TestPortfolios.day("2012-03-31")  // 59 days, 29 of them in February
    let value = ExpectedProgress.linear(start: s, end: e, at: TestPortfolios.day("2012-03-01"))
    #expect(abs(value - 29.0 / 59.0 * 100) < 1e-9)
  }
  @Test func sameDayStartAndEnd() {
    let d = TestPortfolios.day("2012-05-05")
    #expect(ExpectedProgress.linear(start: d, end: d, at: d.adding(days: -1)) == 0)
    #expect(ExpectedProgress.linear(start: d, end: d, at: d) == 100)
  }
  @Test func milestonesRuleUsesWeightDue() {
    let milestones = [
      Milestone(name: "A", due: TestPortfolios.day("2012-03-01"), weight: 1),
      Milestone(name: "B", due: TestPortfolios.day("2012-06-01"), weight: 3),
    ]
    #expect(ExpectedProgress.byMilestones(milestones, at: TestPortfolios.day("2012-04-01")) == 25)
    #expect(ExpectedProgress.byMilestones(milestones, at: TestPortfolios.day("2012-06-01")) == 100)
    #expect(ExpectedProgress.byMilestones([], at: TestPortfolios.day("2012-06-01")) == nil)
  }
}

@Suite struct StatusLevelTests {
  @Test(arguments: [
    (nil as Double?, StatusLevel.notStarted),
    (0.0, .onTrack),
    (12.5, .onTrack),
    (-0.1, .minorDeviation),
    (-30.0, .minorDeviation),
    (-30.000000000000004, .minorDeviation),
    (-30.1, .majorDeviation),
    (-100.0, .majorDeviation),
  ])
  func classifiesAgainstTolerance(deviation: Double?, expected: StatusLevel) {
    #expect(StatusLevel.classify(deviation: deviation, tolerance: -30) == expected)
  }

  @Test func deviationIsRelativeToExpected() {
    #expect(Deviation.percent(actual: 25, expected: 50) == -50)
    #expect(Deviation.percent(actual: 10, expected: 0) == nil)
    // 35 vs 50 is -30% exactly as a person reads it: yellow, not red.
    let deviation = Deviation.percent(actual: 35, expected: 50)
    #expect(StatusLevel.classify(deviation: deviation, tolerance: -30) == .minorDeviation)
  }

  @Test func customToleranceIsUsed() {
    #expect(StatusLevel.classify(deviation: -15, tolerance: -10) == .majorDeviation)
    #expect(StatusLevel.classify(deviation: -15, tolerance: -20) == .minorDeviation)
  }
}

@Suite struct StatusEngineTests {
  let engine = StatusEngine()

  @Test func zeroExpectedIsNotStartedEvenWithProgress() {
    let status = engine.evaluate(TestPortfolios.single(progress: 10, report: "2011-06-01"))
    #expect(status.initiatives[0].expected == 0)
    #expect(status.initiatives[0].level == .notStarted)
    #expect(status.components[0].level == .notStarted)
  }

  @Test func aheadOfPlanStaysGreen() {
    let status = engine.evaluate(TestPortfolios.single(progress: 90, report: "2012-07-01"))
    #expect(status.initiatives[0].level == .onTrack)
    #expect(status.imperatives[0].level == .onTrack)
    #expect(status.portfolio.level == .onTrack)
  }

  @Test func behindPlanIsRed() throws {
    let status = engine.evaluate(TestPortfolios.single(progress: 10, report: "2012-07-01"))
    let deviation = try #require(status.initiatives[0].deviation)
    #expect(deviation < -30)
    #expect(status.initiatives[0].level == .majorDeviation)
  }

  @Test func componentIsWeightedMeanOfInitiatives() throws {
    var p = TestPortfolios.single(progress: 40, report: "2013-01-01")  // expected 100
    p.initiatives.append(
      Initiative(
        id: "C1-02", name: "Otra", componentID: "C1", start: TestPortfolios.day("2012-01-01"),
        end: TestPortfolios.day("2012-12-31"), weight: 3, actualProgress: 80))
    let status = engine.evaluate(p)
    let component = status.components[0]
    #expect(component.expected == 100)
    let expectedActual: Double = (40.0 + 240.0) / 4.0
    #expect(component.actual == expectedActual)
  }

  @Test func allZeroWeightsFallBackToPlainMean() throws {
    var p = TestPortfolios.single(progress: 40, report: "2013-01-01")
    p.initiatives[0].weight = 0
    p.initiatives.append(
      Initiative(
        id: "C1-02", name: "Otra", componentID: "C1", start: TestPortfolios.day("2012-01-01"),
        end: TestPortfolios.day("2012-12-31"), weight: 0, actualProgress: 80))
    let status = engine.evaluate(p)
    #expect(status.components[0].actual == 60)
    #expect(PortfolioValidator.validate(p).contains { $0.problem == .allWeightsZero })
  }

  @Test func emptyComponentUsesOwnDatesAndProgress() {
    var p = TestPortfolios.single(report: "2012-07-01")
    p.initiatives = []
    p.components[0].actualProgress = 50
    let status = engine.evaluate(p)
    #expect(abs((status.components[0].expected ?? 0) - 182.0 / 365.0 * 100) < 1e-9)
    #expect(status.components[0].actual == 50)
    #expect(status.components[0].level == .onTrack)
  }

  @Test func sharedComponentCountsInBothImperativesWithItsOwnWeight() throws {
    let d = TestPortfolios.day
    let p = Portfolio(
      name: "Compartido", reportDate: d("2013-01-01"),
      imperatives: [
        Imperative(id: "A", name: "A", members: [Membership(componentID: "X", weight: 50), Membership(componentID: "Y", weight: 50)]),
        Imperative(id: "B", name: "B", members: [Membership(componentID: "X", weight: 10), Membership(componentID: "Y", weight: 90)]),
      ],
      components: [
        Component(id: "X", name: "X", start: d("2012-01-01"), end: d("2012-12-31"), actualProgress: 100),
        Component(id: "Y", name: "Y", start: d("2012-01-01"), end: d("2012-12-31"), actualProgress: 0),
      ])
    let status = engine.evaluate(p)
    #expect(status.imperatives[0].actual == 50)
    #expect(status.imperatives[1].actual == 10)
    #expect(status.imperatives[0].level == .majorDeviation)
    #expect(status.portfolio.actual == 30)
  }

  @Test func imperativeWithoutComponentsShowsOwnDatesAndNoStatus() {
    var p = TestPortfolios.single()
    p.imperatives.append(
      Imperative(id: "I2", name: "Vacío", plannedStart: TestPortfolios.day("2011-10-01"), plannedEnd: TestPortfolios.day("2030-12-31")))
    let status = engine.evaluate(p)
    #expect(status.imperatives[1].level == .noComponents)
    #expect(status.imperatives[1].start == TestPortfolios.day("2011-10-01"))
    #expect(status.imperatives[1].expected == nil)
    // It does not drag the portfolio down.
    #expect(status.portfolio.expected == status.imperatives[0].expected)
  }

  @Test func subtotalDatesSpanComponentsUnlessPlanned() {
    let d = TestPortfolios.day
    var p = TestPortfolios.single()
    p.components.append(Component(id: "C2", name: "Dos", start: d("2011-10-01"), end: d("2030-12-31")))
    p.imperatives[0].members.append(Membership(componentID: "C2", weight: 0))
    var status = engine.evaluate(p)
    #expect(status.imperatives[0].start == d("2011-10-01"))
    #expect(status.imperatives[0].end == d("2030-12-31"))
    p.imperatives[0].plannedStart = d("2011-01-01")
    p.imperatives[0].plannedEnd = d("2040-01-01")
    status = engine.evaluate(p)
    #expect(status.imperatives[0].start == d("2011-01-01"))
    #expect(status.imperatives[0].end == d("2040-01-01"))
  }
}

@Suite struct IncrementalStatusTests {
  @Test(arguments: ["ACMI-04", "ECE-01", "RHS-02", "PMSRS-03"])
  func updatingOneProgressEqualsAFullEvaluation(_ id: String) throws {
    var p = try EmbeddedPortfolios.load(.demo).portfolio
    let engine = StatusEngine()
    var status = engine.evaluate(p)
    try p.setProgress(of: id, to: 77, on: p.reportDate)
    #expect(engine.updateProgress(&status, in: p, changed: id))
    #expect(status == engine.evaluate(p))
  }

  @Test func componentWithoutInitiativesToo() throws {
    var p = TestPortfolios.single(progress: 10)
    p.initiatives = []
    let engine = StatusEngine()
    var status = engine.evaluate(p)
    try p.setProgress(of: "C1", to: 90, on: p.reportDate)
    #expect(engine.updateProgress(&status, in: p, changed: "C1"))
    #expect(status == engine.evaluate(p))
  }
}

@Suite struct AgreementCoreTests {
  let day = { (s: String) in Day(userText: s) ?? Day(ordinal: 0) }

  @Test func statusFollowsNotesConclusionAndDueDate() {
    var a = Agreement(folio: "AC-001", text: "x", responsible: "Ana", created: day("01/06/2013"), due: day("30/06/2013"))
    #expect(a.status(on: day("15/06/2013")) == .pending)
    a.notes.append(AgreementNote(day: day("10/06/2013"), text: "avance"))
    #expect(a.status(on: day("15/06/2013")) == .inProgress)
    #expect(a.status(on: day("01/07/2013")) == .overdue)
    a.concluded = day("02/07/2013")
    #expect(a.status(on: day("01/08/2013")) == .concluded)
  }

  @Test func involvesMatchesWholeWordsWithoutAccents() {
    let a = Agreement(folio: "AC-001", text: "x", responsible: "Ana Pérez", coResponsibles: ["Dirección General"], created: day("01/06/2013"), due: day("30/06/2013"))
    #expect(a.involves("ana"))
    #expect(a.involves("PEREZ"))
    #expect(a.involves("direccion"))
    #expect(!a.involves("mariana"))
    #expect(!a.involves(""))
  }

  @Test func foliosAreSequentialAndAgreementsRoundTripThroughTheFile() throws {
    var p = try EmbeddedPortfolios.load(.demo).portfolio
    #expect(p.nextAgreementFolio == "AC-001")
    try p.apply(.addAgreement(Agreement(folio: p.nextAgreementFolio, text: "Uno", itemID: "ACMI-04", responsible: "Ana", created: day("01/06/2013"), due: day("30/06/2013"))))
    try p.apply(.addAgreementNote(folio: "AC-001", note: AgreementNote(day: day("05/06/2013"), text: "nota")))
    try p.apply(.startMeeting(Meeting(id: "R-1", title: "Junio", started: "2013-06-30T10:00:00Z")))
    #expect(p.nextAgreementFolio == "AC-002")
    #expect(throws: EditError.self) { try p.apply(.addAgreement(Agreement(folio: "AC-001", text: "dup", responsible: "x", created: day("01/06/2013"), due: day("30/06/2013")))) }
    let loaded = try PortfolioCodec.decode(PortfolioCodec.encode(p), path: "x.json")
    #expect(loaded.portfolio == p)
    for edit in [Edit.addAgreement(p.agreements[0]), .concludeAgreement(folio: "AC-001", day: nil), .endMeeting(id: "R-1", at: "2013-06-30T11:00:00Z")] {
      #expect(try Edit(json: edit.json) == edit)
    }
  }
}
