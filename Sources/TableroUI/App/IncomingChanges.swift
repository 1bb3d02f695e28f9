import TableroCore

/// Others' saves that came into this session: found by polling while it is open, or merged
/// in by this session's own save. The runner builds it from `PortfolioSession`'s answers.
public struct IncomingChanges: Equatable, Sendable {
  /// What the session shows now: their changes with this session's unsaved edits on top.
  public var portfolio: Portfolio
  /// This session's base now (what "unsaved" is measured against).
  public var saved: Portfolio
  /// The changes taken from the others, as the merge reports them.
  public var taken: [MergeSummary.Entry]
  /// The history lines the other saves wrote: who changed what.
  public var records: [HistoryRecord]
  /// Fields changed by them and, unsaved, here: this session's value stays; the save asks.
  public var conflicts: [MergeConflict]

  public init(
    portfolio: Portfolio, saved: Portfolio, taken: [MergeSummary.Entry], records: [HistoryRecord],
    conflicts: [MergeConflict] = []
  ) {
    self.portfolio = portfolio
    self.saved = saved
    self.taken = taken
    self.records = records
    self.conflicts = conflicts
  }

  /// The ids of the items the others changed (marked in the lists).
  var itemIDs: Set<String> {
    Set(taken.compactMap(\.path.itemID) + records.map(\.id).filter { !$0.isEmpty })
  }

  /// "mlopez", "mlopez y ana": the login names of the history lines, in order.
  func who(_ l: Language) -> String? {
    var names: [String] = []
    for r in records {
      let name = String(r.user.prefix { $0 != "@" })
      if !name.isEmpty, !names.contains(name) { names.append(name) }
    }
    guard let last = names.popLast() else { return nil }
    return names.isEmpty ? last : names.joined(separator: ", ") + l.pick(" y ", " and ") + last
  }

  /// "ACMI-04 avance real 40% → 55%": the first change, from its history line when there is one.
  func firstChange(_ l: Language) -> String? {
    if let r = records.first {
      let item: MergePath.Item = r.id.isEmpty ? .portfolio : .initiative(r.id)
      let field = MergePathText.fieldName(r.field, item, l)
      let unit = r.field == "actualProgress" ? "%" : ""
      func shown(_ v: String) -> String { v.isEmpty ? "—" : (v + unit).truncated(toWidth: 30, ellipsis: "…") }
      return (r.id.isEmpty ? "" : r.id + " ") + "\(field) \(shown(r.old)) → \(shown(r.new))"
    }
    return taken.first.map { MergePathText.readable($0.path, l) }
  }

  var count: Int { max(taken.count, records.count) }

  /// "Cambios de mlopez: ACMI-04 avance real 40% → 55% (y 2 más)" and, when a field was changed
  /// here too, what happens to it.
  func pollMessage(_ l: Language) -> String {
    var text = who(l).map { l.pick("Cambios de \($0)", "Changes by \($0)") } ?? l.pick("Cambios de otra sesión", "Changes from another session")
    if let first = firstChange(l) { text += ": " + first }
    let more = count - 1
    if more > 0 { text += l.pick(" (y \(more) más)", " (and \(more) more)") }
    if !conflicts.isEmpty {
      let n = conflicts.count
      text += l.pick(
        " · \(n) campo\(n == 1 ? "" : "s") que usted también cambió: se decide al guardar",
        " · \(n) field\(n == 1 ? "" : "s") you changed too: decided when you save")
    }
    return text
  }

  /// "Guardado; 3 cambios de otra sesión incorporados".
  /// With nothing taken from them (a save whose only overlap was settled in the resolver) it
  /// says the save was combined with theirs rather than "0 cambios … incorporados".
  func saveMessage(_ l: Language) -> String {
    let n = count
    let from = who(l)
    if n == 0 {
      return l.pick(
        "Guardado, combinado con lo que guardó " + (from ?? "otra sesión"),
        "Saved, combined with what " + (from ?? "another session") + " saved")
    }
    return l.pick(
      "Guardado; \(n) cambio\(n == 1 ? "" : "s") de " + (from ?? "otra sesión") + (n == 1 ? " incorporado" : " incorporados"),
      "Saved; \(n) change\(n == 1 ? "" : "s") from " + (from ?? "another session") + " merged in")
  }
}
