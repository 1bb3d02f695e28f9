import PropertyBased
import TableroCore
import Testing

/// Random pairs of edit sequences (the `Edit` values the TUI and CLI make) applied to two
/// copies of a portfolio, then merged.
@Suite("Merge: properties")
struct MergePropertyTests {
  static let demo: Portfolio = {
    do { return try EmbeddedPortfolios.load(.demo).portfolio } catch { preconditionFailure("\(error)") }
  }()

  /// The demo (86 initiatives: edits rarely meet) or the small fixture (they often do).
  static func base(_ choice: Int) -> Portfolio { choice == 1 ? demo : MergeFixtures.base }

  static let steps = Gen.int(in: 0...1_000_000).array(of: 0...6)
  /// Edits biased to fields (progress, names, responsible, dates, weights, ponderaciones,
  /// quick win, milestones, report date/tolerance/notes), so both sides often set the same one.
  static let fieldSteps = Gen.int(in: 0...1_000_000).map { seed in
    let kinds = [0, 1, 5, 6, 7, 8, 9, 10, 17, 19]
    return seed - seed % 20 + kinds[seed % kinds.count]
  }.array(of: 1...8)
  static let baseChoice = Gen.int(in: 0...1)

  final class Tally: @unchecked Sendable {
    var checked = 0
    var conflicted = 0
  }

  @Test func disjointEditsMergeCleanlyToBothOrders() async {
    let tally = Tally()
    await propertyCheck(count: 300, input: Self.baseChoice, Self.steps, Self.steps) { choice, a, b in
      let base = Self.base(choice)
      let mine = EditScript.run(a, side: "A", on: base)
      let theirs = EditScript.run(b, side: "B", on: base)
      guard mine.footprint.isDisjoint(from: theirs.footprint) else { return }
      let mineThenTheirs = mine.portfolio.applying(theirs.edits)
      let theirsThenMine = theirs.portfolio.applying(mine.edits)
      guard mineThenTheirs != nil || theirsThenMine != nil else { return }
      tally.checked += 1
      let result = PortfolioMerge.merge(base: base, mine: mine.portfolio, theirs: theirs.portfolio)
      let conflicts = result.conflicts.map(\.path.description)
      #expect(conflicts.isEmpty, "conflicts for \(mine.edits) / \(theirs.edits)")
      if let mineThenTheirs {
        #expect(canonical(result.portfolio) == canonical(mineThenTheirs), "\(mine.edits) then \(theirs.edits)")
      }
      if let theirsThenMine {
        #expect(canonical(result.portfolio) == canonical(theirsThenMine), "\(theirs.edits) then \(mine.edits)")
      }
      // Mine's items keep mine's order.
      let mineIDs = Set(mine.portfolio.initiatives.map(\.id))
      #expect(result.portfolio.initiatives.map(\.id).filter { mineIDs.contains($0) } == mine.portfolio.initiatives.map(\.id).filter { id in result.portfolio.initiative(id) != nil })
      let errors = result.validationIssues.filter { $0.severity == .error }
      #expect(errors.isEmpty)
    }
    print("merge property (a): \(tally.checked) of 300 pairs were disjoint")
    #expect(tally.checked >= 100, "only \(tally.checked) disjoint pairs were checked")
  }

  @Test func mergeIsSymmetricModuloTheSideConflictsResolveTo() async {
    let tally = Tally()
    await propertyCheck(count: 500, input: Self.baseChoice, Self.steps, Self.steps) { choice, a, b in
      let base = Self.base(choice)
      let x = EditScript.run(a, side: "A", on: base).portfolio
      let y = EditScript.run(b, side: "B", on: base).portfolio
      let xy = PortfolioMerge.merge(base: base, mine: x, theirs: y)
      let yx = PortfolioMerge.merge(base: base, mine: y, theirs: x)
      if !xy.isClean { tally.conflicted += 1 }
      var yxTheirs = yx
      yxTheirs.resolveAll(with: .theirs)
      var xyTheirs = xy
      xyTheirs.resolveAll(with: .theirs)
      // The same decisions, so the same conflicts. (Which conflicts exist can depend on a
      // choice: removing a component whose initiative the other side moved out of it leaves
      // that initiative removed on one side and changed on the other.)
      #expect(Set(xy.conflicts.map(\.path)) == Set(yxTheirs.conflicts.map(\.path)))
      #expect(Set(xyTheirs.conflicts.map(\.path)) == Set(yx.conflicts.map(\.path)))
      // With the same choices, what is taken from each side is the mirror image.
      #expect(Set(xy.summary.fromMine.map(\.path)) == Set(yxTheirs.summary.fromTheirs.map(\.path)))
      #expect(Set(xy.summary.fromTheirs.map(\.path)) == Set(yxTheirs.summary.fromMine.map(\.path)))
      #expect(Set(xy.summary.fromBoth.map(\.path)) == Set(yxTheirs.summary.fromBoth.map(\.path)))
      #expect(canonical(xy.portfolio) == canonical(yxTheirs.portfolio))
      #expect(canonical(xyTheirs.portfolio) == canonical(yx.portfolio))
      #expect(xyTheirs.unresolved.isEmpty)
    }
    print("merge property (b): \(tally.conflicted) of 500 pairs had conflicts")
    #expect(tally.conflicted >= 15, "only \(tally.conflicted) pairs had conflicts")
  }

  @Test func everyFieldChangedDifferentlyOnBothSidesIsAConflict() async {
    let tally = Tally()
    // Mostly the small fixture (choice 0, 2, 3), where edits meet.
    await propertyCheck(count: 500, input: Gen.int(in: 0...3), Self.fieldSteps, Self.fieldSteps) { choice, a, b in
      let base = Self.base(choice)
      let x = EditScript.run(a, side: "A", on: base).portfolio
      let y = EditScript.run(b, side: "B", on: base).portfolio
      let result = PortfolioMerge.merge(base: base, mine: x, theirs: y)
      let reported = Set(result.conflicts.map(\.path.description))
      let (vb, vx, vy) = (fieldValues(base), fieldValues(x), fieldValues(y))
      for (path, old) in vb {
        guard let mine = vx[path], let theirs = vy[path], old != mine, old != theirs, mine != theirs else { continue }
        tally.checked += 1
        let milestoneList = path.firstRange(of: ".milestones[").map { String(path[..<$0.lowerBound]) + ".milestones" }
        #expect(
          reported.contains(path) || milestoneList.map(reported.contains) == true,
          "\(path): \(old) / \(mine) / \(theirs) not reported; reported: \(reported)")
      }
      // And nothing is reported that is not a real disagreement.
      for c in result.conflicts { #expect(c.mine != c.theirs, "\(c.path)") }
    }
    print("merge property (c): \(tally.checked) fields changed differently on both sides")
    #expect(tally.checked >= 50, "only \(tally.checked) real field conflicts were generated")
  }

  @Test func mergingWithAnUnchangedSideGivesTheOtherSideExactly() async {
    await propertyCheck(count: 200, input: Self.baseChoice, Self.steps) { choice, a in
      let base = Self.base(choice)
      let x = EditScript.run(a, side: "A", on: base).portfolio
      let taken = PortfolioMerge.merge(base: base, mine: base, theirs: x)
      #expect(taken.isClean)
      #expect(taken.portfolio == x)
      let kept = PortfolioMerge.merge(base: base, mine: x, theirs: base)
      #expect(kept.isClean && kept.portfolio == x)
      let same = PortfolioMerge.merge(base: base, mine: x, theirs: x)
      #expect(same.isClean && same.portfolio == x && same.summary.fromMine.isEmpty && same.summary.fromTheirs.isEmpty)
      let twoWay = PortfolioMerge.merge(mine: x, theirs: x)
      #expect(twoWay.isClean && twoWay.portfolio == x)
    }
  }
}

/// Every mergeable field of a portfolio by its merge path, as text: an oracle written apart
/// from the merge engine.
func fieldValues(_ p: Portfolio) -> [String: String] {
  var v: [String: String] = [
    "name": p.name, "reportDate": p.reportDate.iso, "tolerance": "\(p.tolerance)",
    "expectedProgressRule": p.expectedProgressRule.rawValue,
  ]
  for imp in p.imperatives {
    let k = "imperatives[\(imp.id)]"
    v["\(k).name"] = imp.name
    v["\(k).description"] = imp.description
    v["\(k).weight"] = "\(imp.weight)"
    v["\(k).plannedDates"] = "\(String(describing: imp.plannedStart))/\(String(describing: imp.plannedEnd))"
    for m in imp.members { v["\(k).components[\(m.componentID)].weight"] = "\(m.weight)" }
  }
  for c in p.components {
    let k = "components[\(c.id)]"
    v["\(k).name"] = c.name
    v["\(k).description"] = c.description
    v["\(k).responsible"] = c.responsible
    v["\(k).dates"] = "\(c.start.iso)/\(c.end.iso)"
    v["\(k).actualProgress"] = "\(c.actualProgress)"
    for phase in Phase.allCases { v["\(k).phases.\(phase.rawValue)"] = "\(String(describing: c.phases[phase]))" }
  }
  for i in p.initiatives {
    let k = "initiatives[\(i.id)]"
    v["\(k).name"] = i.name
    v["\(k).component"] = i.componentID
    v["\(k).horizon"] = i.horizon.rawValue
    v["\(k).quickWin"] = "\(i.isQuickWin)"
    v["\(k).responsible"] = i.responsible
    v["\(k).dates"] = "\(i.start.iso)/\(i.end.iso)"
    v["\(k).weight"] = "\(i.weight)"
    v["\(k).actualProgress"] = "\(i.actualProgress)"
    v["\(k).notes"] = i.notes
    for m in i.milestones {
      let mk = "\(k).milestones[\"\(m.name)\" \(m.due.iso)]"
      v["\(mk).done"] = m.done?.iso ?? "-"
      v["\(mk).weight"] = "\(m.weight)"
    }
  }
  return v
}
