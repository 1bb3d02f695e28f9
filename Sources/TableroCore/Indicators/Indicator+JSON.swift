import TableroJSON

/// Indicators in the portfolio file (`indicators`, docs/FORMAT.md). Unknown keys are kept on
/// every object, like the rest of the format.
extension PortfolioEncoder {
  public static func encode(_ x: Indicator) -> JSONValue {
    var o = JSONObject()
    o.set("id", .string(x.id))
    o.set("name", .string(x.name))
    o.set("owner", .string(x.ownerID))
    o.set("unit", .string(x.unit))
    o.set("kind", .string(x.kind.rawValue))
    o.set("trend", .string(x.trend.rawValue))
    o.set("periodicity", .string(x.periodicity.rawValue))
    o.set("accumulation", .string(x.accumulation.rawValue))
    o.set("baseline", x.baseline.map(encode) ?? .null)
    o.set("goals", .array(x.goals.map(encode)))
    o.set("finalGoal", x.finalGoal.map(encode) ?? .null)
    if !x.method.isEmpty { o.set("method", .string(x.method)) }
    if !x.source.isEmpty { o.set("source", .string(x.source)) }
    o.set("measurements", .array(x.measurements.map(encode)))
    return .object(appending(x.extra, to: o))
  }

  static func encode(_ t: IndicatorTarget) -> JSONValue {
    var o = JSONObject()
    o.set("year", .number(JSONNumber(t.year)))
    o.set("value", t.value.map(number) ?? .null)
    if !t.reason.isEmpty { o.set("reason", .string(t.reason)) }
    if !t.note.isEmpty { o.set("note", .string(t.note)) }
    return .object(appending(t.extra, to: o))
  }

  public static func encode(_ m: Measurement) -> JSONValue {
    var o = JSONObject()
    o.set("date", .string(m.day.iso))
    o.set("value", m.value.map(number) ?? .null)
    if !m.reason.isEmpty { o.set("reason", .string(m.reason)) }
    if !m.note.isEmpty { o.set("note", .string(m.note)) }
    if !m.by.isEmpty { o.set("by", .string(m.by)) }
    return .object(appending(m.extra, to: o))
  }
}

extension PortfolioDecoder {
  static let indicatorKeys: Set<String> = [
    "id", "name", "owner", "unit", "kind", "trend", "periodicity", "accumulation", "baseline", "goals",
    "finalGoal", "method", "source", "measurements",
  ]
  static let targetKeys: Set<String> = ["year", "value", "reason", "note"]
  static let measurementKeys: Set<String> = ["date", "value", "reason", "note", "by"]

  /// `streamed`: the first `indicators` array as `PortfolioStreamDecoder` read it (its problems
  /// are reported here, where the tree road reports them).
  static func decodeIndicators(
    _ root: FieldReader, streamed: PortfolioStreamDecoder.Indicators? = nil, into portfolio: inout Portfolio,
    issues: inout [ValidationIssue]
  ) {
    let items = root.array("indicators", issues: &issues) ?? []
    if let streamed {
      portfolio.indicators = streamed.items
      issues += streamed.issues
      return
    }
    portfolio.indicators.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      if let x = decodeIndicator(item, path: "$.indicators[\(i)]", issues: &issues) { portfolio.indicators.append(x) }
    }
  }

  public static func decodeIndicator(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> Indicator? {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let id = r.string("id", required: true, issues: &issues)
    let name = r.string("name", required: true, nonEmpty: true, issues: &issues)
    let owner = r.string("owner", required: true, issues: &issues)
    let unit = r.string("unit", issues: &issues) ?? ""
    let kind = choice(r, "kind", default: IndicatorKind.strategic, issues: &issues)
    let trend = choice(r, "trend", default: IndicatorTrend.ascending, issues: &issues)
    let periodicity = choice(r, "periodicity", default: IndicatorPeriodicity.annual, issues: &issues)
    let accumulation = choice(r, "accumulation", default: IndicatorAccumulation.periodic, issues: &issues)
    let baseline = optionalTarget(r, "baseline", issues: &issues)
    var goals: [IndicatorTarget] = []
    for (i, item) in (r.array("goals", issues: &issues) ?? []).enumerated() {
      if let t = decodeTarget(item, path: "\(path).goals[\(i)]", issues: &issues) { goals.append(t) }
    }
    let finalGoal = optionalTarget(r, "finalGoal", issues: &issues)
    let method = r.string("method", issues: &issues) ?? ""
    let source = r.string("source", issues: &issues) ?? ""
    var measurements: [Measurement] = []
    let items = r.array("measurements", issues: &issues) ?? []
    measurements.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      // The usual shape needs no path text and no reader (10 000 indicators × 20: 200 000 paths).
      if let m = plainMeasurement(item) {
        measurements.append(m)
      } else if let m = decodeMeasurement(item, path: "\(path).measurements[\(i)]", issues: &issues) {
        measurements.append(m)
      }
    }
    guard let id, let name, let owner else { return nil }
    return Indicator(
      id: id, name: name, ownerID: owner, unit: unit, kind: kind, trend: trend, periodicity: periodicity,
      accumulation: accumulation, baseline: baseline, goals: goals, finalGoal: finalGoal, method: method,
      source: source, measurements: measurements, extra: r.extra(knownKeys: indicatorKeys))
  }

  static func choice<T: RawRepresentable & CaseIterable>(
    _ r: FieldReader, _ key: String, default fallback: T, issues: inout [ValidationIssue]
  ) -> T where T.RawValue == String {
    guard let text = r.string(key, issues: &issues) else { return fallback }
    if let value = T(rawValue: text) { return value }
    issues.append(.error(r.childPath(key), .unknownValue(text, allowed: T.allCases.map(\.rawValue))))
    return fallback
  }

  static func optionalTarget(_ r: FieldReader, _ key: String, issues: inout [ValidationIssue]) -> IndicatorTarget? {
    guard let value = r.object[key] else { return nil }
    if case .null = value { return nil }
    return decodeTarget(value, path: r.childPath(key), issues: &issues)
  }

  /// A number, or null; anything else is an error.
  static func optionalNumber(_ r: FieldReader, _ key: String, issues: inout [ValidationIssue]) -> Double? {
    if case .null? = r.object[key] { return nil }
    return r.number(key, issues: &issues)
  }

  static func decodeTarget(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> IndicatorTarget? {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let year = r.integer("year", required: true, issues: &issues)
    let number = optionalNumber(r, "value", issues: &issues)
    let reason = r.string("reason", issues: &issues) ?? ""
    let note = r.string("note", issues: &issues) ?? ""
    guard let year else { return nil }
    guard (1900...2200).contains(year) else {
      issues.append(.error(r.childPath("year"), .invalidDate(String(year))))
      return nil
    }
    return IndicatorTarget(year: year, value: number, reason: reason, note: note, extra: r.extra(knownKeys: targetKeys))
  }

  /// A measurement of the plain shape — an object with a valid `date`, a finite number or null
  /// as `value`, texts as `reason`, `note` and `by`, no other key and none repeated — read
  /// without building its path or a `FieldReader`. Nil for anything else, which then goes
  /// through `decodeMeasurement` and gets its problems worded with their place; for the plain
  /// shape both give the same `Measurement` (`IndicatorDecodeTests`).
  static func plainMeasurement(_ value: JSONValue) -> Measurement? {
    guard case .object(let object) = value, object.count <= 5 else { return nil }
    var day: Day?
    var number: Double?
    var texts = ["", "", ""]
    var seen = 0
    for (key, field) in zip(object.keys, object.values) {
      let bit: Int
      switch key {
      case "date":
        guard case .string(let text) = field, let d = Day(iso: text) else { return nil }
        day = d
        bit = 1
      case "value":
        switch field {
        case .null: number = nil
        case .number(let n):
          guard let v = n.double, v.isFinite else { return nil }
          number = v
        default: return nil
        }
        bit = 2
      case "reason", "note", "by":
        guard case .string(let text) = field else { return nil }
        let slot = key == "reason" ? 0 : key == "note" ? 1 : 2
        texts[slot] = text
        bit = 4 << slot
      default:
        return nil
      }
      guard seen & bit == 0 else { return nil }
      seen |= bit
    }
    guard let day else { return nil }
    return Measurement(day: day, value: number, reason: texts[0], note: texts[1], by: texts[2])
  }

  static func decodeMeasurement(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> Measurement? {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let day = r.day("date", required: true, issues: &issues)
    let number = optionalNumber(r, "value", issues: &issues)
    let reason = r.string("reason", issues: &issues) ?? ""
    let note = r.string("note", issues: &issues) ?? ""
    let by = r.string("by", issues: &issues) ?? ""
    guard let day else { return nil }
    return Measurement(day: day, value: number, reason: reason, note: note, by: by, extra: r.extra(knownKeys: measurementKeys))
  }
}

extension PortfolioValidator {
  /// Unique indicator ids that name no imperative, component or initiative (history, minutes
  /// and merges name both by id), owners that are an imperative or a component, goals in year
  /// order; measurements out of date order are a warning. `itemIDs`: where the validator first
  /// saw each item id (array, index).
  static func validateIndicators(
    _ portfolio: Portfolio, itemIDs: [String: (array: String, index: Int)], into issues: inout [ValidationIssue]
  ) {
    guard !portfolio.indicators.isEmpty else { return }
    var seen: [String: Int] = [:]
    let owners = Set(portfolio.imperatives.map(\.id)).union(portfolio.components.map(\.id))
    for (i, x) in portfolio.indicators.enumerated() {
      let path = "$.indicators[\(i)]"
      if !isValidID(x.id) { issues.append(.error("\(path).id", .invalidID(x.id))) }
      if let first = seen[x.id] {
        issues.append(.error("\(path).id", .duplicateID(x.id, firstPath: "$.indicators[\(first)]")))
      } else {
        seen[x.id] = i
      }
      if let item = itemIDs[x.id] {
        issues.append(.error("\(path).id", .indicatorIDUsedByItem(x.id, itemPath: "$.\(item.array)[\(item.index)]")))
      }
      if !owners.contains(x.ownerID) {
        let isInitiative = itemIDs[x.ownerID]?.array == "initiatives"
        issues.append(.error("\(path).owner", isInitiative ? .indicatorOwnedByInitiative(x.ownerID) : .unknownIndicatorOwner(x.ownerID)))
      }
      var years = x.goals.map(\.year)
      if let b = x.baseline { years.insert(b.year, at: 0) }
      if let f = x.finalGoal { years.append(f.year) }
      if zip(years, years.dropFirst()).contains(where: { $0 >= $1 }) {
        issues.append(.warning(path, .goalYearsOutOfOrder))
      }
      if zip(x.measurements, x.measurements.dropFirst()).contains(where: { $0.day > $1.day }) {
        issues.append(.warning("\(path).measurements", .measurementsOutOfOrder))
      }
    }
  }
}
