/// Who last changed an item and when, from the history: the detail pane's
/// "actualizado por mlopez, 09:41".
public struct LastUpdate: Equatable, Sendable {
  /// The person, without the host of `user@host`.
  public var person: String
  /// ISO-8601 UTC as recorded.
  public var at: String

  /// The newest record of `id` (records are appended in time order, so the last one).
  public static func of(_ id: String, in records: [HistoryRecord]) -> LastUpdate? {
    guard let r = records.last(where: { $0.id == id }) else { return nil }
    return LastUpdate(person: SessionIdentity.person(fromUserAtHost: r.user), at: r.at)
  }

  /// "actualizado por mlopez, 09:41" today, "…, 28/11/2026 16:05" another day (local time).
  public func text(_ l: Language, today: Day) -> String {
    var when = at
    if let t = Timestamp(iso: at) {
      let local = t.local
      let clock = "\(Day.pad(local.hour, 2)):\(Day.pad(local.minute, 2))"
      when = local.day == today ? clock : "\(local.day.display) \(clock)"
    }
    return l.pick("actualizado por \(person), \(when)", "updated by \(person), \(when)")
  }
}
