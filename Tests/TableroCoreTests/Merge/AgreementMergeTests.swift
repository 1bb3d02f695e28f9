import TableroCore
import Testing

@Suite("Merge: agreements and meetings")
struct AgreementMergeTests {
  typealias F = MergeFixtures

  static var base: Portfolio {
    var p = F.base
    p.meetings = [Meeting(id: "R-1", title: "Revisión de junio", started: "2013-06-10T16:00:00Z")]
    p.agreements = [
      Agreement(
        folio: "AC-001", text: "Publicar la norma", itemID: "A-1", responsible: "Ana", created: F.day("2013-06-10"),
        due: F.day("2013-07-31"), meetingID: "R-1")
    ]
    return p
  }

  @Test func notesAddedOnBothSidesAreAllKeptAndFieldsMerge() {
    var mine = Self.base
    var theirs = Self.base
    mine.agreements[0].notes.append(AgreementNote(day: F.day("2013-06-20"), text: "Borrador listo"))
    theirs.agreements[0].notes.append(AgreementNote(day: F.day("2013-06-21"), text: "Revisión jurídica"))
    theirs.agreements[0].concluded = F.day("2013-07-01")
    mine.meetings[0].ended = "2013-06-10T18:00:00Z"
    let r = PortfolioMerge.merge(base: Self.base, mine: mine, theirs: theirs)
    #expect(r.isClean)
    #expect(r.portfolio.agreements[0].notes.map(\.text) == ["Borrador listo", "Revisión jurídica"])
    #expect(r.portfolio.agreements[0].concluded == F.day("2013-07-01"))
    #expect(r.portfolio.meetings[0].ended == "2013-06-10T18:00:00Z")
  }

  @Test func theSameNewFolioOnBothSidesIsReported() {
    var mine = Self.base
    var theirs = Self.base
    mine.agreements.append(
      Agreement(folio: "AC-002", text: "Capacitar", responsible: "Luis", created: F.day("2013-06-12"), due: F.day("2013-08-01")))
    theirs.agreements.append(
      Agreement(folio: "AC-002", text: "Comprar equipo", responsible: "Luis", created: F.day("2013-06-12"), due: F.day("2013-08-01")))
    let r = PortfolioMerge.merge(base: Self.base, mine: mine, theirs: theirs)
    #expect(r.conflicts.map(\.path.description) == ["agreements[AC-002].text"])
    #expect(r.conflicts[0].kind == .bothAdded)
  }
}
