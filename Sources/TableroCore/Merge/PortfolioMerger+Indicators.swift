/// Indicators merge by id. Measurements are the part copies change apart (each office
/// records its own), so they are united by date; on a date both sides changed differently,
/// the side that differs from the base wins, else mine. An indicator's definition (name, goals…)
/// is taken from the side that changed it, mine when both did. These choices are not listed as
/// conflicts: neither side's measurements are ever lost.
extension PortfolioMerger {
  static func mergeIndicators(base: [Indicator]?, mine: [Indicator], theirs: [Indicator]) -> [Indicator] {
    let baseByID = Dictionary((base ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let theirsByID = Dictionary(theirs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let mineIDs = Set(mine.map(\.id))
    var result: [Indicator] = []
    for m in mine {
      let b = baseByID[m.id]
      guard let t = theirsByID[m.id] else {
        // Removed by theirs: dropped only when mine left it as it was.
        if let b, b == m { continue }
        result.append(m)
        continue
      }
      result.append(merge(b, m, t))
    }
    for t in theirs where !mineIDs.contains(t.id) {
      if let b = baseByID[t.id], b == t { continue }
      result.append(t)
    }
    return result
  }

  static func merge(_ b: Indicator?, _ m: Indicator, _ t: Indicator) -> Indicator {
    var definitionM = m
    var definitionT = t
    var definitionB = b
    definitionM.measurements = []
    definitionT.measurements = []
    definitionB?.measurements = []
    var r = (definitionB != nil && definitionB == definitionM) ? t : m
    var byDay: [Day: Measurement] = [:]
    let baseByDay = Dictionary((b?.measurements ?? []).map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
    for x in t.measurements { byDay[x.day] = x }
    for x in m.measurements {
      if let other = byDay[x.day], other != x, baseByDay[x.day] == x { continue }
      byDay[x.day] = x
    }
    r.measurements = byDay.values.sorted { $0.day < $1.day }
    return r
  }
}
