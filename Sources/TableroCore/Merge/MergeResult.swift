/// The outcome of merging two copies of a portfolio: the merged portfolio (conflicts settled
/// to the default side, `mine` unless told otherwise), every conflict, and what was taken from
/// each side. Resolving a conflict re-runs the merge with that choice, so choices that change
/// what else is merged (keeping a removed component keeps its initiatives) stay consistent.
public struct MergeResult: Equatable, Sendable {
  /// Nil for a two-way merge.
  public let base: Portfolio?
  public let mine: Portfolio
  public let theirs: Portfolio
  /// The side used for conflicts nobody has resolved yet.
  public private(set) var defaultSide: MergeSide
  /// Explicit choices by path.
  public private(set) var resolutions: [MergePath: MergeResolution]

  public private(set) var portfolio: Portfolio
  public private(set) var conflicts: [MergeConflict]
  public private(set) var summary: MergeSummary

  init(base: Portfolio?, mine: Portfolio, theirs: Portfolio, defaultSide: MergeSide, resolutions: [MergePath: MergeResolution]) {
    self.base = base
    self.mine = mine
    self.theirs = theirs
    self.defaultSide = defaultSide
    self.resolutions = resolutions
    var merger = PortfolioMerger(base: base, overrides: resolutions, defaultSide: defaultSide)
    portfolio = merger.merge(mine: mine, theirs: theirs)
    conflicts = merger.conflicts
    summary = merger.summary
  }

  public var isThreeWay: Bool { base != nil }
  /// No conflicts at all: the merge decided everything by the rules.
  public var isClean: Bool { conflicts.isEmpty }
  /// Conflicts still on their default value.
  public var unresolved: [MergeConflict] { conflicts.filter { !$0.isResolved } }

  public func conflict(at path: MergePath) -> MergeConflict? { conflicts.first { $0.path == path } }

  /// Settles one conflict (the TUI's mine / theirs / edit).
  public mutating func resolve(_ conflict: MergeConflict, with resolution: MergeResolution) throws(MergeError) {
    try resolve(conflict.path, with: resolution)
  }

  public mutating func resolve(_ path: MergePath, with resolution: MergeResolution) throws(MergeError) {
    guard let conflict = conflict(at: path) else { throw .unknownConflict(path) }
    if case .value(let value) = resolution, !conflict.accepts(value) { throw .valueDoesNotFit(path, value) }
    resolutions[path] = resolution
    rerun()
  }

  /// Settles every unresolved conflict with one side (`--take mine|theirs`). Conflicts that
  /// only appear because of a choice (a kept component's fields) are settled the same way.
  public mutating func resolveAll(with side: MergeSide) {
    defaultSide = side
    for _ in 0..<8 {
      let open = unresolved
      if open.isEmpty { break }
      for c in open { resolutions[c.path] = MergeResolution(side) }
      rerun()
    }
  }

  /// Validation of the merged portfolio (errors and warnings).
  public var validationIssues: [ValidationIssue] { PortfolioValidator.validate(portfolio) }

  /// The merged portfolio when it is valid; otherwise the errors. Call before writing.
  public func validated() throws(MergeError) -> Portfolio {
    let issues = validationIssues
    if issues.contains(where: { $0.severity == .error }) { throw .invalid(issues: issues) }
    return portfolio
  }

  private mutating func rerun() {
    self = MergeResult(base: base, mine: mine, theirs: theirs, defaultSide: defaultSide, resolutions: resolutions)
  }
}

/// Entry points of the merge.
public enum PortfolioMerge {
  /// Three-way merge by stable id and field by field. Rules (docs/MERGE.md): a change on one
  /// side only is taken; the same change on both sides is taken once; different changes to
  /// the same field are a conflict; additions on either side are taken; a removal is taken
  /// when the other side did not change the item, else it is a conflict. Order: mine's, with
  /// theirs' additions after their predecessor in theirs (after mine's additions there).
  /// With `base` nil this is the two-way merge (see `merge(mine:theirs:)`).
  public static func merge(
    base: Portfolio?, mine: Portfolio, theirs: Portfolio, defaultSide: MergeSide = .mine
  ) -> MergeResult {
    MergeResult(base: base, mine: mine, theirs: theirs, defaultSide: defaultSide, resolutions: [:])
  }

  /// Two-way merge, without a common ancestor: identical values are kept, differing values are
  /// conflicts, items present on one side only are taken as additions. Without a base a
  /// removal cannot be told from an addition, so nothing is ever removed.
  public static func merge(mine: Portfolio, theirs: Portfolio, defaultSide: MergeSide = .mine) -> MergeResult {
    merge(base: nil, mine: mine, theirs: theirs, defaultSide: defaultSide)
  }
}
