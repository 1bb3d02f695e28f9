import TableroJSON

/// The file bytes of a portfolio, written straight from the model: the same bytes as
/// `JSONWriter.bytes(PortfolioEncoder.encode(portfolio))` without building a JSON tree of the
/// initiatives (100 000 objects of a dozen members each), which made a save at 100k spend most
/// of its time allocating and freeing. The top level, imperatives, components, agreements and
/// meetings (few) still go through `PortfolioEncoder`, so their layout has one source.
enum PortfolioStreamEncoder {
  static func encode(_ portfolio: Portfolio, sizeHint: Int = 0) -> [UInt8] {
    // ≈ 610 bytes per initiative in practice; over-reserving is cheaper than regrowing 60 MB.
    var w = JSONStreamWriter(reservingCapacity: max(sizeHint, 4096 + portfolio.initiatives.count * 700))
    let top = PortfolioEncoder.topLevel(portfolio, initiatives: .array([]))
    w.beginObject()
    for (position, key) in top.keys.enumerated() {
      w.key(key)
      if key == "initiatives" {
        w.beginArray()
        for initiative in portfolio.initiatives { write(initiative, to: &w) }
        w.endArray()
      } else {
        w.value(top.values[position])
      }
    }
    w.endObject()
    return w.finish()
  }

  // Keep in step with PortfolioEncoder.encode(_ initiative:) (same members, same order).
  static func write(_ initiative: Initiative, to w: inout JSONStreamWriter) {
    w.beginObject()
    w.key(K.id)
    w.string(initiative.id)
    w.key(K.name)
    w.string(initiative.name)
    w.key(K.component)
    w.string(initiative.componentID)
    w.key(K.horizon)
    w.string(initiative.horizon.rawValue)
    w.key(K.quickWin)
    w.bool(initiative.isQuickWin)
    if !initiative.responsible.isEmpty {
      w.key(K.responsible)
      w.string(initiative.responsible)
    }
    w.key(K.start)
    write(initiative.start, to: &w)
    w.key(K.end)
    write(initiative.end, to: &w)
    w.key(K.weight)
    w.number(initiative.weight)
    w.key(K.actualProgress)
    w.number(initiative.actualProgress)
    w.key(K.milestones)
    w.beginArray()
    for milestone in initiative.milestones { write(milestone, to: &w) }
    w.endArray()
    w.key(K.notes)
    w.string(initiative.notes)
    writeExtra(initiative.extra, skipping: initiative.responsible.isEmpty ? initiativeKeysNoResponsible : initiativeKeys, to: &w)
    w.endObject()
  }

  // Keep in step with PortfolioEncoder.encode(_ milestone:).
  static func write(_ milestone: Milestone, to w: inout JSONStreamWriter) {
    w.beginObject()
    w.key(K.name)
    w.string(milestone.name)
    w.key(K.due)
    write(milestone.due, to: &w)
    w.key(K.done)
    if let done = milestone.done { write(done, to: &w) } else { w.null() }
    w.key(K.weight)
    w.number(milestone.weight)
    writeExtra(milestone.extra, skipping: milestoneKeys, to: &w)
    w.endObject()
  }

  /// The members' keys, escaped once.
  enum K {
    static let id = JSONStreamWriter.Key("id"), name = JSONStreamWriter.Key("name")
    static let component = JSONStreamWriter.Key("component"), horizon = JSONStreamWriter.Key("horizon")
    static let quickWin = JSONStreamWriter.Key("quickWin"), responsible = JSONStreamWriter.Key("responsible")
    static let start = JSONStreamWriter.Key("start"), end = JSONStreamWriter.Key("end")
    static let weight = JSONStreamWriter.Key("weight"), actualProgress = JSONStreamWriter.Key("actualProgress")
    static let milestones = JSONStreamWriter.Key("milestones"), notes = JSONStreamWriter.Key("notes")
    static let due = JSONStreamWriter.Key("due"), done = JSONStreamWriter.Key("done")
  }

  static let initiativeKeys: [String] = [
    "id", "name", "component", "horizon", "quickWin", "responsible", "start", "end", "weight", "actualProgress",
    "milestones", "notes",
  ]
  static let initiativeKeysNoResponsible = initiativeKeys.filter { $0 != "responsible" }
  static let milestoneKeys = ["name", "due", "done", "weight"]

  /// Unknown keys after the known ones, as `PortfolioEncoder.appending` adds them: a key already
  /// written, or seen earlier among the unknown ones, is skipped (the first occurrence wins).
  static func writeExtra(_ extra: JSONObject, skipping written: [String], to w: inout JSONStreamWriter) {
    guard !extra.isEmpty else { return }
    var seen = written
    for (position, key) in extra.keys.enumerated() where !seen.contains(key) {
      seen.append(key)
      w.key(key)
      w.value(extra.values[position])
    }
  }

  /// `YYYY-MM-DD` without building a String; years outside 0…9999 (never valid in a file) go
  /// through `Day.iso` so the text stays what it always was.
  static func write(_ day: Day, to w: inout JSONStreamWriter) {
    let c = day.components
    guard (0...9999).contains(c.year) else { return w.string(day.iso) }
    w.plainString { out in
      out.append(UInt8(ascii: "0") + UInt8(c.year / 1000))
      out.append(UInt8(ascii: "0") + UInt8(c.year / 100 % 10))
      out.append(UInt8(ascii: "0") + UInt8(c.year / 10 % 10))
      out.append(UInt8(ascii: "0") + UInt8(c.year % 10))
      out.append(UInt8(ascii: "-"))
      out.append(UInt8(ascii: "0") + UInt8(c.month / 10))
      out.append(UInt8(ascii: "0") + UInt8(c.month % 10))
      out.append(UInt8(ascii: "-"))
      out.append(UInt8(ascii: "0") + UInt8(c.day / 10))
      out.append(UInt8(ascii: "0") + UInt8(c.day % 10))
    }
  }
}
