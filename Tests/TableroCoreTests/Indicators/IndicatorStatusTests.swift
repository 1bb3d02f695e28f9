import Testing
import TableroCore

/// The indicator status rule of docs/STATUS.md ("Indicadores"), case by case.
@Suite struct IndicatorStatusTests {
  static func day(_ s: String) -> Day { TestPortfolios.day(s) }

  static func indicator(
    trend: IndicatorTrend, baseline: Double?, goals: [(Int, Double?)] = [], final: Double?,
    measured: [(String, Double?)], periodicity: IndicatorPeriodicity = .annual
  ) -> Indicator {
    Indicator(
      id: "1.1", name: "x", ownerID: "I1", trend: trend, periodicity: periodicity,
      baseline: baseline.map { IndicatorTarget(year: 2018, value: $0) } ?? IndicatorTarget(year: 2018, value: nil, reason: "N.D."),
      goals: goals.map { IndicatorTarget(year: $0.0, value: $0.1, reason: $0.1 == nil ? "N.D." : "") },
      finalGoal: final.map { IndicatorTarget(year: 2024, value: $0) },
      measurements: measured.map { Measurement(day: day($0.0), value: $0.1, reason: $0.1 == nil ? "N.D." : "") })
  }

  static func status(_ x: Indicator, at report: String = "2021-12-31") -> IndicatorStatus {
    IndicatorEvaluator.evaluate(x, at: day(report), tolerance: -30)
  }

  // Baseline 31/12/2018 and final goal 31/12/2024 are 2192 days apart; 31/12/2021 is 1096 days
  // in, exactly half way.

  @Test func ascendingComparesAchievedWithPlannedChange() throws {
    func level(_ v: Double) -> IndicatorStatus { Self.status(Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2021-12-31", v)])) }
    #expect(level(60).expected == 65)
    #expect(try #require(level(60).deviation) == (10.0 - 15) / 15 * 100)
    #expect(level(60).state == .level(.majorDeviation))
    #expect(level(62).state == .level(.minorDeviation))
    #expect(level(65).state == .level(.onTrack))
    #expect(level(70).state == .level(.onTrack))
  }

  @Test func descendingTreatsLowerAsBetter() throws {
    func status(_ v: Double) -> IndicatorStatus { Self.status(Self.indicator(trend: .descending, baseline: 20, final: 14, measured: [("2021-12-31", v)])) }
    #expect(status(18.2).expected == 17)
    #expect(abs(try #require(status(18.2).deviation) - -40) < 1e-9)
    #expect(status(18.2).state == .level(.majorDeviation))
    #expect(status(17.6).state == .level(.minorDeviation))
    #expect(status(16.5).state == .level(.onTrack))
    // Worse than the baseline is red, not "ahead".
    #expect(status(21).state == .level(.majorDeviation))
  }

  @Test func constantPenalisesDistanceEitherWay() {
    func status(_ v: Double) -> IndicatorStatus { Self.status(Self.indicator(trend: .constant, baseline: 95, final: 95, measured: [("2021-12-31", v)])) }
    #expect(status(95).state == .level(.onTrack))
    #expect(status(90).state == .level(.minorDeviation))
    #expect(status(100).state == .level(.minorDeviation))
    #expect(status(60).state == .level(.majorDeviation))
  }

  @Test func intermediateGoalsBendTheTrajectory() throws {
    let x = Self.indicator(trend: .ascending, baseline: 50, goals: [(2020, 70), (2022, nil)], final: 80, measured: [("2020-12-31", 62)])
    let trajectory = try #require(IndicatorTrajectory(x))
    // The N.D. goal of 2022 is skipped: the line goes 2018 → 2020 → 2024.
    #expect(trajectory.points.map(\.value) == [50, 70, 80])
    #expect(trajectory.value(at: Self.day("2020-12-31")) == 70)
    #expect(trajectory.value(at: Self.day("2024-12-31")) == 80)
    #expect(trajectory.value(at: Self.day("2030-01-01")) == 80)
    #expect(trajectory.value(at: Self.day("2010-01-01")) == 50)
    let s = Self.status(x, at: "2021-06-30")
    #expect(s.expected == 70)
    #expect(try #require(s.deviation) == (12.0 - 20) / 20 * 100)
    #expect(s.state == .level(.majorDeviation))
    #expect(s.nextGoal?.value == 80)
  }

  @Test func nothingMeasuredInTheCurrentPeriodIsSinMedicion() {
    // Annual: a value of 2019 is too old at the end of 2021 (only 2020 or 2021 count).
    let old = Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2019-12-31", 70)])
    #expect(Self.status(old).state == .noMeasurement)
    #expect(Self.status(old).latest?.value == 70)
    #expect(Self.status(old).label(.es, tolerance: -30) == "Sin medición")
    let lastYear = Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2020-12-31", 70)])
    #expect(Self.status(lastYear).state == .level(.onTrack))
    // Quarterly: at 31/12/2021 a value of June is two quarters old.
    let quarterly = Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2021-06-30", 70)], periodicity: .quarterly)
    #expect(Self.status(quarterly).state == .noMeasurement)
    #expect(Self.status(quarterly, at: "2021-09-30").state == .level(.onTrack))
    // Measurements after the report date do not count yet.
    let future = Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2022-03-31", 70)])
    #expect(Self.status(future).state == .noMeasurement)
  }

  @Test func anAbsentValueKeepsItsReasonAndCountsAsNotMeasured() {
    let x = Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2020-12-31", 60), ("2021-12-31", nil)])
    let s = Self.status(x)
    // The last value (2020) still counts: it is in the previous period.
    #expect(s.latest?.value == 60)
    #expect(s.lastRecord?.reason == "N.D.")
    let onlyAbsent = Self.indicator(trend: .ascending, baseline: 50, final: 80, measured: [("2021-12-31", nil)])
    #expect(Self.status(onlyAbsent).state == .noMeasurement)
  }

  @Test func withoutBaselineOrGoalThereIsNoTrajectory() {
    let noGoal = Self.indicator(trend: .ascending, baseline: 50, final: nil, measured: [("2021-12-31", 60)])
    #expect(Self.status(noGoal).state == .noGoal)
    #expect(Self.status(noGoal).label(.es, tolerance: -30) == "Sin meta")
    let nothing = Indicator(id: "1.1", name: "Beneficio sin cifras", ownerID: "I1")
    #expect(Self.status(nothing).state == .noGoal)
    #expect(Self.status(nothing).level == .noComponents)
  }

  @Test func aMissedZeroGoalIsRed() {
    let x = Self.indicator(trend: .descending, baseline: 0, final: 0, measured: [("2021-12-31", 3)])
    #expect(Self.status(x).state == .level(.majorDeviation))
  }
}
