/// The computed row of Cuadro 9 for one item: dates, expected and actual progress, deviation, state.
public struct ItemStatus: Equatable, Sendable {
  public var start: Day?
  public var end: Day?
  /// Avance esperado in percent; nil for an imperative with no components.
  public var expected: Double?
  /// Avance real in percent; nil for an imperative with no components.
  public var actual: Double?
  /// Desviación in percent; nil when nothing is expected yet.
  public var deviation: Double?
  public var level: StatusLevel

  public init(
    start: Day?, end: Day?, expected: Double?, actual: Double?, deviation: Double?, level: StatusLevel
  ) {
    self.start = start
    self.end = end
    self.expected = expected
    self.actual = actual
    self.deviation = deviation
    self.level = level
  }

  static func measured(start: Day?, end: Day?, expected: Double, actual: Double, tolerance: Double)
    -> ItemStatus
  {
    let deviation = Deviation.percent(actual: actual, expected: expected)
    return ItemStatus(
      start: start, end: end, expected: expected, actual: actual, deviation: deviation,
      level: StatusLevel.classify(deviation: deviation, tolerance: tolerance))
  }
}
