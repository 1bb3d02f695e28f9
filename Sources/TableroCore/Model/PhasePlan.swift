import TableroJSON

/// Cuadro 8 (Plan Maestro de Ejecución): when a component is in each phase. The phases
/// classify progress; they carry no dependencies or critical path.
public enum Phase: String, CaseIterable, Sendable {
  case formulation, implementation, monitoring
}

public struct PhasePlan: Hashable, Sendable {
  public var ranges: [Phase: DateRange]
  /// Keys of the `phases` object this version does not know, kept for the next save.
  public var extra: JSONObject
  /// Unknown keys inside each phase's `{ "start", "end" }`, kept for the next save.
  public var rangeExtra: [Phase: JSONObject]

  public init(ranges: [Phase: DateRange] = [:], extra: JSONObject = JSONObject(), rangeExtra: [Phase: JSONObject] = [:]) {
    self.ranges = ranges
    self.extra = extra
    self.rangeExtra = rangeExtra
  }
  public subscript(phase: Phase) -> DateRange? {
    get { ranges[phase] }
    set { ranges[phase] = newValue }
  }
  /// No phase planned (unknown keys do not count).
  public var isEmpty: Bool { ranges.isEmpty }
  /// The phase a day falls in, the first one in plan order if they overlap.
  public func phase(on day: Day) -> Phase? {
    Phase.allCases.first { ranges[$0]?.contains(day) ?? false }
  }
  // Equal plans have equal ranges, so hashing the ranges alone is consistent with ==.
  public func hash(into hasher: inout Hasher) { hasher.combine(ranges) }
}
