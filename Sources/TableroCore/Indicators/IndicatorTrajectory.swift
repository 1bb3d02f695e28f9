/// The planned path of an indicator: straight lines from the baseline through the
/// intermediate goals to the final goal (each at the end of its year). Points without a value
/// (N.D.) are left out; the first valued point is the reference the change is measured from.
public struct IndicatorTrajectory: Equatable, Sendable {
  public struct Point: Equatable, Sendable {
    public var day: Day
    public var value: Double
  }

  /// Valued points in date order; at least two, or the trajectory does not exist.
  public let points: [Point]

  public init?(_ indicator: Indicator) {
    var all: [IndicatorTarget] = []
    if let b = indicator.baseline { all.append(b) }
    all += indicator.goals
    if let f = indicator.finalGoal { all.append(f) }
    let valued = all.compactMap { t in t.value.map { Point(day: t.day, value: $0) } }.sorted { $0.day < $1.day }
    // Two points on the same day make no line: keep the later one stated (the goal).
    var unique: [Point] = []
    for p in valued {
      if let last = unique.last, last.day == p.day { unique[unique.count - 1] = p } else { unique.append(p) }
    }
    guard unique.count >= 2 else { return nil }
    points = unique
  }

  /// The reference value (the baseline when it has one).
  public var start: Point { points[0] }
  public var end: Point { points[points.count - 1] }

  /// The planned value at `day`: the first value before the start, the last after the end,
  /// linear in days in between.
  public func value(at day: Day) -> Double {
    if day <= start.day { return start.value }
    if day >= end.day { return end.value }
    for (a, b) in zip(points, points.dropFirst()) where day <= b.day {
      let span = Double(a.day.days(to: b.day))
      return a.value + (b.value - a.value) * Double(a.day.days(to: day)) / span
    }
    return end.value
  }

  /// The next point after `day` (the goal being worked towards), or the last one.
  public func nextPoint(after day: Day) -> Point { points.first { $0.day > day } ?? end }
}
