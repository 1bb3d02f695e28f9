/// When an item will really finish at its current pace (docs/STATUS.md, "Pronóstico"). A
/// forecast never changes a status colour: it is an extra column.
public struct Forecast: Equatable, Sendable {
  public enum Method: Equatable, Sendable {
    /// Least-squares line over the last `points` recorded values.
    case recentTrend(points: Int)
    /// Actual progress divided by the days since the start.
    case averagePace
  }

  public enum Outcome: Equatable, Sendable {
    /// Reaches 100% on this day at the current pace.
    case finishes(Day)
    /// Already at 100%.
    case finished
    /// No progress recorded recently (flat or falling line, or nothing since the start).
    case noRecentProgress
    /// The pace is so slow that the date would be more than a century away.
    case tooSlow
  }

  public var outcome: Outcome
  public var method: Method?
  public var plannedEnd: Day
  /// For a component, imperative or the portfolio: the id of the part whose forecast decides
  /// the parent's (its latest finish, or the part that cannot be estimated); nil for a leaf.
  public var decidedBy: String?

  public init(outcome: Outcome, method: Method?, plannedEnd: Day, decidedBy: String? = nil) {
    self.outcome = outcome
    self.method = method
    self.plannedEnd = plannedEnd
    self.decidedBy = decidedBy
  }

  /// Days after the planned end (negative: before); nil without a date.
  public var delayDays: Int? {
    guard case .finishes(let day) = outcome else { return nil }
    return plannedEnd.days(to: day)
  }

  public var finishDay: Day? {
    if case .finishes(let day) = outcome { return day }
    return nil
  }
}

extension Forecast {
  /// How many of the latest recorded values the least-squares line uses.
  public static let recentPoints = 6
  /// Beyond this many days from the last value the date is not worth stating.
  static let horizonDays = 36_525

  /// `points`: recorded actual progress (percent) by day, any order; several on one day keep
  /// the last. `start` is the planned start, used by the average-pace fallback; `reportDate`
  /// bounds the values used; `current` is the value at the report date when known.
  public static func estimate(
    points raw: [ProgressPoint], start: Day, plannedEnd: Day, reportDate: Day, current: Double?
  ) -> Forecast {
    if raw.isEmpty {
      // No history (the common case at scale): only the current value, with no dictionary.
      guard let current, current.isFinite else { return Forecast(outcome: .noRecentProgress, method: nil, plannedEnd: plannedEnd) }
      return single(ProgressPoint(day: reportDate, actual: current), start: start, plannedEnd: plannedEnd)
    }
    var byDay: [Day: Double] = [:]
    for p in raw where p.day <= reportDate && p.actual.isFinite { byDay[p.day] = p.actual }
    if let current, current.isFinite, byDay.isEmpty || byDay.keys.max().map({ byDay[$0] != current }) == true {
      // The file's value is the latest truth; it counts at the report date.
      byDay[reportDate] = current
    }
    let points = byDay.map { ProgressPoint(day: $0.key, actual: $0.value) }.sorted { $0.day < $1.day }
    var result = Forecast(outcome: .noRecentProgress, method: nil, plannedEnd: plannedEnd)
    guard let last = points.last else { return result }
    if last.actual >= 100 {
      result.outcome = .finished
      return result
    }
    let recent = Array(points.suffix(recentPoints))
    if recent.count >= 2 {
      result.method = .recentTrend(points: recent.count)
      guard let slope = leastSquaresSlope(recent), slope > 0 else { return result }
      // The line's value at the mean day, then forward to 100%.
      let origin = recent[0].day
      let xs = recent.map { Double(origin.days(to: $0.day)) }
      let meanX = xs.reduce(0, +) / Double(xs.count)
      let meanY = recent.map(\.actual).reduce(0, +) / Double(recent.count)
      let x = meanX + (100 - meanY) / slope
      result.outcome = day(origin, plus: x, from: last.day)
      return result
    }
    return single(last, start: start, plannedEnd: plannedEnd)
  }

  /// One value only: the average pace since the planned start.
  static func single(_ last: ProgressPoint, start: Day, plannedEnd: Day) -> Forecast {
    var result = Forecast(outcome: .noRecentProgress, method: nil, plannedEnd: plannedEnd)
    if last.actual >= 100 {
      result.outcome = .finished
      return result
    }
    result.method = .averagePace
    let elapsed = Double(start.days(to: last.day))
    guard last.actual > 0, elapsed > 0 else { return result }
    result.outcome = day(start, plus: elapsed * 100 / last.actual, from: last.day)
    return result
  }

  /// Slope in percent per day; nil when all points share one day.
  static func leastSquaresSlope(_ points: [ProgressPoint]) -> Double? {
    guard let origin = points.first?.day else { return nil }
    let xs = points.map { Double(origin.days(to: $0.day)) }
    let ys = points.map(\.actual)
    let mx = xs.reduce(0, +) / Double(xs.count)
    let my = ys.reduce(0, +) / Double(ys.count)
    var sxx = 0.0
    var sxy = 0.0
    for (x, y) in zip(xs, ys) {
      sxx += (x - mx) * (x - mx)
      sxy += (x - mx) * (y - my)
    }
    guard sxx > 0 else { return nil }
    return sxy / sxx
  }

  static func day(_ origin: Day, plus days: Double, from last: Day) -> Outcome {
    guard days.isFinite, days < Double(horizonDays + origin.days(to: last)) else { return .tooSlow }
    return .finishes(origin.adding(days: Int(days.rounded(.toNearestOrAwayFromZero))))
  }
}
