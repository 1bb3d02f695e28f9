/// A decision the merge could not take alone: the same field changed differently on both
/// sides, an item removed on one side and changed on the other, or (without a base) a field
/// that differs. The merged portfolio holds `chosen` (mine's value until resolved).
public struct MergeConflict: Equatable, Sendable, Identifiable {
  public enum Kind: Equatable, Sendable {
    /// Changed on both sides to different values.
    case bothChanged
    /// Added on both sides (same id, or same milestone) with different content.
    case bothAdded
    /// Removed on one side, changed on the other (for a component: changes to its initiatives
    /// or memberships count too, since removing a component removes them).
    case removedVsChanged(removedBy: MergeSide)
    /// Two-way merge: the values differ and without a base nobody knows which one is newer.
    case differsWithoutBase
  }

  public var path: MergePath
  public var kind: Kind
  /// `.absent` when the item did not exist in the base, or there is no base.
  public var base: MergeValue
  public var mine: MergeValue
  public var theirs: MergeValue
  /// The explicit choice, or nil while the default side's value is used.
  public var resolution: MergeResolution?
  /// The value now in the merged portfolio.
  public var chosen: MergeValue
  /// Whether `.absent` is a possible value: an item (removed), an unset phase, milestone date
  /// or unknown key. Other fields always hold a value.
  public var allowsAbsent: Bool

  public var id: MergePath { path }
  public var isResolved: Bool { resolution != nil }

  public init(
    path: MergePath, kind: Kind, base: MergeValue, mine: MergeValue, theirs: MergeValue,
    resolution: MergeResolution? = nil, chosen: MergeValue, allowsAbsent: Bool = false
  ) {
    self.path = path
    self.kind = kind
    self.base = base
    self.mine = mine
    self.theirs = theirs
    self.resolution = resolution
    self.chosen = chosen
    self.allowsAbsent = allowsAbsent
  }

  /// Whether a typed-in value can replace this field (same kind as one of the sides, or
  /// `.absent` where the field may be unset).
  public func accepts(_ value: MergeValue) -> Bool {
    if value == .absent { return allowsAbsent }
    return value.hasSameKind(as: mine) || value.hasSameKind(as: theirs)
  }

  public func value(of side: MergeSide) -> MergeValue { side == .mine ? mine : theirs }

  /// What a side's value reads as: "(eliminado)" for a removed item, "—" for an empty field.
  public func text(_ value: MergeValue, _ l: Language, limit: Int? = 80) -> String {
    guard value == .absent else { return value.display(l, limit: limit) }
    switch kind {
    case .removedVsChanged: return path.field == nil ? l.pick("(eliminado)", "(removed)") : "—"
    case .bothAdded where value == base: return l.pick("(no existía)", "(did not exist)")
    case .differsWithoutBase where value == base: return l.pick("(sin base)", "(no base)")
    default: return "—"
    }
  }

  public func kindText(_ l: Language) -> String {
    switch kind {
    case .bothChanged: l.pick("cambiado en ambos lados", "changed on both sides")
    case .bothAdded: l.pick("agregado en ambos lados con distinto contenido", "added on both sides with different content")
    case .removedVsChanged(let side):
      side == .mine
        ? l.pick("eliminado en este archivo, cambiado en el otro", "removed in this file, changed in the other")
        : l.pick("eliminado en el otro archivo, cambiado en este", "removed in the other file, changed in this one")
    case .differsWithoutBase: l.pick("distinto en cada copia (sin base)", "differs between the copies (no base)")
    }
  }
}
