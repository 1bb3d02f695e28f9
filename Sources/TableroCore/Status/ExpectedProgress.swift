/// Avance esperado at a date.
public enum ExpectedProgress {
  /// Linear in elapsed days: 0% up to and including the start day, 100% from the end day on.
  public static func linear(start: Day, end: Day, at date: Day) -> Double {
    if date <= start { return date >= end ? 100 : 0 }
    if date >= end { return 100 }
    let total = Double(start.days(to: end))
    return Double(start.days(to: date)) / total * 100
  }

  /// Share of milestone weight due by the date; nil when the milestones carry no weight.
  public static func byMilestones(_ milestones: [Milestone], at date: Day) -> Double? {
    var total = 0.0
    var due = 0.0
    for milestone in milestones where milestone.weight > 0 {
      total += milestone.weight
      if milestone.due <= date { due += milestone.weight }
    }
    guard total > 0 else { return nil }
    return due / total * 100
  }

  public static func of(_ initiative: Initiative, at date: Day, rule: ExpectedProgressRule) -> Double {
    if rule == .milestones, let value = byMilestones(initiative.milestones, at: date) {
      return value
    }
    return linear(start: initiative.start, end: initiative.end, at: date)
  }
}
