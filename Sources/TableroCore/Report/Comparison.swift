/// Cuadro 9 at two report dates of the same portfolio: which items moved between states
/// (red → yellow, green → red, no iniciado → …), with expected, actual and deviation at both.
///
/// Actual progress: a portfolio file only knows today's avance real, so unless `pastActual`
/// says otherwise both dates use the file's current entered values (expected progress, which
/// depends only on dates, does change). `pastActual(id, day)` may return the entered actual
/// progress of an initiative (or of a component without initiatives) at a day, e.g. from the
/// history file (`ProgressHistory.actual(of:at:)`); roll-ups are recomputed from those. It is
/// asked only for a date before the portfolio's report date: at the report date (and after) the
/// file's values are the truth.
public struct StatusComparison: Equatable, Sendable {
  public enum Kind: String, Sendable { case imperative, component, initiative }

  public enum Direction: String, Sendable {
    /// Towards green (red → yellow, yellow → green, red → green).
    case improved
    /// Away from green.
    case worsened
    /// From "no iniciado" to a measured state.
    case started
    /// Anything else (e.g. back to "no iniciado"), or no change.
    case other, unchanged

    public func label(_ l: Language) -> String {
      switch self {
      case .improved: l.pick("↑ Mejoró", "↑ Improved")
      case .worsened: l.pick("↓ Empeoró", "↓ Worsened")
      case .started: l.pick("→ Inició", "→ Started")
      case .other: l.pick("↔ Cambió", "↔ Changed")
      case .unchanged: l.pick("= Sin cambio", "= No change")
      }
    }
  }

  public struct Entry: Equatable, Sendable {
    public var kind: Kind
    public var id: String
    public var name: String
    /// At `from` (the earlier date).
    public var before: ItemStatus
    /// At `to` (the later date).
    public var after: ItemStatus
    public var direction: Direction
    public var changed: Bool { before.level != after.level }
  }

  /// The earlier and the later date.
  public var from: Day
  public var to: Day
  /// Every imperative, component and initiative, in that order and in file order.
  public var entries: [Entry]
  /// Whether past actual progress came from a history (otherwise the current values were used).
  public var usesPastActual: Bool
  /// Initiatives that changed state but are not listed (a report without `--detail`), so the
  /// summary never says "nothing changed" when something did.
  public var hiddenInitiativeChanges = 0

  /// The items whose state differs between the two dates.
  public var changes: [Entry] { entries.filter(\.changed) }

  /// Compares `portfolio` at `a` and `b` (either order).
  public init(_ portfolio: Portfolio, _ a: Day, _ b: Day, pastActual: ((_ id: String, _ day: Day) -> Double?)? = nil) {
    from = min(a, b)
    to = max(a, b)
    usesPastActual = pastActual != nil
    func state(at day: Day) -> PortfolioStatus {
      var copy = portfolio
      // At or after the report date the file's own values are the truth.
      if let pastActual, day < portfolio.reportDate {
        for i in copy.initiatives.indices {
          if let v = pastActual(copy.initiatives[i].id, day) { copy.initiatives[i].actualProgress = v }
        }
        for c in copy.components.indices {
          if let v = pastActual(copy.components[c].id, day) { copy.components[c].actualProgress = v }
        }
      }
      return StatusEngine().evaluate(copy, at: day)
    }
    let before = state(at: from)
    let after = state(at: to)
    var entries: [Entry] = []
    for (i, item) in portfolio.imperatives.enumerated() {
      entries.append(Self.entry(.imperative, item.id, item.name, before.imperatives[i], after.imperatives[i]))
    }
    for (i, item) in portfolio.components.enumerated() {
      entries.append(Self.entry(.component, item.id, item.name, before.components[i], after.components[i]))
    }
    for (i, item) in portfolio.initiatives.enumerated() {
      entries.append(Self.entry(.initiative, item.id, item.name, before.initiatives[i], after.initiatives[i]))
    }
    self.entries = entries
  }

  static func entry(_ kind: Kind, _ id: String, _ name: String, _ before: ItemStatus, _ after: ItemStatus) -> Entry {
    Entry(kind: kind, id: id, name: name, before: before, after: after, direction: direction(before.level, after.level))
  }

  static func direction(_ before: StatusLevel, _ after: StatusLevel) -> Direction {
    if before == after { return .unchanged }
    let measured: Set<StatusLevel> = [.onTrack, .minorDeviation, .majorDeviation]
    if measured.contains(before), measured.contains(after) { return after < before ? .improved : .worsened }
    if before == .notStarted, measured.contains(after) { return .started }
    return .other
  }
}
