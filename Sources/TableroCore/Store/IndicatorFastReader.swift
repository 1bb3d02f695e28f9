import TableroJSON

/// Reads one indicator straight from the bytes when it has the shape a saved file gives it,
/// as `InitiativeFastReader` does for initiatives (and with its helpers): known keys at most
/// once, each with the right type, every required one present, choices that are known values,
/// goal years in range, dates that parse and a name that is not blank. Anything else answers
/// nil, and the caller decodes that indicator from a `JSONValue` with
/// `PortfolioDecoder.decodeIndicator`, which words its problems with their paths.
///
/// What it accepts gives the same `Indicator` as the tree decoder (`IndicatorStreamDecoderTests`).
enum IndicatorFastReader {
  private enum Key: Int, SpelledKey {
    case id, name, owner, unit, kind, trend, periodicity, accumulation, baseline, goals, finalGoal
    case method, source, measurements

    var text: String {
      switch self {
      case .id: "id"
      case .name: "name"
      case .owner: "owner"
      case .unit: "unit"
      case .kind: "kind"
      case .trend: "trend"
      case .periodicity: "periodicity"
      case .accumulation: "accumulation"
      case .baseline: "baseline"
      case .goals: "goals"
      case .finalGoal: "finalGoal"
      case .method: "method"
      case .source: "source"
      case .measurements: "measurements"
      }
    }

    var bit: UInt16 { 1 << UInt16(rawValue) }

    static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
      let spelled = InitiativeFastReader.spelled
      return switch bytes.count {
      case 2: spelled(bytes, "id") ? .id : nil
      case 4: spelled(bytes, "name") ? .name : spelled(bytes, "unit") ? .unit : spelled(bytes, "kind") ? .kind : nil
      case 5: spelled(bytes, "owner") ? .owner : spelled(bytes, "trend") ? .trend : spelled(bytes, "goals") ? .goals : nil
      case 6: spelled(bytes, "method") ? .method : spelled(bytes, "source") ? .source : nil
      case 8: spelled(bytes, "baseline") ? .baseline : nil
      case 9: spelled(bytes, "finalGoal") ? .finalGoal : nil
      case 11: spelled(bytes, "periodicity") ? .periodicity : nil
      case 12: spelled(bytes, "accumulation") ? .accumulation : spelled(bytes, "measurements") ? .measurements : nil
      default: nil
      }
    }
  }

  /// The members of a goal (`year`, `value`, `reason`, `note`) and of a measurement (`date`,
  /// `value`, `reason`, `note`, `by`): one set, each object taking the ones it has.
  private enum PartKey: Int, SpelledKey {
    case year, date, value, reason, note, by

    var text: String {
      switch self {
      case .year: "year"
      case .date: "date"
      case .value: "value"
      case .reason: "reason"
      case .note: "note"
      case .by: "by"
      }
    }

    var bit: UInt8 { 1 << UInt8(rawValue) }

    static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> PartKey? {
      let spelled = InitiativeFastReader.spelled
      return switch bytes.count {
      case 2: spelled(bytes, "by") ? .by : nil
      case 4: spelled(bytes, "year") ? .year : spelled(bytes, "date") ? .date : spelled(bytes, "note") ? .note : nil
      case 5: spelled(bytes, "value") ? .value : nil
      case 6: spelled(bytes, "reason") ? .reason : nil
      default: nil
      }
    }
  }

  /// The keys this reader takes for an indicator's, a goal's and a measurement's members, each
  /// found by its own spelling: for `PortfolioDecoder`'s lists to be checked against.
  static var indicatorKeyNames: Set<String> { Key.namesFoundByTheirSpelling }
  static var partKeyNames: Set<String> { PartKey.namesFoundByTheirSpelling }

  /// Objects enclosing an indicator in a portfolio: the top-level object and `indicators`.
  static let indicatorDepth = 2

  /// The indicator whose `{` is next; nil when it does not have the plain shape (the cursor is
  /// then somewhere inside it: the caller rewinds). Throws on broken JSON.
  static func read(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Indicator? {
    guard cursor.consume(UInt8(ascii: "{")) else { return nil }
    if cursor.byte == UInt8(ascii: "}") { return nil }  // no id: the tree decoder says so
    var seen: UInt16 = 0
    var id: String?, name: String?, owner: String?
    var unit = "", method = "", source = ""
    var kind = IndicatorKind.strategic, trend = IndicatorTrend.ascending
    var periodicity = IndicatorPeriodicity.annual, accumulation = IndicatorAccumulation.periodic
    var baseline: IndicatorTarget?, finalGoal: IndicatorTarget?
    var goals: [IndicatorTarget] = []
    var measurements: [Measurement] = []
    var extra = JSONObject()
    while true {
      guard let keyBytes = cursor.plainASCIIString() else { return nil }
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { return nil }
      if let key = Key.matching(keyBytes) {
        guard seen & key.bit == 0 else { return nil }
        seen |= key.bit
        switch key {
        case .id:
          guard let text = try InitiativeFastReader.string(&cursor) else { return nil }
          id = text
        case .name:
          guard let text = try InitiativeFastReader.string(&cursor), !text.trimmingSpaces().isEmpty else { return nil }
          name = text
        case .owner:
          guard let text = try InitiativeFastReader.string(&cursor) else { return nil }
          owner = text
        case .unit:
          guard let text = try InitiativeFastReader.string(&cursor) else { return nil }
          unit = text
        case .method:
          guard let text = try InitiativeFastReader.string(&cursor) else { return nil }
          method = text
        case .source:
          guard let text = try InitiativeFastReader.string(&cursor) else { return nil }
          source = text
        case .kind:
          guard let value: IndicatorKind = try choice(&cursor) else { return nil }
          kind = value
        case .trend:
          guard let value: IndicatorTrend = try choice(&cursor) else { return nil }
          trend = value
        case .periodicity:
          guard let value: IndicatorPeriodicity = try choice(&cursor) else { return nil }
          periodicity = value
        case .accumulation:
          guard let value: IndicatorAccumulation = try choice(&cursor) else { return nil }
          accumulation = value
        case .baseline:
          // Null is no baseline, as in the tree decoder.
          if try !cursor.null() {
            guard let target = try readTarget(&cursor, depth: indicatorDepth + 2) else { return nil }
            baseline = target
          }
        case .finalGoal:
          if try !cursor.null() {
            guard let target = try readTarget(&cursor, depth: indicatorDepth + 2) else { return nil }
            finalGoal = target
          }
        case .goals:
          guard let list = try readList(&cursor, readGoal) else { return nil }
          goals = list
        case .measurements:
          guard let list = try readList(&cursor, readMeasurement) else { return nil }
          measurements = list
        }
      } else {
        guard try InitiativeFastReader.addExtra(keyBytes, to: &extra, &cursor, depth: indicatorDepth + 1) else { return nil }
      }
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let id, let name, let owner else { return nil }
    return Indicator(
      id: id, name: name, ownerID: owner, unit: unit, kind: kind, trend: trend, periodicity: periodicity,
      accumulation: accumulation, baseline: baseline, goals: goals, finalGoal: finalGoal, method: method,
      source: source, measurements: measurements, extra: extra)
  }

  /// A string naming one of `T`'s cases; nil for another type or an unknown value.
  private static func choice<T: RawRepresentable>(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> T?
  where T.RawValue == String {
    guard let text = try InitiativeFastReader.string(&cursor) else { return nil }
    return T(rawValue: text)
  }

  /// `[ element, … ]`; nil for anything but an array whose every element `element` reads.
  private static func readList<T>(
    _ cursor: inout JSONCursor, _ element: (inout JSONCursor) throws(JSONSyntaxError) -> T?
  ) throws(JSONSyntaxError) -> [T]? {
    guard cursor.consume(UInt8(ascii: "[")) else { return nil }
    var list: [T] = []
    if cursor.consume(UInt8(ascii: "]")) { return list }
    while true {
      guard let item = try element(&cursor) else { return nil }
      list.append(item)
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "]")) else { return nil }
      return list
    }
  }

  /// A finite number or null as a goal's or measurement's `value`; `.none` for anything else.
  private static func optionalNumber(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Double?? {
    if try cursor.null() { return .some(nil) }
    guard let number = try InitiativeFastReader.number(&cursor) else { return .none }
    return .some(number)
  }

  /// A goal in `goals`: the root, `indicators`, the indicator, `goals` and the goal enclose its members.
  private static func readGoal(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> IndicatorTarget? {
    try readTarget(&cursor, depth: indicatorDepth + 3)
  }

  /// A baseline or goal; `depth`: objects and arrays enclosing its members' values.
  private static func readTarget(_ cursor: inout JSONCursor, depth: Int) throws(JSONSyntaxError) -> IndicatorTarget? {
    guard cursor.consume(UInt8(ascii: "{")) else { return nil }
    if cursor.byte == UInt8(ascii: "}") { return nil }
    var seen: UInt8 = 0
    var year: Int?, value: Double?
    var reason = "", note = ""
    var extra = JSONObject()
    while true {
      guard let keyBytes = cursor.plainASCIIString() else { return nil }
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { return nil }
      switch PartKey.matching(keyBytes) {
      case .year?:
        guard seen & PartKey.year.bit == 0 else { return nil }
        seen |= PartKey.year.bit
        // An integer in the range the tree decoder allows (1900…2200).
        guard let number = try InitiativeFastReader.number(&cursor), number == number.rounded(),
          number >= 1900, number <= 2200
        else { return nil }
        year = Int(number)
      case .value?:
        guard seen & PartKey.value.bit == 0 else { return nil }
        seen |= PartKey.value.bit
        guard let number = try optionalNumber(&cursor) else { return nil }
        value = number
      case .reason?:
        guard seen & PartKey.reason.bit == 0, let text = try InitiativeFastReader.string(&cursor) else { return nil }
        seen |= PartKey.reason.bit
        reason = text
      case .note?:
        guard seen & PartKey.note.bit == 0, let text = try InitiativeFastReader.string(&cursor) else { return nil }
        seen |= PartKey.note.bit
        note = text
      case .date?, .by?, nil:
        // Not a goal's member: kept as it is, like any unknown key.
        guard try InitiativeFastReader.addExtra(keyBytes, to: &extra, &cursor, depth: depth) else { return nil }
      }
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let year else { return nil }
    return IndicatorTarget(year: year, value: value, reason: reason, note: note, extra: extra)
  }

  /// Objects and arrays enclosing a measurement's members: the root, `indicators`, the
  /// indicator, `measurements` and the measurement.
  private static let measurementDepth = indicatorDepth + 3

  private static func readMeasurement(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Measurement? {
    guard cursor.consume(UInt8(ascii: "{")) else { return nil }
    if cursor.byte == UInt8(ascii: "}") { return nil }
    var seen: UInt8 = 0
    var day: Day?, value: Double?
    var reason = "", note = "", by = ""
    var extra = JSONObject()
    while true {
      guard let keyBytes = cursor.plainASCIIString() else { return nil }
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { return nil }
      switch PartKey.matching(keyBytes) {
      case .date?:
        guard seen & PartKey.date.bit == 0, let parsed = try InitiativeFastReader.day(&cursor) else { return nil }
        seen |= PartKey.date.bit
        day = parsed
      case .value?:
        guard seen & PartKey.value.bit == 0, let number = try optionalNumber(&cursor) else { return nil }
        seen |= PartKey.value.bit
        value = number
      case .reason?:
        guard seen & PartKey.reason.bit == 0, let text = try InitiativeFastReader.string(&cursor) else { return nil }
        seen |= PartKey.reason.bit
        reason = text
      case .note?:
        guard seen & PartKey.note.bit == 0, let text = try InitiativeFastReader.string(&cursor) else { return nil }
        seen |= PartKey.note.bit
        note = text
      case .by?:
        guard seen & PartKey.by.bit == 0, let text = try InitiativeFastReader.string(&cursor) else { return nil }
        seen |= PartKey.by.bit
        by = text
      case .year?, nil:
        guard try InitiativeFastReader.addExtra(keyBytes, to: &extra, &cursor, depth: measurementDepth) else {
          return nil
        }
      }
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "}")) else { return nil }
      break
    }
    guard let day else { return nil }
    return Measurement(day: day, value: value, reason: reason, note: note, by: by, extra: extra)
  }
}
