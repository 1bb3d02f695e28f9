import TableroCore

/// A one-line chart of an indicator's measured values: each block's height is the value, its
/// colour the level it had against the goal trajectory on its date (so a rising red series
/// still reads as behind plan). Values without a trajectory are plain.
enum IndicatorSparkline {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  static let asciiBlocks: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

  struct Point {
    var character: Character
    var level: StatusLevel?
  }

  static func points(_ x: Indicator, tolerance: Double, width: Int, unicode: Bool) -> [Point] {
    let measured = x.measurements.compactMap { m in m.value.map { (m.day, $0) } }.suffix(max(0, width))
    guard !measured.isEmpty else { return [] }
    let trajectory = IndicatorTrajectory(x)
    var values = measured.map(\.1)
    if let t = trajectory { values += t.points.map(\.value) }
    let low = values.min() ?? 0
    let high = values.max() ?? 0
    let set = unicode ? blocks : asciiBlocks
    return measured.map { day, value in
      let fraction = high > low ? (value - low) / (high - low) : 0.5
      let index = min(set.count - 1, max(0, Int((fraction * Double(set.count - 1)).rounded())))
      let level = trajectory.map { t in
        StatusLevel.classify(
          deviation: IndicatorEvaluator.deviationPercent(value: value, expected: t.value(at: day), reference: t.start.value, trend: x.trend),
          tolerance: tolerance)
      }
      return Point(character: set[index], level: level)
    }
  }
}
