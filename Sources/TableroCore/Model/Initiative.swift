import TableroJSON

/// Iniciativa: the unit that is planned and whose real progress is entered.
public struct Initiative: Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var componentID: String
  public var horizon: Horizon
  /// The seed's `*`: "de mayor impacto y menor esfuerzo".
  public var isQuickWin: Bool
  public var responsible: String
  public var start: Day
  public var end: Day
  /// Weight within its component.
  public var weight: Double
  /// Avance real, 0–100.
  public var actualProgress: Double
  public var milestones: [Milestone]
  public var notes: String
  /// Keys this version does not know, kept so a save loses nothing.
  public var extra: JSONObject

  public init(
    id: String, name: String, componentID: String, horizon: Horizon = .short,
    isQuickWin: Bool = false, responsible: String = "", start: Day, end: Day,
    weight: Double = 1, actualProgress: Double = 0, milestones: [Milestone] = [],
    notes: String = "", extra: JSONObject = JSONObject()
  ) {
    self.id = id
    self.name = name
    self.componentID = componentID
    self.horizon = horizon
    self.isQuickWin = isQuickWin
    self.responsible = responsible
    self.start = start
    self.end = end
    self.weight = weight
    self.actualProgress = actualProgress
    self.milestones = milestones
    self.notes = notes
    self.extra = extra
  }

  public var dates: DateRange { DateRange(start: start, end: end) }
}
