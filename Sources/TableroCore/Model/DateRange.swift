/// A closed range of days, as used by phases and planned dates.
public struct DateRange: Hashable, Sendable {
  public var start: Day
  public var end: Day
  public init(start: Day, end: Day) {
    self.start = start
    self.end = end
  }
  public func contains(_ other: DateRange) -> Bool { start <= other.start && other.end <= end }
  public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}
