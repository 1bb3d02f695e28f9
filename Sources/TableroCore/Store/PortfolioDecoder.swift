import TableroJSON

/// Turns parsed JSON into a `Portfolio`, listing every type and shape problem with its path.
/// Semantic rules (unique ids, references, ranges) are `PortfolioValidator`'s job.
public enum PortfolioDecoder {
  static let portfolioKeys: Set<String> = [
    "formatVersion", "name", "reportDate", "tolerance", "expectedProgressRule",
    "imperatives", "components", "initiatives", "agreements", "meetings", "indicators", "revision",
  ]
  static let imperativeKeys: Set<String> = [
    "id", "name", "description", "weight", "start", "end", "components",
  ]
  static let memberKeys: Set<String> = ["component", "weight"]
  static let componentKeys: Set<String> = [
    "id", "name", "description", "responsible", "start", "end", "actualProgress", "phases",
  ]
  static let initiativeKeys: Set<String> = [
    "id", "name", "component", "horizon", "quickWin", "responsible", "start", "end", "weight",
    "actualProgress", "milestones", "notes",
  ]
  static let milestoneKeys: Set<String> = ["name", "due", "done", "weight"]
  static let phaseKeys = Set(Phase.allCases.map(\.rawValue))
  static let rangeKeys: Set<String> = ["start", "end"]

  /// The portfolio, or nil when a problem makes it impossible to build; `issues` gets everything found.
  public static func decode(_ value: JSONValue, issues: inout [ValidationIssue]) -> Portfolio? {
    decode(value, streamed: nil, issues: &issues)
  }

  /// As `decode(_:issues:)`, with the first `initiatives` (`indicators`) array already read by
  /// `PortfolioStreamDecoder` (`value` then holds an empty array in its place).
  static func decode(
    _ value: JSONValue, streamed: PortfolioStreamDecoder.Initiatives?,
    streamedIndicators: PortfolioStreamDecoder.Indicators? = nil, issues: inout [ValidationIssue]
  ) -> Portfolio? {
    guard let object = FieldReader.object(value, path: "$", issues: &issues) else { return nil }
    let root = FieldReader(object, path: "$", issues: &issues)
    let version = root.integer("formatVersion", required: true, issues: &issues)
    if let version, !(Portfolio.baseFormatVersion...Portfolio.currentFormatVersion).contains(version) {
      issues.append(.error("$.formatVersion", .unsupportedFormatVersion(version)))
      return nil
    }
    let name = root.string("name", required: true, issues: &issues)
    let reportDate = root.day("reportDate", required: true, issues: &issues)
    let tolerance = root.number("tolerance", issues: &issues) ?? Portfolio.defaultTolerance
    var rule = ExpectedProgressRule.linear
    if let text = root.string("expectedProgressRule", issues: &issues) {
      if let parsed = ExpectedProgressRule(rawValue: text) {
        rule = parsed
      } else {
        issues.append(
          .error(
            "$.expectedProgressRule",
            .unknownValue(text, allowed: ExpectedProgressRule.allCases.map(\.rawValue))))
      }
    }

    var imperatives: [Imperative] = []
    for (i, item) in (root.array("imperatives", required: true, issues: &issues) ?? []).enumerated() {
      if let imperative = decodeImperative(item, path: "$.imperatives[\(i)]", issues: &issues) {
        imperatives.append(imperative)
      }
    }
    var components: [Component] = []
    for (i, item) in (root.array("components", required: true, issues: &issues) ?? []).enumerated() {
      if let component = decodeComponent(item, path: "$.components[\(i)]", issues: &issues) {
        components.append(component)
      }
    }
    let items = root.array("initiatives", required: true, issues: &issues) ?? []
    var initiatives: [Initiative] = []
    if let streamed {
      initiatives = streamed.items
      issues += streamed.issues
    } else {
      initiatives.reserveCapacity(items.count)
      for (i, item) in items.enumerated() {
        if let initiative = decodeInitiative(item, path: "$.initiatives[\(i)]", issues: &issues) {
          initiatives.append(initiative)
        }
      }
    }

    guard let name, let reportDate, version != nil else { return nil }
    var portfolio = Portfolio(
      name: name, reportDate: reportDate, tolerance: tolerance, expectedProgressRule: rule,
      imperatives: imperatives, components: components, initiatives: initiatives,
      formatVersion: version ?? Portfolio.baseFormatVersion, extra: root.extra(knownKeys: portfolioKeys))
    decodeMeetingData(root, into: &portfolio, issues: &issues)
    decodeIndicators(root, streamed: streamedIndicators, into: &portfolio, issues: &issues)
    decodeLineage(object["revision"], into: &portfolio, issues: &issues)
    return portfolio
  }

  static func decodeImperative(_ value: JSONValue, path: String, issues: inout [ValidationIssue])
    -> Imperative?
  {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let id = r.string("id", required: true, issues: &issues)
    let name = r.string("name", required: true, nonEmpty: true, issues: &issues)
    let description = r.string("description", issues: &issues) ?? ""
    let weight = r.number("weight", issues: &issues) ?? 1
    let start = r.day("start", issues: &issues)
    let end = r.day("end", issues: &issues)
    var members: [Membership] = []
    for (i, item) in (r.array("components", required: true, issues: &issues) ?? []).enumerated() {
      let memberPath = "\(path).components[\(i)]"
      guard let memberObject = FieldReader.object(item, path: memberPath, issues: &issues) else { continue }
      let m = FieldReader(memberObject, path: memberPath, issues: &issues)
      let component = m.string("component", required: true, issues: &issues)
      let memberWeight = m.number("weight", required: true, issues: &issues)
      if let component, let memberWeight {
        members.append(
          Membership(componentID: component, weight: memberWeight, extra: m.extra(knownKeys: memberKeys)))
      }
    }
    guard let id, let name else { return nil }
    return Imperative(
      id: id, name: name, description: description, weight: weight, plannedStart: start,
      plannedEnd: end, members: members, extra: r.extra(knownKeys: imperativeKeys))
  }

  static func decodeComponent(_ value: JSONValue, path: String, issues: inout [ValidationIssue])
    -> Component?
  {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let id = r.string("id", required: true, issues: &issues)
    let name = r.string("name", required: true, nonEmpty: true, issues: &issues)
    let description = r.string("description", issues: &issues) ?? ""
    let responsible = r.string("responsible", issues: &issues) ?? ""
    let start = r.day("start", required: true, issues: &issues)
    let end = r.day("end", required: true, issues: &issues)
    let progress = r.number("actualProgress", issues: &issues) ?? 0
    var phases = PhasePlan()
    if let plan = r.child("phases", issues: &issues) {
      for phase in Phase.allCases {
        guard let range = plan.child(phase.rawValue, issues: &issues) else { continue }
        let s = range.day("start", required: true, issues: &issues)
        let e = range.day("end", required: true, issues: &issues)
        if let s, let e { phases[phase] = DateRange(start: s, end: e) }
        let extra = range.extra(knownKeys: rangeKeys)
        if !extra.isEmpty { phases.rangeExtra[phase] = extra }
      }
      phases.extra = plan.extra(knownKeys: phaseKeys)
    }
    guard let id, let name, let start, let end else { return nil }
    return Component(
      id: id, name: name, description: description, responsible: responsible, start: start,
      end: end, actualProgress: progress, phases: phases, extra: r.extra(knownKeys: componentKeys))
  }

  static func decodeInitiative(_ value: JSONValue, path: String, issues: inout [ValidationIssue])
    -> Initiative?
  {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let r = FieldReader(object, path: path, issues: &issues)
    let id = r.string("id", required: true, issues: &issues)
    let name = r.string("name", required: true, nonEmpty: true, issues: &issues)
    let component = r.string("component", required: true, issues: &issues)
    var horizon: Horizon?
    if let text = r.string("horizon", required: true, issues: &issues) {
      horizon = Horizon(rawValue: text)
      if horizon == nil {
        issues.append(
          .error(r.childPath("horizon"), .unknownValue(text, allowed: Horizon.allCases.map(\.rawValue))))
      }
    }
    let quickWin = r.bool("quickWin", issues: &issues) ?? false
    let responsible = r.string("responsible", issues: &issues) ?? ""
    let start = r.day("start", required: true, issues: &issues)
    let end = r.day("end", required: true, issues: &issues)
    let weight = r.number("weight", issues: &issues) ?? 1
    let progress = r.number("actualProgress", issues: &issues) ?? 0
    let notes = r.string("notes", issues: &issues) ?? ""
    var milestones: [Milestone] = []
    for (i, item) in (r.array("milestones", issues: &issues) ?? []).enumerated() {
      if let milestone = decodeMilestone(item, path: "\(path).milestones[\(i)]", issues: &issues) {
        milestones.append(milestone)
      }
    }
    guard let id, let name, let component, let horizon, let start, let end else { return nil }
    return Initiative(
      id: id, name: name, componentID: component, horizon: horizon, isQuickWin: quickWin,
      responsible: responsible, start: start, end: end, weight: weight, actualProgress: progress,
      milestones: milestones, notes: notes, extra: r.extra(knownKeys: initiativeKeys))
  }

  static func decodeMilestone(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> Milestone? {
    guard let object = FieldReader.object(value, path: path, issues: &issues) else { return nil }
    let m = FieldReader(object, path: path, issues: &issues)
    let name = m.string("name", required: true, nonEmpty: true, issues: &issues)
    let due = m.day("due", required: true, issues: &issues)
    let done = m.day("done", issues: &issues)
    let weight = m.number("weight", issues: &issues) ?? 1
    guard let name, let due else { return nil }
    return Milestone(name: name, due: due, done: done, weight: weight, extra: m.extra(knownKeys: milestoneKeys))
  }

  /// `revision` (docs/FORMAT.md): one value, read whole. A damaged one only loses the lineage
  /// (a later merge falls back to two ways), so it is a warning.
  static func decodeLineage(_ value: JSONValue?, into portfolio: inout Portfolio, issues: inout [ValidationIssue]) {
    guard let value else { return }
    if let lineage = Lineage(json: value) {
      portfolio.lineage = lineage
      // Version 3 only says "has a revision", which the revision says again on save
      // (`savedFormatVersion`); in memory the version stays what the data itself needs, so a
      // portfolio saved and read back equals the one saved.
      if portfolio.formatVersion == 3 { portfolio.formatVersion = Portfolio.baseFormatVersion }
    } else {
      issues.append(.warning("$.revision", .wrongType(expected: "object", found: value.kindName)))
    }
  }
}
