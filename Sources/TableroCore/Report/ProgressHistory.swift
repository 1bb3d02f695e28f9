import TableroJSON

/// One known value of avance real at a date.
public struct ProgressPoint: Equatable, Sendable {
  public var day: Day
  /// Percent, 0–100.
  public var actual: Double
  public init(day: Day, actual: Double) {
    self.day = day
    self.actual = actual
  }
}

/// What is known about past *entered* actual progress (initiatives, and components without
/// initiatives), so the charts and the comparison can show the past instead of assuming that
/// today's value was always true.
///
/// The rule for an item at a day: the value of its last change on or before that day; before
/// its first recorded change, that change's old value; an item with no recorded change keeps
/// its current value (the file's). Roll-ups (components, imperatives, the portfolio) are then
/// recomputed by `StatusEngine`, never taken from the history.
public struct ProgressHistory: Equatable, Sendable {
  public struct Change: Equatable, Sendable {
    public var day: Day
    public var id: String
    public var old: Double?
    public var new: Double
    public init(day: Day, id: String, old: Double?, new: Double) {
      self.day = day
      self.id = id
      self.old = old
      self.new = new
    }
  }

  /// Changes per item id, oldest first.
  public private(set) var changes: [String: [Change]] = [:]

  public init(_ changes: [Change] = []) {
    // Oldest first; changes on the same day keep their order (the last one wins).
    let ordered = changes.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
    for (_, change) in ordered { self.changes[change.id, default: []].append(change) }
  }

  public var isEmpty: Bool { changes.isEmpty }

  /// The days on which anything changed, ascending, without duplicates.
  public var days: [Day] { Array(Set(changes.values.flatMap { $0.map(\.day) })).sorted() }

  /// The entered actual progress of `id` at the end of `day`, or nil when the history does not
  /// know (no change recorded for the item).
  public func actual(of id: String, at day: Day) -> Double? {
    guard let list = changes[id], let first = list.first else { return nil }
    if let last = list.last(where: { $0.day <= day }) { return last.new }
    return first.old
  }

  /// Reads the history file (`<portfolio>.historial.jsonl`, see `History`): one JSON object per
  /// line with `at` (an ISO date or UTC timestamp; its first 10 characters are the day), `id`,
  /// `field`, `old` and `new` (numbers, or numbers written as text). Only
  /// `field == "actualProgress"` lines are used; lines that cannot be read are skipped, so a
  /// newer or damaged history never stops a report.
  public init(jsonLines text: String) {
    func number(_ value: JSONValue?) -> Double? {
      switch value {
      case .number(let n)?: return n.double
      case .string(let s)?: return Double(s.trimmingSpaces().replacingOccurrences(of: ",", with: "."))
      default: return nil
      }
    }
    var list: [Change] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      guard let value = try? JSON.parse(String(line)), case .object(let object) = value,
        case .string(let field)? = object["field"], field == "actualProgress",
        case .string(let id)? = object["id"], case .string(let at)? = object["at"],
        let day = Day(iso: String(at.prefix(10))), let newValue = number(object["new"]), (0...100).contains(newValue)
      else { continue }
      let old = number(object["old"]).flatMap { (0...100).contains($0) ? $0 : nil }
      list.append(Change(day: day, id: id, old: old, new: newValue))
    }
    self.init(list)
  }

  /// The portfolio as it stood at `day`: entered actual progress replaced by what the history
  /// knows (items it does not know keep their current value).
  public func portfolio(_ portfolio: Portfolio, at day: Day) -> Portfolio {
    var copy = portfolio
    for i in copy.initiatives.indices {
      if let value = actual(of: copy.initiatives[i].id, at: day) { copy.initiatives[i].actualProgress = value }
    }
    for c in copy.components.indices {
      if let value = actual(of: copy.components[c].id, at: day) { copy.components[c].actualProgress = value }
    }
    return copy
  }

  /// Actual progress over time of every imperative, component and of the portfolio (key
  /// `ProgressHistory.portfolioKey`), one point per day on which the history has a change, up
  /// to the report date. Empty when the history is empty.
  public func actualSeries(_ portfolio: Portfolio) -> [String: [ProgressPoint]] {
    var series: [String: [ProgressPoint]] = [:]
    let engine = StatusEngine()
    for day in days where day <= portfolio.reportDate {
      let status = engine.evaluate(self.portfolio(portfolio, at: day), at: day)
      for (i, imp) in portfolio.imperatives.enumerated() {
        if let a = status.imperatives[i].actual { series[imp.id, default: []].append(ProgressPoint(day: day, actual: a)) }
      }
      for (c, component) in portfolio.components.enumerated() {
        if let a = status.components[c].actual { series[component.id, default: []].append(ProgressPoint(day: day, actual: a)) }
      }
      if let a = status.portfolio.actual { series[Self.portfolioKey, default: []].append(ProgressPoint(day: day, actual: a)) }
    }
    return series
  }

  /// Key of the whole portfolio's series (not a valid item id, so it cannot clash).
  public static let portfolioKey = "*portafolio*"
}
