/// Accumulates a weighted mean of (expected, actual) pairs. When every weight is zero the
/// plain mean is used, so a portfolio whose weights are not filled in yet still shows status.
struct WeightedMean {
  private var weightSum = 0.0
  private var expectedSum = 0.0
  private var actualSum = 0.0
  private var plainExpected = 0.0
  private var plainActual = 0.0
  private(set) var count = 0

  mutating func add(expected: Double, actual: Double, weight: Double) {
    let w = max(weight, 0)
    weightSum += w
    expectedSum += expected * w
    actualSum += actual * w
    plainExpected += expected
    plainActual += actual
    count += 1
  }

  var value: (expected: Double, actual: Double)? {
    guard count > 0 else { return nil }
    if weightSum > 0 { return (expectedSum / weightSum, actualSum / weightSum) }
    return (plainExpected / Double(count), plainActual / Double(count))
  }
}
