import TableroJSON

/// A component's membership in an imperative, with its ponderación there.
public struct Membership: Equatable, Sendable {
  public var componentID: String
  /// Ponderación in percent (Cuadro 9 shows 33.3%).
  public var weight: Double
  public var extra: JSONObject
  public init(componentID: String, weight: Double, extra: JSONObject = JSONObject()) {
    self.componentID = componentID
    self.weight = weight
    self.extra = extra
  }
}

/// Imperativo: groups components around an expected benefit.
public struct Imperative: Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var description: String
  /// Weight in the portfolio roll-up.
  public var weight: Double
  /// Own planned dates; when absent the subtotal row spans its components.
  public var plannedStart: Day?
  public var plannedEnd: Day?
  public var members: [Membership]
  public var extra: JSONObject

  public init(
    id: String, name: String, description: String = "", weight: Double = 1,
    plannedStart: Day? = nil, plannedEnd: Day? = nil, members: [Membership] = [],
    extra: JSONObject = JSONObject()
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.weight = weight
    self.plannedStart = plannedStart
    self.plannedEnd = plannedEnd
    self.members = members
    self.extra = extra
  }
}
