import TableroJSON

/// Evento/hito by which an initiative is monitored.
public struct Milestone: Equatable, Sendable {
  public var name: String
  public var due: Day
  public var done: Day?
  public var weight: Double
  public var extra: JSONObject
  public init(name: String, due: Day, done: Day? = nil, weight: Double = 1, extra: JSONObject = JSONObject()) {
    self.name = name
    self.due = due
    self.done = done
    self.weight = weight
    self.extra = extra
  }
  public var isDone: Bool { done != nil }
}
