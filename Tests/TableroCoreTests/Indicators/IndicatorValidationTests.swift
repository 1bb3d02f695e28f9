import Testing
import TableroCore

/// Indicators checked against the items (issue 12): the owner must be an imperative or a
/// component, and an indicator's id may not name an item (history and minutes use ids).
@Suite struct IndicatorValidationTests {
  static func issues(_ indicators: [Indicator]) -> [ValidationIssue] {
    var p = TestPortfolios.single()
    p.indicators = indicators
    return PortfolioValidator.validate(p).filter { $0.path.hasPrefix("$.indicators") }
  }

  @Test func anOwnerThatIsNoImperativeOrComponentIsAnErrorSayingSo() throws {
    let issue = try #require(Self.issues([Indicator(id: "1.1", name: "Cobertura", ownerID: "NOPE")]).first)
    #expect(issue.severity == .error)
    #expect(issue.describe(.es) == "error en $.indicators[0].owner: el indicador pertenece a \"NOPE\", que no es un imperativo ni un componente del portafolio")
    #expect(issue.describe(.en).contains("which is not an imperative or a component"))
  }

  @Test func anInitiativeCannotOwnAnIndicator() throws {
    let issue = try #require(Self.issues([Indicator(id: "1.1", name: "Cobertura", ownerID: "C1-01")]).first)
    #expect(issue.severity == .error)
    #expect(issue.describe(.es).contains("\"C1-01\", que es una iniciativa: un indicador pertenece a un imperativo o a un componente"), "\(issue.describe(.es))")
  }

  @Test func anIndicatorIDThatNamesAnItemIsAnError() throws {
    for (id, place) in [("C1-01", "$.initiatives[0]"), ("C1", "$.components[0]"), ("I1", "$.imperatives[0]")] {
      let found = Self.issues([Indicator(id: id, name: "Choca", ownerID: "I1")])
      #expect(found.count == 1, "\(found.map { $0.describe(.es) })")
      let issue = try #require(found.first)
      #expect(issue.path == "$.indicators[0].id")
      #expect(issue.describe(.es).contains("el identificador \"\(id)\" del indicador ya es de un elemento (\(place))"), "\(issue.describe(.es))")
    }
    #expect(Self.issues([Indicator(id: "1.1", name: "Bien", ownerID: "I1"), Indicator(id: "1.2", name: "Bien", ownerID: "C1")]).isEmpty)
  }

  @Test func aNewItemCannotTakeAnIndicatorsID() throws {
    var p = TestPortfolios.single()
    p.indicators = [Indicator(id: "C1-02", name: "Cobertura", ownerID: "I1")]
    let x = Initiative(id: "C1-02", name: "Nueva", componentID: "C1", start: p.reportDate, end: p.reportDate)
    #expect(throws: EditError.duplicateID("C1-02")) { try p.addInitiative(x) }
  }
}
