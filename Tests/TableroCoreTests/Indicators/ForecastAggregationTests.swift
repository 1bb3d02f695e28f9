import Testing
import TableroCore

/// docs/STATUS.md §10, «Elementos con partes»: a component, an imperative or the portfolio
/// finishes when the last of its parts finishes. One part's fast series never makes the parent
/// look early while another part lags or has no series at all.
@Suite struct ForecastAggregationTests {
  static let d0 = TestPortfolios.day("2012-01-01")
  static func at(_ n: Int) -> Day { d0.adding(days: n) }

  /// C1 with C1-01 (history: 20 % on day 0, 40 % on day 10) and C1-02 (no history, `second` %
  /// now, starting on day `secondStart`); report date day 60 (01/03/2012).
  static func twoParts(second: Double, secondStart: Int = 0, secondWeight: Double = 1) -> ForecastBoard {
    var p = TestPortfolios.single(progress: 40, report: "2012-03-01")
    p.initiatives.append(
      Initiative(
        id: "C1-02", name: "Sin historial", componentID: "C1", start: at(secondStart), end: TestPortfolios.day("2012-12-31"),
        weight: secondWeight, actualProgress: second))
    let history = ProgressHistory([
      .init(day: at(0), id: "C1-01", old: 0, new: 20), .init(day: at(10), id: "C1-01", old: 20, new: 40),
    ])
    return ForecastBoard(portfolio: p, status: StatusEngine().evaluate(p), history: history)
  }

  /// The bug of issue 12: C1-01 alone would finish on day 40; C1-02 has no history and 10 %
  /// after 60 days, so at its average pace it needs 600 days. The component cannot finish
  /// before C1-02 does (the old roll-up of the weighted series said day ≈ 85, months early).
  @Test func aParentFinishesWithItsLastPartNotWithTheOneThatHasASeries() throws {
    let board = Self.twoParts(second: 10)
    let first = try #require(board.initiative(0))
    let second = try #require(board.initiative(1))
    #expect(first.outcome == .finishes(Self.at(40)))
    #expect(second.outcome == .finishes(Self.at(600)))
    for parent in [board.component(0), board.imperative(0), board.portfolioForecast()] {
      let f = try #require(parent)
      #expect(f.outcome == .finishes(Self.at(600)))
      #expect(f.delayDays.map { $0 > 0 } == true, "later than planned, not «antes de lo planeado»")
    }
    #expect(board.component(0)?.decidedBy == "C1-02")
    #expect(board.imperative(0)?.decidedBy == "C1/C1-02", "down to the initiative that decides")
    #expect(board.portfolioForecast()?.decidedBy == "I1/C1/C1-02")
    #expect(try #require(board.component(0)).methodText(.es) == "lo determina C1-02: ritmo promedio desde el inicio")
  }

  @Test func aPartThatIsDueButHasNotMovedLeavesTheParentWithoutEstimate() throws {
    let board = Self.twoParts(second: 0)
    #expect(board.initiative(1)?.outcome == .noRecentProgress)
    let f = try #require(board.component(0))
    #expect(f.outcome == .noRecentProgress)
    #expect(f.decidedBy == "C1-02")
    #expect(f.sentence(.es) == "sin avance reciente: no se puede estimar")
    #expect(f.methodText(.es) == "lo determina C1-02, sin avance reciente")
    #expect(board.portfolioForecast()?.outcome == .noRecentProgress)
  }

  /// A part that is not due to start yet (planned start after the report date, 0 %) cannot be
  /// late: it counts with its planned end.
  @Test func aPartNotDueYetCountsWithItsPlannedEnd() throws {
    let board = Self.twoParts(second: 0, secondStart: 100)
    let f = try #require(board.component(0))
    #expect(f.outcome == .finishes(TestPortfolios.day("2012-12-31")))
    #expect(f.decidedBy == "C1-02")
    #expect(f.methodText(.es) == "lo determina C1-02, que aún no empieza: su fin planeado")
  }

  /// The parts are the ones Cuadro 9 weighs: a part with weight 0 does not hold the parent back.
  @Test func aPartWithoutWeightDoesNotCount() throws {
    let board = Self.twoParts(second: 0, secondWeight: 0)
    #expect(board.component(0)?.outcome == .finishes(Self.at(40)))
    #expect(board.component(0)?.decidedBy == "C1-01")
  }

  @Test func everyPartFinishedIsFinished() throws {
    var p = TestPortfolios.single(progress: 100, report: "2012-03-01")
    p.initiatives.append(Initiative(id: "C1-02", name: "B", componentID: "C1", start: Self.d0, end: Self.at(30), actualProgress: 100))
    let board = ForecastBoard(portfolio: p, status: StatusEngine().evaluate(p), history: ProgressHistory())
    #expect(board.component(0)?.outcome == .finished)
    #expect(board.portfolioForecast()?.outcome == .finished)
  }

  /// The demo with the history of the issue (only ACMI-04 has recorded updates): no component,
  /// imperative or the portfolio is forecast to finish before any of its weighted parts.
  @Test func inTheDemoNoParentFinishesBeforeOneOfItsParts() throws {
    let p = try EmbeddedPortfolios.load(.demo).portfolio
    let status = StatusEngine().evaluate(p)
    let history = ProgressHistory([
      .init(day: TestPortfolios.day("2013-01-31"), id: "ACMI-04", old: 0, new: 20),
      .init(day: TestPortfolios.day("2013-03-31"), id: "ACMI-04", old: 20, new: 30),
      .init(day: TestPortfolios.day("2013-05-31"), id: "ACMI-04", old: 30, new: 40),
    ])
    let board = ForecastBoard(portfolio: p, status: status, history: history)
    // A part not due to start yet (planned start after the report date, 0 %) counts with its planned end.
    func check(_ parent: Forecast?, _ parts: [(forecast: Forecast?, weight: Double, start: Day?, actual: Double?)], _ name: String) {
      guard let parent else { return }
      let counted = parts.contains { $0.weight > 0 } ? parts.filter { $0.weight > 0 } : parts
      for part in counted {
        guard var f = part.forecast else { continue }
        if f.outcome == .noRecentProgress, let start = part.start, start > p.reportDate, (part.actual ?? 0) <= 0 {
          f.outcome = .finishes(f.plannedEnd)
        }
        switch (parent.outcome, f.outcome) {
        case (.finishes(let mine), .finishes(let theirs)):
          #expect(mine >= theirs || theirs == f.plannedEnd, "\(name) \(mine.display) before a part's \(theirs.display)")
        case (.finishes, .noRecentProgress), (.finishes, .tooSlow), (.finished, .finishes):
          Issue.record("\(name): \(parent.sentence(.es)) while a part says \(f.sentence(.es))")
        default: break
        }
      }
    }
    for c in p.components.indices {
      let members = status.initiativesByComponent[c]
      let parts = members.map { i in (board.initiative(i), p.initiatives[i].weight, Optional(p.initiatives[i].start), Optional(p.initiatives[i].actualProgress)) }
      check(board.component(c), parts, p.components[c].id)
    }
    for (m, imp) in p.imperatives.enumerated() {
      let parts = imp.members.compactMap { member in
        p.componentIndex(member.componentID).map { (board.component($0), member.weight, status.components[$0].start, status.components[$0].actual) }
      }
      check(board.imperative(m), parts, imp.id)
    }
    let imperatives = p.imperatives.indices.filter { status.imperatives[$0].actual != nil }.map { m in
      (board.imperative(m), p.imperatives[m].weight, status.imperatives[m].start, status.imperatives[m].actual)
    }
    check(board.portfolioForecast(), imperatives, "portafolio")
    // PMSRS (red) is forecast late, or not at all, never early.
    let pmsrs = try #require(p.componentIndex("PMSRS"))
    #expect(status.components[pmsrs].level == .majorDeviation)
    let f = try #require(board.component(pmsrs))
    #expect(f.delayDays.map { $0 >= 0 } ?? true, "\(f.sentence(.es))")
  }
}
