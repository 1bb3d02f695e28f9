/// The indicator status rule (docs/STATUS.md, "Indicadores"):
///
/// 1. The latest measurement with a value on or before the report date counts only if it falls
///    in the current period of the indicator's periodicity or the one before (results of a
///    period are published after it closes); otherwise "Sin medición".
/// 2. Without a trajectory (fewer than two valued points among baseline and goals): "Sin meta".
/// 3. Otherwise the planned value at the measurement's date is read off the trajectory, and the
///    achieved change from the reference (baseline) is compared with the planned change, as
///    Cuadro 9 compares avance real with avance esperado: desviación = (logrado − esperado) /
///    esperado, with "lower is better" for descending indicators. Constant indicators compare
///    the distance to the planned value with the planned value itself. The tolerance and the
///    three levels are the portfolio's (Cuadro 9).
public enum IndicatorEvaluator {
  public static func evaluate(_ x: Indicator, at reportDate: Day, tolerance: Double) -> IndicatorStatus {
    let known = x.measurements.filter { $0.day <= reportDate }.sorted { $0.day < $1.day }
    let latest = known.last { $0.value != nil }
    let trajectory = IndicatorTrajectory(x)
    var status = IndicatorStatus(
      state: .noMeasurement, latest: latest, lastRecord: known.last, expected: nil, deviation: nil,
      nextGoal: trajectory?.nextPoint(after: reportDate))
    guard let trajectory else {
      status.state = .noGoal
      return status
    }
    guard let latest, let value = latest.value, isCurrent(latest.day, at: reportDate, every: x.periodicity) else {
      return status
    }
    let expected = trajectory.value(at: latest.day)
    status.expected = expected
    let deviation = deviationPercent(
      value: value, expected: expected, reference: trajectory.start.value, trend: x.trend)
    status.deviation = deviation
    status.state = .level(StatusLevel.classify(deviation: deviation, tolerance: tolerance))
    return status
  }

  /// Period number of a day (months since year 0, divided by the period length).
  static func period(of day: Day, every periodicity: IndicatorPeriodicity) -> Int {
    let (y, m, _) = day.components
    return (y * 12 + m - 1) / periodicity.months
  }

  /// True when `day` falls in the report date's period or the one before.
  public static func isCurrent(_ day: Day, at reportDate: Day, every periodicity: IndicatorPeriodicity) -> Bool {
    period(of: day, every: periodicity) >= period(of: reportDate, every: periodicity) - 1
  }

  /// Desviación in percent; 0 or more is "conforme". Never nil: a measured indicator with a
  /// trajectory always has a status (−∞ when the planned value is 0 and it was missed).
  public static func deviationPercent(value: Double, expected: Double, reference: Double, trend: IndicatorTrend)
    -> Double
  {
    // Signed so that a positive number is "better" in the indicator's own direction.
    let sign: Double = trend == .descending ? -1 : 1
    switch trend {
    case .constant:
      let distance = abs(value - expected)
      if distance == 0 { return 0 }
      return expected == 0 ? -.infinity : -distance / abs(expected) * 100
    case .ascending, .descending:
      let planned = sign * (expected - reference)
      let achieved = sign * (value - reference)
      if planned > 0 { return (achieved - planned) / planned * 100 }
      // Nothing planned to change yet (at the baseline, or goals against the trend): hold the
      // planned value; falling short is measured against its size.
      let gap = sign * (value - expected)
      if gap >= 0 { return 0 }
      return expected == 0 ? -.infinity : gap / abs(expected) * 100
    }
  }
}
