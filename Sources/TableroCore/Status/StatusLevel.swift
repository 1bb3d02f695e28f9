/// The four states of Cuadro 9, plus the neutral state of an imperative with nothing to measure.
public enum StatusLevel: String, CaseIterable, Sendable, Comparable {
  /// Nothing expected yet (avance esperado = 0): neutral, never green by accident.
  case notStarted
  /// Conforme al esperado: deviation ≥ 0.
  case onTrack
  /// Desviación de hasta 30%: tolerance ≤ deviation < 0.
  case minorDeviation
  /// Desviación mayor al 30%: deviation < tolerance.
  case majorDeviation
  /// An imperative with no components ("sin componentes").
  case noComponents

  /// Severity order, worst last: used to sort "red first".
  public var severity: Int {
    switch self {
    case .noComponents: 0
    case .notStarted: 1
    case .onTrack: 2
    case .minorDeviation: 3
    case .majorDeviation: 4
    }
  }

  public static func < (lhs: StatusLevel, rhs: StatusLevel) -> Bool { lhs.severity < rhs.severity }

  /// Deviations are compared with a small slack so that 35 vs 50 (−30.000000000000004%)
  /// counts as exactly the tolerance, as a person reading "−30.0%" would expect.
  static let slack = 1e-9

  public static func classify(deviation: Double?, tolerance: Double) -> StatusLevel {
    guard let deviation else { return .notStarted }
    if deviation >= -slack { return .onTrack }
    if deviation >= tolerance - slack { return .minorDeviation }
    return .majorDeviation
  }
}
