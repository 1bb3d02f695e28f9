/// The status of an indicator at the report date (docs/STATUS.md, "Indicadores").
public struct IndicatorStatus: Equatable, Sendable {
  public enum State: Equatable, Sendable {
    /// Compared with the trajectory: green, yellow or red as in Cuadro 9.
    case level(StatusLevel)
    /// No value measured in the current period (or the previous one).
    case noMeasurement
    /// No trajectory: the source gives fewer than two valued points (baseline, goals).
    case noGoal
  }

  public var state: State
  /// The latest measurement with a value on or before the report date, even an old one.
  public var latest: Measurement?
  /// The latest measurement of any kind on or before the report date (it may carry only a reason).
  public var lastRecord: Measurement?
  /// The planned value at the latest measurement's date.
  public var expected: Double?
  /// Percent, as Cuadro 9's desviación: the achieved change against the planned change.
  public var deviation: Double?
  /// The goal being worked towards at the report date.
  public var nextGoal: IndicatorTrajectory.Point?

  /// The colour family: neutral states use the "No iniciado" / "Sin componentes" colours.
  public var level: StatusLevel {
    switch state {
    case .level(let l): l
    case .noMeasurement: .notStarted
    case .noGoal: .noComponents
    }
  }

  public var isRed: Bool { state == .level(.majorDeviation) }

  public func label(_ l: Language, tolerance: Double) -> String {
    switch state {
    case .level(let level): level.label(l, tolerance: tolerance)
    case .noMeasurement: l.pick("Sin medición", "Not measured")
    case .noGoal: l.pick("Sin meta", "No goal")
    }
  }

  public func shortLabel(_ l: Language) -> String {
    switch state {
    case .level(let level): level.shortLabel(l)
    case .noMeasurement: l.pick("Sin med.", "No meas.")
    case .noGoal: l.pick("Sin meta", "No goal")
    }
  }

  public var glyph: String {
    switch state {
    case .level(let level): level.glyph
    case .noMeasurement: "?"
    case .noGoal: "–"
    }
  }

  public var asciiGlyph: String {
    switch state {
    case .level(let level): level.asciiGlyph
    case .noMeasurement: "?"
    case .noGoal: "-"
    }
  }

  /// `--status` names on the command line.
  public var colorName: String {
    switch state {
    case .level(let level): level.colorName
    case .noMeasurement: "unmeasured"
    case .noGoal: "nogoal"
    }
  }
}
