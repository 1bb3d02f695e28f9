/// History records for the fields a person settled in a merge conflict.
///
/// Both sides' history lines travel with the merge (union by time), and charts and minutes
/// read a field's value at a time from the latest line. After a conflict that latest line may
/// be the side that lost (mine said 65 at 09:40, theirs 60 at 09:45, 65 was chosen): so each
/// settled field gets one more line, written now, saying the value that was kept.
public enum ResolutionHistory {
  public static func records(
    base: Portfolio?, mine: Portfolio, theirs: Portfolio, merged: Portfolio, user: String, at time: Timestamp
  ) -> [HistoryRecord] {
    func key(_ c: Change) -> String { c.itemID + "\u{1F}" + c.field }
    // Fields changed on both sides; without a base, every field that differs.
    let contested: Set<String>
    if let base {
      let mineChanged = Set(PortfolioDiff.changes(from: base, to: mine).map(key))
      contested = Set(PortfolioDiff.changes(from: base, to: theirs).map(key)).intersection(mineChanged)
    } else {
      contested = Set(PortfolioDiff.changes(from: mine, to: theirs).map(key))
    }
    guard !contested.isEmpty else { return [] }
    // The settled value seen from the side that lost; one line per field.
    var seen = Set<String>()
    var result: [HistoryRecord] = []
    for change in PortfolioDiff.changes(from: mine, to: merged) + PortfolioDiff.changes(from: theirs, to: merged) {
      let k = key(change)
      guard contested.contains(k), seen.insert(k).inserted else { continue }
      result.append(
        HistoryRecord(at: time.iso, user: user, id: change.itemID, field: change.field, old: change.oldValue,
          new: change.newValue, note: nil))
    }
    return result
  }
}
