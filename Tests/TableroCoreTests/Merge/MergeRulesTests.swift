import TableroCore
import TableroJSON
import Testing

@Suite("Merge: three-way rules")
struct MergeRulesTests {
  typealias F = MergeFixtures
  let base = MergeFixtures.base

  func paths(_ r: MergeResult) -> [String] { r.conflicts.map(\.path.description) }

  @Test func changeOnOneSideIsTaken() throws {
    let mine = F.edited(.rename(id: "A-1", name: "Norma NOM-024"))
    let theirs = F.edited(.setProgress(id: "B-1", value: 55, note: nil, day: F.june))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(r.isClean)
    #expect(r.portfolio.initiative("A-1")?.name == "Norma NOM-024")
    #expect(r.portfolio.initiative("B-1")?.actualProgress == 55)
    #expect(r.summary.fromTheirs.map(\.path.description) == ["initiatives[B-1].actualProgress"])
    #expect(r.summary.fromTheirs.first?.old == .number(30))
    #expect(r.summary.fromTheirs.first?.new == .number(55))
    #expect(r.summary.fromMine.map(\.path.description) == ["initiatives[A-1].name"])
    #expect(r.summary.fromBoth.isEmpty)
    #expect(try r.validated() == r.portfolio)
  }

  @Test func sameChangeOnBothSidesIsTakenOnce() {
    let edit = Edit.setProgress(id: "B-1", value: 55, note: "Avance en campo", day: F.june)
    let r = PortfolioMerge.merge(base: base, mine: F.edited(edit), theirs: F.edited(edit))
    #expect(r.isClean)
    #expect(r.portfolio == F.edited(edit))
    #expect(r.summary.fromBoth.map(\.path.description) == ["initiatives[B-1].actualProgress", "initiatives[B-1].notes"])
    #expect(r.summary.fromMine.isEmpty && r.summary.fromTheirs.isEmpty)
  }

  @Test func differentChangesToOneFieldAreAConflictResolvedToMineByDefault() throws {
    let mine = F.edited(.setProgress(id: "B-1", value: 55, note: nil, day: F.june))
    let theirs = F.edited(.setProgress(id: "B-1", value: 60, note: nil, day: F.june))
    var r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["initiatives[B-1].actualProgress"])
    let c = try #require(r.conflicts.first)
    #expect(c.kind == .bothChanged)
    #expect(c.path == MergePath(.initiative("B-1"), "actualProgress"))
    #expect((c.base, c.mine, c.theirs) == (.number(30), .number(55), .number(60)))
    #expect((c.text(c.base, .es), c.text(c.mine, .es), c.text(c.theirs, .es)) == ("30", "55", "60"))
    #expect(c.resolution == nil && c.chosen == .number(55))
    #expect(r.portfolio.initiative("B-1")?.actualProgress == 55)
    #expect(r.unresolved.count == 1)

    try r.resolve(c, with: .theirs)
    #expect(r.portfolio.initiative("B-1")?.actualProgress == 60)
    #expect(r.unresolved.isEmpty && r.conflicts.count == 1, "a resolved conflict stays listed")
    try r.resolve(c, with: .value(.number(58)))
    #expect(r.portfolio.initiative("B-1")?.actualProgress == 58)
    try r.resolve(c, with: .mine)
    #expect(r.portfolio == mine)

    #expect(throws: MergeError.valueDoesNotFit(c.path, .text("58"))) { try r.resolve(c, with: .value(.text("58"))) }
    let nowhere = MergePath(.initiative("A-1"), "name")
    #expect(throws: MergeError.unknownConflict(nowhere)) { try r.resolve(nowhere, with: .mine) }
  }

  @Test func portfolioFields() {
    var mine = F.edited(.setReportDate(F.day("2013-07-31")), .setTolerance(-25))
    var theirs = F.edited(.setTolerance(-20))
    mine.name = "Portafolio SSA"
    mine.expectedProgressRule = .milestones
    theirs.expectedProgressRule = .milestones
    theirs.extra.set("x-nuevo", .bool(true))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["tolerance"])
    #expect(r.portfolio.reportDate == F.day("2013-07-31"))
    #expect(r.portfolio.name == "Portafolio SSA")
    #expect(r.portfolio.expectedProgressRule == .milestones)
    #expect(r.portfolio.extra["x-nuevo"] == .bool(true))
    #expect(r.summary.fromBoth.map(\.path.description) == ["expectedProgressRule"])
    #expect(r.summary.fromTheirs.map(\.path.description) == ["extra.x-nuevo"])
  }

  @Test func imperativeMembershipAndPonderaciones() {
    let mine = F.edited(.setMemberWeight(imperative: "I1", component: "C1", value: 70), .rename(id: "I2", name: "Abasto oportuno"))
    let theirs = F.edited(
      .setMemberWeight(imperative: "I1", component: "C2", value: 30), .addMember(component: "C3", imperative: "I1", weight: 0),
      .setMemberWeight(imperative: "I2", component: "C3", value: 45))
    var r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(r.isClean)
    let i1 = r.portfolio.imperatives[0]
    #expect(i1.members.map(\.componentID) == ["C1", "C2", "C3"])
    #expect(i1.members.map(\.weight) == [70, 30, 0])
    #expect(r.portfolio.imperatives[1].name == "Abasto oportuno")

    let mine2 = F.edited(.setMemberWeight(imperative: "I2", component: "C3", value: 35))
    r = PortfolioMerge.merge(base: base, mine: mine2, theirs: theirs)
    #expect(paths(r) == ["imperatives[I2].components[C3].weight"])
    #expect(r.conflicts[0].path == MergePath(.member(imperative: "I2", component: "C3"), "weight"))
  }

  @Test func componentFieldsAndPhases() {
    var mine = base
    var theirs = base
    let early = DateRange(start: F.day("2012-01-01"), end: F.day("2012-12-31"))
    mine.components[0].phases[.formulation] = early
    mine.components[1].phases[.formulation] = early
    theirs.components[1].phases[.formulation] = DateRange(start: F.day("2012-01-01"), end: F.day("2013-06-30"))
    theirs.components[0].phases[.implementation] = DateRange(start: F.day("2013-01-01"), end: F.day("2015-12-31"))
    theirs.components[2].responsible = "Dirección jurídica"
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["components[C2].phases.formulation"])
    #expect(r.conflicts[0].base == .absent)
    #expect(r.conflicts[0].mine == .dates(early))
    #expect(r.portfolio.components[0].phases.ranges.count == 2)
    #expect(r.portfolio.components[2].responsible == "Dirección jurídica")
  }

  @Test func datesAreOneFieldSoStartAndEndNeverMixAcrossSides() {
    let mine = F.edited(.setDates(id: "A-1", start: F.day("2012-03-01"), end: F.day("2013-12-31")))
    let theirs = F.edited(.setDates(id: "A-1", start: F.day("2012-01-01"), end: F.day("2012-02-01")))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["initiatives[A-1].dates"])
    #expect(r.validationIssues.allSatisfy { $0.severity == .warning })
  }

  @Test func milestonesMatchedByNameAndDueDate() throws {
    let mine = F.edited(
      .setMilestoneDone(id: "A-1", index: 0, day: F.day("2012-06-20")),
      .addMilestone(id: "A-1", milestone: Milestone(name: "Capacitación", due: F.day("2013-09-30"))))
    let theirs = F.edited(
      .removeMilestone(id: "A-1", index: 1),
      .addMilestone(id: "A-1", milestone: Milestone(name: "Evaluación", due: F.day("2013-12-31"))),
      .addMilestone(id: "A-1", milestone: Milestone(name: "Capacitación", due: F.day("2013-09-30"))))
    var r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(r.isClean, "\(paths(r))")
    let names = try #require(r.portfolio.initiative("A-1")).milestones.map(\.name)
    // Mine's order; theirs' Evaluación after its predecessor there (Borrador).
    #expect(names == ["Borrador", "Evaluación", "Capacitación"])
    #expect(r.portfolio.initiative("A-1")?.milestones[0].done == F.day("2012-06-20"))
    #expect(r.summary.fromBoth.map(\.path.description) == ["initiatives[A-1].milestones[\"Capacitación\" 2013-09-30]"])

    let theirs2 = F.edited(.setMilestoneDone(id: "A-1", index: 0, day: F.day("2012-07-01")))
    r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs2)
    #expect(paths(r) == ["initiatives[A-1].milestones[\"Borrador\" 2012-06-30].done"])
    #expect(r.conflicts[0].base == .absent && r.conflicts[0].theirs == .day(F.day("2012-07-01")))
    try r.resolve(r.conflicts[0], with: .value(.absent))
    #expect(r.portfolio.initiative("A-1")?.milestones[0].done == nil, "edit: not done")
  }

  @Test func milestoneListIsOneFieldWhenNamesAndDatesRepeat() {
    let twin = Milestone(name: "Borrador", due: F.day("2012-06-30"), weight: 2)
    let mine = F.edited(.addMilestone(id: "A-1", milestone: twin))
    let theirs = F.edited(.setMilestoneDone(id: "A-1", index: 1, day: F.day("2013-06-01")))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["initiatives[A-1].milestones"])
    #expect(r.portfolio.initiative("A-1")?.milestones.count == 3)
  }

  @Test func notesConflictAndUnknownKeys() {
    var mine = F.edited(.setNotes(id: "A-2", text: "Inicio\nHospital General"))
    var theirs = F.edited(.setNotes(id: "A-2", text: "Inicio\nHospital Juárez"))
    mine.initiatives[1].extra.set("x-origen", .string("oficina"))
    theirs.initiatives[1].extra.set("x-origen", .string("brigada"))
    theirs.initiatives[1].extra.set("x-lote", .number(JSONNumber(3)))
    mine.components[0].extra.set("x-color", .string("azul"))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["initiatives[A-2].notes", "initiatives[A-2].extra.x-origen"])
    #expect(r.conflicts[0].text(r.conflicts[0].mine, .es) == "\"Inicio ⏎ Hospital General\"")
    #expect(r.portfolio.initiatives[1].extra["x-lote"] == .number(JSONNumber(3)))
    #expect(r.portfolio.initiatives[1].extra["x-origen"] == .string("oficina"))
    #expect(r.portfolio.components[0].extra["x-color"] == .string("azul"))
  }

  @Test func additionsOnEitherSideAreTakenInOrder() {
    let mine = F.edited(.addInitiative(F.newInitiative("A-3")), .addInitiative(F.newInitiative("B-9", in: "C2")))
    let theirs = F.edited(
      .addInitiative(F.newInitiative("A-4")), .addInitiative(F.newInitiative("C-1", in: "C3")),
      .addImperative(Imperative(id: "I3", name: "Igualdad")))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(r.isClean)
    // Mine's order; theirs' A-4 after its predecessor A-2 and after mine's own addition there.
    #expect(r.portfolio.initiatives.map(\.id) == ["A-1", "A-2", "A-3", "A-4", "B-1", "B-2", "B-3", "B-9", "C-1"])
    #expect(r.portfolio.imperatives.map(\.id) == ["I1", "I2", "I3"])
    #expect(Set(r.summary.fromTheirs.map(\.path.description)) == ["initiatives[A-4]", "initiatives[C-1]", "imperatives[I3]"])
    #expect(r.summary.fromTheirs.allSatisfy { $0.action == .added })
    // Same as applying mine's edits then theirs'.
    var sequential = mine
    try? sequential.apply(.addInitiative(F.newInitiative("A-4")))
    try? sequential.apply(.addInitiative(F.newInitiative("C-1", in: "C3")))
    try? sequential.apply(.addImperative(Imperative(id: "I3", name: "Igualdad")))
    #expect(r.portfolio == sequential)
  }

  @Test func sameIDAddedOnBothSides() {
    let same = PortfolioMerge.merge(
      base: base, mine: F.edited(.addInitiative(F.newInitiative("N-1"))), theirs: F.edited(.addInitiative(F.newInitiative("N-1"))))
    #expect(same.isClean)
    #expect(same.summary.fromBoth.map(\.path.description) == ["initiatives[N-1]"])
    #expect(same.portfolio.initiatives.filter { $0.id == "N-1" }.count == 1)

    let differ = PortfolioMerge.merge(
      base: base, mine: F.edited(.addInitiative(F.newInitiative("N-1", progress: 10))),
      theirs: F.edited(.addInitiative(F.newInitiative("N-1", in: "C2", progress: 20))))
    #expect(paths(differ) == ["initiatives[N-1].component", "initiatives[N-1].actualProgress"])
    #expect(differ.conflicts.allSatisfy { $0.kind == .bothAdded && $0.base == .absent })
    #expect(differ.conflicts[0].text(.absent, .es) == "(no existía)")
  }

  @Test func removalTakenWhenTheOtherSideDidNotChangeTheItem() {
    let r = PortfolioMerge.merge(
      base: base, mine: F.edited(.setProgress(id: "A-1", value: 45, note: nil, day: F.june)),
      theirs: F.edited(.remove(id: "B-3"), .remove(id: "I2")))
    #expect(r.isClean)
    #expect(r.portfolio.initiative("B-3") == nil)
    #expect(r.portfolio.imperatives.map(\.id) == ["I1"])
    #expect(Set(r.summary.fromTheirs.map(\.path.description)) == ["initiatives[B-3]", "imperatives[I2]"])
    #expect(r.summary.fromTheirs.allSatisfy { $0.action == .removed })
  }

  @Test func removalAgainstModificationIsAConflict() throws {
    let mine = F.edited(.setProgress(id: "B-3", value: 90, note: nil, day: F.june))
    let theirs = F.edited(.remove(id: "B-3"))
    var r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["initiatives[B-3]"])
    let c = r.conflicts[0]
    #expect(c.kind == .removedVsChanged(removedBy: .theirs))
    #expect(c.theirs == .absent && c.text(c.theirs, .es) == "(eliminado)")
    #expect(r.portfolio.initiative("B-3")?.actualProgress == 90, "mine keeps it")
    try r.resolve(c, with: .theirs)
    #expect(r.portfolio.initiative("B-3") == nil)

    // The other way round: mine removed, theirs changed.
    var r2 = PortfolioMerge.merge(base: base, mine: theirs, theirs: mine)
    #expect(r2.conflicts[0].kind == .removedVsChanged(removedBy: .mine))
    #expect(r2.portfolio.initiative("B-3") == nil)
    try r2.resolve(r2.conflicts[0], with: .theirs)
    #expect(r2.portfolio.initiatives.map(\.id) == base.initiatives.map(\.id), "put back in its place")
  }

  @Test func removedComponentWithChangesBelowItIsOneConflict() throws {
    let mine = F.edited(.remove(id: "C2"))
    let theirs = F.edited(
      .setProgress(id: "B-2", value: 15, note: nil, day: F.june), .setMemberWeight(imperative: "I2", component: "C2", value: 55))
    var r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["components[C2]"])
    #expect(r.conflicts[0].kind == .removedVsChanged(removedBy: .mine))
    #expect(r.portfolio.component("C2") == nil)
    #expect(r.portfolio.initiatives(of: "C2").isEmpty)
    #expect(!r.portfolio.imperatives.contains { $0.members.contains { $0.componentID == "C2" } })
    _ = try r.validated()

    try r.resolve(r.conflicts[0], with: .theirs)
    #expect(r.portfolio == theirs, "kept with everything below it, and theirs' changes")
    _ = try r.validated()
  }

  @Test func removingAnItemWhoseSubItemsTheOtherSideOnlyRemovedIsNoConflict() {
    // Theirs removed C1, which took C1's membership out of I1; mine removed I1.
    let r = PortfolioMerge.merge(base: base, mine: F.edited(.remove(id: "I1")), theirs: F.edited(.remove(id: "C1")))
    #expect(r.isClean)
    #expect(r.portfolio == F.edited(.remove(id: "I1"), .remove(id: "C1")))
  }

  @Test func removedComponentWithNothingChangedBelowItIsRemoved() throws {
    let r = PortfolioMerge.merge(
      base: base, mine: F.edited(.rename(id: "A-1", name: "Otra")), theirs: F.edited(.remove(id: "C2")))
    #expect(r.isClean)
    #expect(r.portfolio == F.edited(.rename(id: "A-1", name: "Otra"), .remove(id: "C2")))
    _ = try r.validated()
  }

  // Found by MergePropertyTests (seed 2WKVjOvV…): an initiative moved out of a component
  // before removing it is not under the removal, so the other side's change to it merges.
  @Test func initiativeMovedOutBeforeTheRemovalMergesItsOtherChanges() throws {
    let milestone = Milestone(name: "H-3", due: F.june)
    let mine = F.edited(.moveInitiative(id: "B-1", component: "C1"), .remove(id: "C2"))
    let theirs = F.edited(.addMilestone(id: "B-1", milestone: milestone))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == [])
    #expect(r.portfolio == F.edited(.moveInitiative(id: "B-1", component: "C1"), .remove(id: "C2"), .addMilestone(id: "B-1", milestone: milestone)))
    _ = try r.validated()
  }

  @Test func removalThatWinsKeepsTheInitiativeMovedOutWithTheOtherSidesChange() {
    let milestone = Milestone(name: "H-3", due: F.june)
    let mine = F.edited(.moveInitiative(id: "B-1", component: "C1"), .remove(id: "C2"))
    let theirs = F.edited(.addMilestone(id: "B-1", milestone: milestone), .rename(id: "B-2", name: "CURP"))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(paths(r) == ["components[C2]"])
    // Mine (the removal) is the default choice: B-2 goes with C2, B-1 stays where mine moved it.
    #expect(r.portfolio.initiative("B-2") == nil)
    #expect(r.portfolio.initiative("B-1")?.componentID == "C1")
    #expect(r.portfolio.initiative("B-1")?.milestones == [milestone])
  }

  @Test func initiativeMovedIntoARemovedComponentIsAConflict() {
    let r = PortfolioMerge.merge(
      base: base, mine: F.edited(.remove(id: "C3")), theirs: F.edited(.moveInitiative(id: "A-2", component: "C3")))
    #expect(paths(r) == ["components[C3]"])
    #expect(r.validationIssues.allSatisfy { $0.severity == .warning })
  }

  @Test func resolveAllSettlesEveryConflictIncludingOnesAChoiceReveals() throws {
    var mine = F.edited(.remove(id: "C2"))
    mine.name = "Mío"
    var theirs = F.edited(.setProgress(id: "B-2", value: 15, note: nil, day: F.june))
    theirs.name = "Suyo"
    var r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(r.conflicts.count == 2)
    r.resolveAll(with: .theirs)
    #expect(r.unresolved.isEmpty)
    #expect(r.portfolio == theirs)
    // Keeping C2 revealed no field conflicts; resolveAll leaves explicit choices alone.
    r.resolveAll(with: .mine)
    #expect(r.portfolio == theirs)
    var fresh = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    fresh.resolveAll(with: .mine)
    #expect(fresh.portfolio == mine && fresh.unresolved.isEmpty)
  }

  @Test func invalidResultIsReportedNotReturned() {
    // The same new id as an initiative on one side and a component on the other.
    let mine = F.edited(.addInitiative(F.newInitiative("X-1")))
    let theirs = F.edited(
      .addComponent(Component(id: "X-1", name: "Nuevo", start: F.day("2013-01-01"), end: F.day("2013-12-31")), imperatives: [], weight: 0))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(r.isClean)
    let issues: [ValidationIssue]
    do {
      _ = try r.validated()
      Issue.record("expected the merged portfolio to be refused")
      return
    } catch {
      guard case .invalid(let found) = error else { Issue.record("\(error)"); return }
      issues = found
    }
    #expect(issues.contains { if case .duplicateID("X-1", _) = $0.problem { true } else { false } })
    #expect(MergeError.invalid(issues: issues).describe(.es).contains("no se escribió nada"))
  }

  @Test func reportText() {
    let mine = F.edited(.setProgress(id: "B-1", value: 55, note: nil, day: F.june))
    let theirs = F.edited(.setProgress(id: "B-1", value: 60, note: nil, day: F.june), .rename(id: "A-1", name: "NOM-024"))
    let r = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    let es = MergeReport(language: .es, mineName: "a.json", theirsName: "b.json")
    let text = (es.summaryLines(r) + es.conflictLines(r)).joined(separator: "\n")
    #expect(text.contains("Tomado de b.json: 1"))
    #expect(text.contains("initiatives[A-1].name: \"Norma del expediente\" → \"NOM-024\""))
    #expect(text.contains("1. initiatives[B-1].actualProgress (cambiado en ambos lados)"))
    #expect(text.contains("mío:  55"))
    #expect(text.contains("→ 55 (por omisión)"))
    let en = MergeReport(language: .en, mineName: "a.json", theirsName: "b.json").conflictLines(r).joined(separator: "\n")
    #expect(en.contains("changed on both sides") && en.contains("theirs: 60"))
  }
}
