/// Expected and actual progress of one item over time, for charts (TUI, HTML): expected from
/// the plan at each date, actual from recorded values (the last value known at each date).
public struct ProgressSeries: Equatable, Sendable {
  public var days: [Day]
  public var expected: [Double]
  /// Nil where nothing was recorded yet for any part of the item.
  public var actual: [Double?]

  /// Monthly dates from `from` to `to` (both included).
  public static func monthly(from: Day, to: Day) -> [Day] {
    var days: [Day] = []
    var (y, m, _) = from.components
    days.append(from)
    while true {
      m += 1
      if m == 13 { m = 1; y += 1 }
      guard let d = Day(year: y, month: m, day: 1), d < to else { break }
      days.append(d)
    }
    if to > from { days.append(to) }
    return days
  }

  /// The series for an initiative, component or imperative, weighted as the status engine
  /// weighs them. Past actual values come from `history` (ProgressHistory's rule); an item the
  /// history does not know is drawn only from the report date, with its current value, so the
  /// chart never invents a past.
  public init(of id: String, in portfolio: Portfolio, days: [Day], history: ProgressHistory) {
    self.days = days
    func recorded(_ leafID: String, current: Double, at day: Day) -> Double? {
      if let value = history.actual(of: leafID, at: day) { return value }
      return day >= portfolio.reportDate ? current : nil
    }

    struct Leaf {
      var id: String
      var weight: Double
      var expected: (Day) -> Double
      var current: Double
    }
    func leaves(ofComponent c: Component) -> [Leaf] {
      let items = portfolio.initiatives(of: c.id)
      if items.isEmpty {
        return [Leaf(id: c.id, weight: 1, expected: { ExpectedProgress.linear(start: c.start, end: c.end, at: $0) }, current: c.actualProgress)]
      }
      let total = items.reduce(0.0) { $0 + max($1.weight, 0) }
      return items.map { x in
        Leaf(
          id: x.id, weight: total > 0 ? max(x.weight, 0) / total : 1 / Double(items.count),
          expected: { ExpectedProgress.of(x, at: $0, rule: portfolio.expectedProgressRule) }, current: x.actualProgress)
      }
    }

    var leafSet: [Leaf] = []
    if let x = portfolio.initiative(id) {
      leafSet = [Leaf(id: x.id, weight: 1, expected: { ExpectedProgress.of(x, at: $0, rule: portfolio.expectedProgressRule) }, current: x.actualProgress)]
    } else if let c = portfolio.component(id) {
      leafSet = leaves(ofComponent: c)
    } else if let m = portfolio.imperativeIndex(id) {
      let members = portfolio.imperatives[m].members
      let total = members.reduce(0.0) { $0 + max($1.weight, 0) }
      for member in members {
        guard let c = portfolio.component(member.componentID) else { continue }
        let share = total > 0 ? max(member.weight, 0) / total : 1 / Double(max(1, members.count))
        leafSet += leaves(ofComponent: c).map { var l = $0; l.weight *= share; return l }
      }
    }
    expected = days.map { day in leafSet.reduce(0.0) { $0 + $1.weight * $1.expected(day) } }
    self.actual = days.map { day in
      var sum = 0.0
      var known = false
      for leaf in leafSet {
        if let v = recorded(leaf.id, current: leaf.current, at: day) {
          sum += leaf.weight * v
          known = true
        }
      }
      return known ? sum : nil
    }
  }
}
