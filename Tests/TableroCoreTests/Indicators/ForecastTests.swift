import Testing
import TableroCore

/// The finish-date forecast of docs/STATUS.md ("Pronóstico"): exact on straight lines.
@Suite struct ForecastTests {
  static let d0 = TestPortfolios.day("2012-01-01")
  static func at(_ n: Int) -> Day { d0.adding(days: n) }
  static func points(_ list: [(Int, Double)]) -> [ProgressPoint] { list.map { ProgressPoint(day: at($0.0), actual: $0.1) } }

  static func estimate(_ list: [(Int, Double)], start: Int = 0, end: Int = 60, report: Int = 1000, current: Double? = nil) -> Forecast {
    Forecast.estimate(points: points(list), start: at(start), plannedEnd: at(end), reportDate: at(report), current: current)
  }

  @Test func aStraightLineFinishesExactlyWhereItReaches100() {
    let f = Self.estimate([(0, 10), (10, 20), (20, 30)])
    #expect(f.outcome == .finishes(Self.at(90)))
    #expect(f.method == .recentTrend(points: 3))
    #expect(f.delayDays == 30)
  }

  @Test func onlyTheRecentUpdatesCount() {
    // Flat for a long time, then 2 points a day over the last six updates.
    let list: [(Int, Double)] = [(0, 5), (100, 5), (200, 5), (300, 10), (305, 20), (310, 30), (315, 40), (320, 50), (325, 60)]
    let f = Self.estimate(list, end: 400)
    #expect(f.outcome == .finishes(Self.at(345)))
    #expect(f.delayDays == -55)
  }

  @Test func oneValueFallsBackToTheAveragePaceSinceTheStart() {
    let f = Self.estimate([], start: 0, report: 50, current: 25)
    #expect(f.method == .averagePace)
    #expect(f.outcome == .finishes(Self.at(200)))
  }

  @Test func theCurrentValueCountsWhenTheHistoryIsBehind() {
    let f = Self.estimate([(0, 10), (10, 20)], report: 20, current: 30)
    #expect(f.outcome == .finishes(Self.at(90)))
  }

  @Test func noRecentProgressCannotBeEstimated() {
    #expect(Self.estimate([(0, 20), (10, 20), (20, 20)]).outcome == .noRecentProgress)
    #expect(Self.estimate([(0, 30), (10, 20)]).outcome == .noRecentProgress)
    #expect(Self.estimate([], current: 0).outcome == .noRecentProgress)
    #expect(Self.estimate([]).outcome == .noRecentProgress)
    #expect(Self.estimate([(0, 20), (10, 20)]).sentence(.es) == "sin avance reciente: no se puede estimar")
  }

  @Test func finishedAndFarAwayCases() {
    #expect(Self.estimate([(0, 50), (10, 100)]).outcome == .finished)
    #expect(Self.estimate([(0, 1), (10, 1.0001)]).outcome == .tooSlow)
  }

  @Test func pointsAfterTheReportDateAreIgnored() {
    let f = Self.estimate([(0, 10), (10, 20), (20, 90)], report: 15)
    #expect(f.outcome == .finishes(Self.at(90)))
  }

  @Test func theSentenceStatesDateAndDelay() {
    let planned = TestPortfolios.day("2013-06-15")
    let f = Forecast(outcome: .finishes(TestPortfolios.day("2014-03-15")), method: .averagePace, plannedEnd: planned)
    #expect(f.sentence(.es) == "a este ritmo termina el 15/03/2014 — 9 meses después de lo planeado")
    #expect(f.sentence(.en) == "at this pace it finishes on 15/03/2014 — 9 months later than planned")
    #expect(f.cell(.es) == "15/03/2014 (+9 m)")
    let early = Forecast(outcome: .finishes(TestPortfolios.day("2013-06-03")), method: .averagePace, plannedEnd: planned)
    #expect(early.delayText(.es) == "12 días antes de lo planeado")
  }

  @Test func aComponentIsForecastFromItsInitiativesHistory() throws {
    var p = TestPortfolios.single(progress: 40, report: "2012-03-01")
    p.initiatives.append(
      Initiative(id: "C1-02", name: "Otra", componentID: "C1", start: Self.d0, end: TestPortfolios.day("2012-12-31"), actualProgress: 40))
    let history = ProgressHistory([
      .init(day: Self.at(0), id: "C1-01", old: 0, new: 20), .init(day: Self.at(0), id: "C1-02", old: 0, new: 20),
      .init(day: Self.at(10), id: "C1-01", old: 20, new: 40), .init(day: Self.at(10), id: "C1-02", old: 20, new: 40),
    ])
    let board = ForecastBoard(portfolio: p, status: StatusEngine().evaluate(p), history: history)
    #expect(try #require(board.component(0)).outcome == .finishes(Self.at(40)))
    #expect(try #require(board.imperative(0)).outcome == .finishes(Self.at(40)))
    #expect(try #require(board.initiative(1)).outcome == .finishes(Self.at(40)))
  }
}
