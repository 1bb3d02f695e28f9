import TableroJSON

/// Sentido esperado: which direction of change is good.
public enum IndicatorTrend: String, CaseIterable, Sendable {
  case ascending, descending, constant
}

/// Tipo de indicador, as the federal "Metas para el bienestar y Parámetros" classify them.
public enum IndicatorKind: String, CaseIterable, Sendable {
  /// Estratégico: measures the benefit itself.
  case strategic
  /// De gestión: measures how the work that produces it goes.
  case management
}

/// Periodicidad de medición.
public enum IndicatorPeriodicity: String, CaseIterable, Sendable {
  case monthly, quarterly, semiannual, annual

  /// Months in one period.
  public var months: Int {
    switch self {
    case .monthly: 1
    case .quarterly: 3
    case .semiannual: 6
    case .annual: 12
    }
  }
}

/// Acumulado (each value includes the previous periods) or periódico (each period on its own).
public enum IndicatorAccumulation: String, CaseIterable, Sendable {
  case cumulative, periodic
}

/// A value stated for a year: the línea base, an intermediate goal or the final goal. The value
/// may be absent with the source's reason ("N.A.", "N.D."), which is kept as written.
public struct IndicatorTarget: Equatable, Sendable {
  public var year: Int
  public var value: Double?
  /// Why the value is absent ("N.D.", "N.A."…); empty when there is a value.
  public var reason: String
  public var note: String
  public var extra: JSONObject

  public init(year: Int, value: Double?, reason: String = "", note: String = "", extra: JSONObject = JSONObject()) {
    self.year = year
    self.value = value
    self.reason = reason
    self.note = note
    self.extra = extra
  }

  /// The day the value refers to: the end of its year, as annual goals are read.
  public var day: Day { Day(year: year, month: 12, day: 31) ?? Day(ordinal: 0) }
}

/// One measurement (medición): date, value or the reason it is absent, note and who recorded it.
public struct Measurement: Equatable, Sendable {
  public var day: Day
  public var value: Double?
  public var reason: String
  public var note: String
  public var by: String
  public var extra: JSONObject

  public init(
    day: Day, value: Double?, reason: String = "", note: String = "", by: String = "", extra: JSONObject = JSONObject()
  ) {
    self.day = day
    self.value = value
    self.reason = reason
    self.note = note
    self.by = by
    self.extra = extra
  }
}

/// Indicador: how the benefit of an imperative (or a component) is measured, with its baseline,
/// goals and measurements. Seed 000 §7.2: the initiatives "contribuyen al logro de los
/// beneficios de cada imperativo".
public struct Indicator: Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  /// The imperative or component it belongs to.
  public var ownerID: String
  /// Unidad de medida: "porcentaje", "tasa por 100 000 habitantes", "días"…
  public var unit: String
  public var kind: IndicatorKind
  public var trend: IndicatorTrend
  public var periodicity: IndicatorPeriodicity
  public var accumulation: IndicatorAccumulation
  public var baseline: IndicatorTarget?
  /// Metas intermedias, by year.
  public var goals: [IndicatorTarget]
  public var finalGoal: IndicatorTarget?
  /// Método de cálculo, as text.
  public var method: String
  /// Fuente de información.
  public var source: String
  /// Mediciones, oldest first.
  public var measurements: [Measurement]
  public var extra: JSONObject

  public init(
    id: String, name: String, ownerID: String, unit: String = "", kind: IndicatorKind = .strategic,
    trend: IndicatorTrend = .ascending, periodicity: IndicatorPeriodicity = .annual,
    accumulation: IndicatorAccumulation = .periodic, baseline: IndicatorTarget? = nil, goals: [IndicatorTarget] = [],
    finalGoal: IndicatorTarget? = nil, method: String = "", source: String = "", measurements: [Measurement] = [],
    extra: JSONObject = JSONObject()
  ) {
    self.id = id
    self.name = name
    self.ownerID = ownerID
    self.unit = unit
    self.kind = kind
    self.trend = trend
    self.periodicity = periodicity
    self.accumulation = accumulation
    self.baseline = baseline
    self.goals = goals
    self.finalGoal = finalGoal
    self.method = method
    self.source = source
    self.measurements = measurements
    self.extra = extra
  }

  /// The latest measurement with a value on or before `day`.
  public func latestValue(onOrBefore day: Day) -> Measurement? {
    measurements.last { $0.value != nil && $0.day <= day }
  }
}
