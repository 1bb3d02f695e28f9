import TableroCore
import Testing

@Suite("Merge: two-way (no base)")
struct TwoWayMergeTests {
  typealias F = MergeFixtures

  @Test func identicalCopiesMergeToThemselves() {
    let r = PortfolioMerge.merge(mine: F.base, theirs: F.base)
    #expect(r.isClean && !r.isThreeWay)
    #expect(r.portfolio == F.base)
    #expect(r.summary == MergeSummary())
  }

  @Test func differingFieldsAreConflictsAndOneSidedItemsAreAdded() throws {
    let mine = F.edited(.setProgress(id: "B-1", value: 55, note: nil, day: F.june), .addInitiative(F.newInitiative("A-3")))
    let theirs = F.edited(.setProgress(id: "B-1", value: 60, note: nil, day: F.june), .addInitiative(F.newInitiative("A-4")))
    var r = PortfolioMerge.merge(mine: mine, theirs: theirs)
    #expect(r.conflicts.map(\.path.description) == ["initiatives[B-1].actualProgress"])
    #expect(r.conflicts[0].kind == .differsWithoutBase)
    #expect(r.conflicts[0].base == .absent)
    #expect(r.portfolio.initiatives.map(\.id) == ["A-1", "A-2", "A-3", "A-4", "B-1", "B-2", "B-3"])
    #expect(r.summary.fromMine.map(\.path.description) == ["initiatives[A-3]"])
    #expect(r.summary.fromTheirs.map(\.path.description) == ["initiatives[A-4]"])
    r.resolveAll(with: .theirs)
    #expect(r.portfolio.initiative("B-1")?.actualProgress == 60)
  }

  @Test func withoutABaseARemovalLooksLikeAnAdditionOnTheOtherSide() {
    let mine = F.edited(.remove(id: "B-3"))
    let r = PortfolioMerge.merge(mine: mine, theirs: F.base)
    #expect(r.isClean)
    #expect(r.portfolio.initiative("B-3") != nil, "documented: no removals without a base")
    #expect(r.summary.fromTheirs.map(\.path.description) == ["initiatives[B-3]"])
  }

  @Test func reportSaysThatRemovalsAreNotDetected() {
    let r = PortfolioMerge.merge(mine: F.base, theirs: F.base)
    let text = MergeReport(language: .es, mineName: "a", theirsName: "b").summaryLines(r).joined(separator: "\n")
    #expect(text.contains("sin base no se detectan eliminaciones"))
  }
}
