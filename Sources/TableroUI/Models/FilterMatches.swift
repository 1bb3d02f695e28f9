import TableroCore

/// The initiatives a filter keeps, per component index, in file order. One pass over the
/// status array (the level first, from a table: no `Set` lookup, no copy of an initiative),
/// shared by every list built after the same change: at 100 000 initiatives each list used to
/// filter all of them again.
struct FilterMatches: Sendable {
  /// Indexed like `status.initiativesByComponent`.
  let byComponent: [[Int]]

  init(filter: ItemFilter, portfolio: Portfolio, status: PortfolioStatus) {
    var accepted = [Bool](repeating: true, count: StatusLevel.allCases.count)
    if let levels = filter.levels {
      for level in StatusLevel.allCases { accepted[Self.slot(level)] = levels.contains(level) }
    }
    let quickWinsOnly = filter.quickWinsOnly
    let horizon = filter.horizon
    byComponent = status.initiatives.withUnsafeBufferPointer { levels in
      portfolio.initiatives.withUnsafeBufferPointer { initiatives in
        status.initiativesByComponent.map { indices in
          indices.filter { i in
            guard accepted[Self.slot(levels[i].level)] else { return false }
            if quickWinsOnly, !initiatives[i].isQuickWin { return false }
            if let horizon, initiatives[i].horizon != horizon { return false }
            return true
          }
        }
      }
    }
  }

  /// A level's place in the table above.
  static func slot(_ level: StatusLevel) -> Int {
    switch level {
    case .notStarted: 0
    case .onTrack: 1
    case .minorDeviation: 2
    case .majorDeviation: 3
    case .noComponents: 4
    }
  }
}
