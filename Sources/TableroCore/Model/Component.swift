import TableroJSON

/// Componente: a line of work (ECE, PGS…) that may serve several imperatives.
public struct Component: Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var description: String
  public var responsible: String
  public var start: Day
  public var end: Day
  /// Used only while the component has no initiatives.
  public var actualProgress: Double
  public var phases: PhasePlan
  public var extra: JSONObject

  public init(
    id: String, name: String, description: String = "", responsible: String = "",
    start: Day, end: Day, actualProgress: Double = 0, phases: PhasePlan = PhasePlan(),
    extra: JSONObject = JSONObject()
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.responsible = responsible
    self.start = start
    self.end = end
    self.actualProgress = actualProgress
    self.phases = phases
    self.extra = extra
  }

  public var dates: DateRange { DateRange(start: start, end: end) }
}
