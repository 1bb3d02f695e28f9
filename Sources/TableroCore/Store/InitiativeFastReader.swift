import TableroJSON

/// Reads one initiative straight from the bytes when it has the shape a saved file gives it:
/// known keys at most once, each with the right type, every required one present, dates that
/// parse and a name that is not blank. Anything else (a duplicate key, a wrong type, an escaped
/// or non-ASCII key…) answers nil, and the caller decodes that initiative from a `JSONValue`
/// with `PortfolioDecoder.decodeInitiative`, which lists its problems with their paths. So this
/// reader never has to word a problem itself, and cannot word one differently.
///
/// What it accepts gives the same `Initiative` as the tree decoder (`StreamDecoderTests`).
enum InitiativeFastReader {
  private enum Key: Int, SpelledKey {
    case id, name, component, horizon, quickWin, responsible, start, end, weight, actualProgress
    case milestones, notes

    var text: String {
      switch self {
      case .id: "id"
      case .name: "name"
      case .component: "component"
      case .horizon: "horizon"
      case .quickWin: "quickWin"
      case .responsible: "responsible"
      case .start: "start"
      case .end: "end"
      case .weight: "weight"
      case .actualProgress: "actualProgress"
      case .milestones: "milestones"
      case .notes: "notes"
      }
    }

    var bit: UInt16 { 1 << UInt16(rawValue) }

    /// By length first, then the bytes: no table, no allocation.
    static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
      switch bytes.count {
      case 2: spelled(bytes, "id") ? .id : nil
      case 3: spelled(bytes, "end") ? .end : nil
      case 4: spelled(bytes, "name") ? .name : nil
      case 5: spelled(bytes, "start") ? .start : spelled(bytes, "notes") ? .notes : nil
      case 6: spelled(bytes, "weight") ? .weight : nil
      case 7: spelled(bytes, "horizon") ? .horizon : nil
      case 8: spelled(bytes, "quickWin") ? .quickWin : nil
      case 9: spelled(bytes, "component") ? .component : nil
      case 10: spelled(bytes, "milestones") ? .milestones : nil
      case 11: spelled(bytes, "responsible") ? .responsible : nil
      case 14: spelled(bytes, "actualProgress") ? .actualProgress : nil
      default: nil
      }
    }
  }

  private enum MilestoneKey: Int, SpelledKey {
    case name, due, done, weight

    var text: String {
      switch self {
      case .name: "name"
      case .due: "due"
      case .done: "done"
      case .weight: "weight"
      }
    }

    var bit: UInt8 { 1 << UInt8(rawValue) }

    static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> MilestoneKey? {
      switch bytes.count {
      case 3: spelled(bytes, "due") ? .due : nil
      case 4: spelled(bytes, "name") ? .name : spelled(bytes, "done") ? .done : nil
      case 6: spelled(bytes, "weight") ? .weight : nil
      default: nil
      }
    }
  }

  /// Same length assumed (the callers switch on it). Also `IndicatorFastReader`'s, as are the
  /// value helpers below.
  @inline(__always)
  static func spelled(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Bool {
    let spelling = key.utf8Start
    for i in 0..<bytes.count where bytes[i] != spelling[i] { return false }
    return true
  }

  /// The keys this reader takes for an initiative's and a milestone's members, each found by
  /// its own spelling: for `PortfolioDecoder`'s lists to be checked against.
  static var initiativeKeyNames: Set<String> { Key.namesFoundByTheirSpelling }
  static var milestoneKeyNames: Set<String> { MilestoneKey.namesFoundByTheirSpelling }

  /// Objects enclosing an initiative in a portfolio: the top-level object and `initiatives`.
  static let initiativeDepth = 2

  /// The initiative whose `{` is next; nil when it does not have the plain shape (the cursor is
  /// then somewhere inside it: the caller rewinds). Throws on broken JSON.
  static func read(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Initiative? {
    guard cursor.consume(UInt8(ascii: "{")) else { return nil }
    var seen: UInt16 = 0
    var id: String?, name: String?, component: String?, horizon: Horizon?
    var start: Day?, end: Day?
    var quickWin = false, responsible = "", notes = ""
    var weight = 1.0, progress = 0.0
    var milestones: [Milestone] = []
    var extra = JSONObject()
    if cursor.byte == UInt8(ascii: "}") { return nil }  // no id: the tree decoder says so
    while true {
      guard let keyBytes = cursor.plainASCIIString() else { return nil }
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { return nil }
      if let key = Key.matching(keyBytes) {
        guard seen & key.bit == 0 else { return nil }
        seen |= key.bit
        switch key {
        case .id:
          guard let text = try string(&cursor) else { return nil }
          id = text
        case .name:
          guard let text = try string(&cursor), !text.trimmingSpaces().isEmpty else { return nil }
          name = text
        case .component:
          guard let text = try string(&cursor) else { return nil }
          component = text
        case .horizon:
          guard let text = try string(&cursor), let value = Horizon(rawValue: text) else { return nil }
          horizon = value
        case .quickWin:
          guard let flag = try cursor.bool() else { return nil }
          quickWin = flag
        case .responsible:
          guard let text = try string(&cursor) else { return nil }
          responsible = text
        case .start:
          guard let value = try day(&cursor) else { return nil }
          start = value
        case .end:
          guard let value = try day(&cursor) else { return nil }
          end = value
        case .weight:
          guard let value = try number(&cursor) else { return nil }
          weight = value
        case .actualProgress:
          guard let value = try number(&cursor) else { return nil }
          progress = value
        case .milestones:
          guard let list = try readMilestones(&cursor) else { return nil }
          milestones = list
        case .notes:
          guard let text = try string(&cursor) else { return nil }
          notes = text
        }
      } else {
        guard try addExtra(keyBytes, to: &extra, &cursor, depth: initiativeDepth + 1) else { return nil }
      }
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let id, let name, let component, let horizon, let start, let end else { return nil }
    return Initiative(
      id: id, name: name, componentID: component, horizon: horizon, isQuickWin: quickWin,
      responsible: responsible, start: start, end: end, weight: weight, actualProgress: progress,
      milestones: milestones, notes: notes, extra: extra)
  }

  /// `[ {milestone}, … ]`; nil for anything but an array of plain milestones.
  private static func readMilestones(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> [Milestone]? {
    guard cursor.consume(UInt8(ascii: "[")) else { return nil }
    var list: [Milestone] = []
    if cursor.consume(UInt8(ascii: "]")) { return list }
    while true {
      guard let milestone = try readMilestone(&cursor) else { return nil }
      list.append(milestone)
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "]")) else { return nil }
      return list
    }
  }

  private static func readMilestone(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Milestone? {
    guard cursor.consume(UInt8(ascii: "{")) else { return nil }
    if cursor.byte == UInt8(ascii: "}") { return nil }
    var seen: UInt8 = 0
    var name: String?, due: Day?, done: Day?
    var weight = 1.0
    var extra = JSONObject()
    while true {
      guard let keyBytes = cursor.plainASCIIString() else { return nil }
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { return nil }
      if let key = MilestoneKey.matching(keyBytes) {
        guard seen & key.bit == 0 else { return nil }
        seen |= key.bit
        switch key {
        case .name:
          guard let text = try string(&cursor), !text.trimmingSpaces().isEmpty else { return nil }
          name = text
        case .due:
          guard let day = try day(&cursor) else { return nil }
          due = day
        case .done:
          // An optional date may be null (not done).
          if try !cursor.null() {
            guard let day = try day(&cursor) else { return nil }
            done = day
          }
        case .weight:
          guard let number = try number(&cursor) else { return nil }
          weight = number
        }
      } else {
        guard try addExtra(keyBytes, to: &extra, &cursor, depth: initiativeDepth + 3) else { return nil }
      }
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let name, let due else { return nil }
    return Milestone(name: name, due: due, done: done, weight: weight, extra: extra)
  }

  // MARK: - Values

  /// A string value; nil when the value is of another type.
  static func string(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> String? {
    guard cursor.byte == UInt8(ascii: "\"") else { return nil }
    return try cursor.string()
  }

  /// `YYYY-MM-DD`; nil for another type or a date that does not parse.
  static func day(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Day? {
    if let plain = cursor.plainASCIIString() { return Day(isoUTF8: plain) }
    // Escapes or other characters: not a date either, but the string must still be valid JSON.
    guard let text = try string(&cursor) else { return nil }
    return Day(iso: text)
  }

  /// A finite number; nil for another type or one too large for a `Double`.
  static func number(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Double? {
    guard let byte = cursor.byte, byte == UInt8(ascii: "-") || (byte &- UInt8(ascii: "0")) < 10 else { return nil }
    return try cursor.double()
  }

  /// An unknown key's value, kept as it is; false when the key is already there (the tree
  /// decoder reports the duplicate).
  static func addExtra(
    _ keyBytes: UnsafeBufferPointer<UInt8>, to extra: inout JSONObject, _ cursor: inout JSONCursor, depth: Int
  ) throws(JSONSyntaxError) -> Bool {
    let key = String(decoding: keyBytes, as: UTF8.self)
    if extra.contains(key) { return false }
    extra.set(key, try cursor.value(depth: depth))
    return true
  }
}
