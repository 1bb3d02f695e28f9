/// Cuadro 8 (Plan Maestro de Ejecución): when a component is in each phase. The phases
/// classify progress; they carry no dependencies or critical path.
public enum Phase: String, CaseIterable, Sendable {
  case formulation, implementation, monitoring
}

public struct PhasePlan: Hashable, Sendable {
  public var ranges: [Phase: DateRange]
  public init(ranges: [Phase: DateRange] = [:]) { self.ranges = ranges }
  public subscript(phase: Phase) -> DateRange? {
    get { ranges[phase] }
    set { ranges[phase] = newValue }
  }
  public var isEmpty: Bool { ranges.isEmpty }
  /// The phase a day falls in, the first one in plan order if they overlap.
  public func phase(on day: Day) -> Phase? {
    Phase.allCases.first { ranges[$0]?.contains(day) ?? false }
  }
}
