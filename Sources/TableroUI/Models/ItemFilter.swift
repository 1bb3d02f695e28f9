import TableroCore

/// What the lists show: by status (f), quick wins only (w), by horizon (p).
public struct ItemFilter: Equatable, Sendable {
  /// Nil shows every status.
  public var levels: Set<StatusLevel>?
  public var quickWinsOnly = false
  public var horizon: Horizon?

  public init(levels: Set<StatusLevel>? = nil, quickWinsOnly: Bool = false, horizon: Horizon? = nil) {
    self.levels = levels
    self.quickWinsOnly = quickWinsOnly
    self.horizon = horizon
  }

  public var isActive: Bool { levels != nil || quickWinsOnly || horizon != nil }

  /// The status filter steps `f` cycles through: the meeting's "show me the red ones" first.
  static let statusSteps: [Set<StatusLevel>?] = [
    nil, [.majorDeviation], [.majorDeviation, .minorDeviation], [.onTrack], [.notStarted],
  ]

  mutating func cycleStatus() {
    let i = Self.statusSteps.firstIndex { $0 == levels } ?? 0
    levels = Self.statusSteps[(i + 1) % Self.statusSteps.count]
  }

  mutating func cycleHorizon() {
    switch horizon {
    case nil: horizon = .short
    case .short: horizon = .medium
    case .medium: horizon = nil
    }
  }

  func accepts(_ initiative: Initiative, level: StatusLevel) -> Bool {
    if quickWinsOnly, !initiative.isQuickWin { return false }
    if let horizon, initiative.horizon != horizon { return false }
    if let levels, !levels.contains(level) { return false }
    return true
  }

  func accepts(level: StatusLevel) -> Bool { levels?.contains(level) ?? true }

  /// `accepts(_:level:)` by index: the level comes from the status array first and only the
  /// fields a filter needs are read, with no copy of the initiative (100k of them per refresh).
  func accepts(initiative i: Int, of portfolio: Portfolio, status: PortfolioStatus) -> Bool {
    if let levels, !levels.contains(status.initiatives[i].level) { return false }
    if quickWinsOnly, !portfolio.initiatives[i].isQuickWin { return false }
    if let horizon, portfolio.initiatives[i].horizon != horizon { return false }
    return true
  }

  /// Filters that look at initiatives (quick win, horizon) are on.
  var filtersInitiatives: Bool { quickWinsOnly || horizon != nil }
}
