/// Removing a component removes its initiatives and its memberships (the `remove` edit does
/// that), so a component removed on one side is a conflict when the other side changed the
/// component, any of its initiatives (moved in, added, edited) or any of its ponderaciones.
/// This is settled before the item merges, as one decision for the whole component:
/// - removal wins: the other side loses the component the same way (`Portfolio.remove`), so
///   the item merges see it removed on both sides;
/// - the component is kept: the removing side gets back the base's component, initiatives and
///   memberships it lost with it, and the item merges then take the other side's changes.
/// When nothing under the component changed on the other side, the removal is simply taken.
extension PortfolioMerger {
  mutating func settleComponentRemovals(base: Portfolio, mine: inout Portfolio, theirs: inout Portfolio) {
    for component in base.components {
      let inMine = mine.componentIndex(component.id) != nil
      let inTheirs = theirs.componentIndex(component.id) != nil
      if inMine && !inTheirs {
        settleRemoval(of: component, base: base, removedBy: .theirs, remover: &theirs, keeper: &mine)
      } else if inTheirs && !inMine {
        settleRemoval(of: component, base: base, removedBy: .mine, remover: &mine, keeper: &theirs)
      }
    }
  }

  private mutating func settleRemoval(
    of baseComponent: Component, base: Portfolio, removedBy side: MergeSide, remover: inout Portfolio,
    keeper: inout Portfolio
  ) {
    let id = baseComponent.id
    // Initiatives the remover moved out before removing the component were not removed with
    // it: their changes on the keeping side merge as ordinary field changes.
    let baseMembers = Set(base.initiatives.filter { $0.componentID == id }.map(\.id))
    let movedOut = Set(remover.initiatives.filter { $0.componentID != id && baseMembers.contains($0.id) }.map(\.id))
    guard let kept = keeper.component(id), Self.changedUnder(id, base: base, in: keeper, ignoring: movedOut)
    else { return }
    let keptValue = MergeValue.component(kept)
    let chosen = decide(
      MergePath(.component(id)), .removedVsChanged(removedBy: side), base: .component(baseComponent),
      mine: side == .mine ? .absent : keptValue, theirs: side == .mine ? keptValue : .absent)
    if let component = chosen.component {
      // Kept: the item merges take the keeping side's changes over the base.
      Self.restore(component == kept ? baseComponent : component, base: base, into: &remover)
    } else {
      settled.insert(MergePath(.component(id)))
      // The keeper follows the remover's move so `remove` below does not take them along.
      for index in keeper.initiatives.indices
      where keeper.initiatives[index].componentID == id && movedOut.contains(keeper.initiatives[index].id) {
        if let destination = remover.initiative(keeper.initiatives[index].id)?.componentID {
          keeper.initiatives[index].componentID = destination
        }
      }
      for initiative in base.initiatives + keeper.initiatives
      where initiative.componentID == id && !movedOut.contains(initiative.id) {
        settled.insert(MergePath(.initiative(initiative.id)))
      }
      for imperative in base.imperatives + keeper.imperatives where imperative.members.contains(where: { $0.componentID == id }) {
        settled.insert(MergePath(.member(imperative: imperative.id, component: id)))
      }
      _ = try? keeper.remove(id)
    }
  }

  /// Whether `side` changed the component, an initiative in it (except those in `ignoring`),
  /// or one of its memberships.
  static func changedUnder(_ id: String, base: Portfolio, in side: Portfolio, ignoring: Set<String> = []) -> Bool {
    if side.component(id) != base.component(id) { return true }
    var baseInitiatives: [String: Initiative] = [:]
    for initiative in base.initiatives where initiative.componentID == id { baseInitiatives[initiative.id] = initiative }
    for initiative in side.initiatives where initiative.componentID == id && !ignoring.contains(initiative.id) {
      if baseInitiatives[initiative.id] != initiative { return true }
    }
    for imperative in side.imperatives {
      guard let member = imperative.members.first(where: { $0.componentID == id }) else { continue }
      let baseMember = base.imperatives.first { $0.id == imperative.id }?.members.first { $0.componentID == id }
      if baseMember != member { return true }
    }
    return false
  }

  /// Puts back into `side` the component and what its removal took with it, at base positions.
  static func restore(_ component: Component, base: Portfolio, into side: inout Portfolio) {
    let id = component.id
    insert(component, into: &side.components, following: base.components, key: \.id)
    let present = Set(side.initiatives.map(\.id))
    for initiative in base.initiatives where initiative.componentID == id && !present.contains(initiative.id) {
      insert(initiative, into: &side.initiatives, following: base.initiatives, key: \.id)
    }
    for baseImperative in base.imperatives {
      guard let member = baseImperative.members.first(where: { $0.componentID == id }),
        let m = side.imperativeIndex(baseImperative.id),
        !side.imperatives[m].members.contains(where: { $0.componentID == id })
      else { continue }
      insert(member, into: &side.imperatives[m].members, following: baseImperative.members, key: \.componentID)
    }
  }

  /// Inserts after the nearest item that precedes it in `order` and is in `list`, else first.
  static func insert<T>(_ item: T, into list: inout [T], following order: [T], key: (T) -> String) {
    let k = key(item)
    var position = 0
    if let index = order.firstIndex(where: { key($0) == k }) {
      for previous in order[..<index].reversed() {
        if let found = list.firstIndex(where: { key($0) == key(previous) }) {
          position = found + 1
          break
        }
      }
    }
    list.insert(item, at: position)
  }
}
