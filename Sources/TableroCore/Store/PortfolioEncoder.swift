import TableroJSON

/// Turns a `Portfolio` into JSON with a fixed key order (docs/FORMAT.md), unknown keys after
/// the known ones in the order the file had them, so saves are stable and diffs stay small.
public enum PortfolioEncoder {
  public static func encode(_ portfolio: Portfolio) -> JSONValue {
    .object(topLevel(portfolio, initiatives: .array(portfolio.initiatives.map(encode))))
  }

  /// The top-level object with `initiatives` as given: the tree encoder passes them all, the
  /// streaming writer (`PortfolioStreamEncoder`) a placeholder it replaces while writing, so
  /// the key order has one source.
  static func topLevel(_ portfolio: Portfolio, initiatives: JSONValue) -> JSONObject {
    var o = JSONObject()
    o.set("formatVersion", .number(JSONNumber(portfolio.savedFormatVersion)))
    o.set("name", .string(portfolio.name))
    o.set("reportDate", .string(portfolio.reportDate.iso))
    o.set("tolerance", number(portfolio.tolerance))
    if portfolio.expectedProgressRule != .linear {
      o.set("expectedProgressRule", .string(portfolio.expectedProgressRule.rawValue))
    }
    o.set("imperatives", .array(portfolio.imperatives.map(encode)))
    o.set("components", .array(portfolio.components.map(encode)))
    o.set("initiatives", initiatives)
    // Written only when used, so files without meetings stay as they were.
    if !portfolio.agreements.isEmpty { o.set("agreements", .array(portfolio.agreements.map(encode))) }
    if !portfolio.meetings.isEmpty { o.set("meetings", .array(portfolio.meetings.map(encode))) }
    if !portfolio.indicators.isEmpty { o.set("indicators", .array(portfolio.indicators.map(encode))) }
    if let revision = portfolio.lineage.json { o.set("revision", revision) }
    return appending(portfolio.extra, to: o)
  }

  static func encode(_ imperative: Imperative) -> JSONValue {
    var o = JSONObject()
    o.set("id", .string(imperative.id))
    o.set("name", .string(imperative.name))
    if !imperative.description.isEmpty { o.set("description", .string(imperative.description)) }
    if imperative.weight != 1 { o.set("weight", number(imperative.weight)) }
    if let start = imperative.plannedStart { o.set("start", .string(start.iso)) }
    if let end = imperative.plannedEnd { o.set("end", .string(end.iso)) }
    o.set(
      "components",
      .array(
        imperative.members.map { member in
          var m = JSONObject()
          m.set("component", .string(member.componentID))
          m.set("weight", number(member.weight))
          return .object(appending(member.extra, to: m))
        }))
    return .object(appending(imperative.extra, to: o))
  }

  static func encode(_ component: Component) -> JSONValue {
    var o = JSONObject()
    o.set("id", .string(component.id))
    o.set("name", .string(component.name))
    if !component.description.isEmpty { o.set("description", .string(component.description)) }
    if !component.responsible.isEmpty { o.set("responsible", .string(component.responsible)) }
    o.set("start", .string(component.start.iso))
    o.set("end", .string(component.end.iso))
    o.set("actualProgress", number(component.actualProgress))
    if !component.phases.isEmpty || !component.phases.extra.isEmpty {
      var phases = JSONObject()
      for phase in Phase.allCases {
        guard let range = component.phases[phase] else { continue }
        var r = JSONObject()
        r.set("start", .string(range.start.iso))
        r.set("end", .string(range.end.iso))
        phases.set(phase.rawValue, .object(appending(component.phases.rangeExtra[phase] ?? JSONObject(), to: r)))
      }
      o.set("phases", .object(appending(component.phases.extra, to: phases)))
    }
    return .object(appending(component.extra, to: o))
  }

  // Keep in step with PortfolioStreamEncoder.write(_ initiative:), which writes the same
  // members straight to bytes (FastSavePathTests compares the two).
  static func encode(_ initiative: Initiative) -> JSONValue {
    var o = JSONObject()
    o.set("id", .string(initiative.id))
    o.set("name", .string(initiative.name))
    o.set("component", .string(initiative.componentID))
    o.set("horizon", .string(initiative.horizon.rawValue))
    o.set("quickWin", .bool(initiative.isQuickWin))
    if !initiative.responsible.isEmpty { o.set("responsible", .string(initiative.responsible)) }
    o.set("start", .string(initiative.start.iso))
    o.set("end", .string(initiative.end.iso))
    o.set("weight", number(initiative.weight))
    o.set("actualProgress", number(initiative.actualProgress))
    o.set("milestones", .array(initiative.milestones.map(encode)))
    o.set("notes", .string(initiative.notes))
    return .object(appending(initiative.extra, to: o))
  }

  static func encode(_ milestone: Milestone) -> JSONValue {
    var m = JSONObject()
    m.set("name", .string(milestone.name))
    m.set("due", .string(milestone.due.iso))
    m.set("done", milestone.done.map { .string($0.iso) } ?? .null)
    m.set("weight", number(milestone.weight))
    return .object(appending(milestone.extra, to: m))
  }

  /// Values are validated finite on load and on edit; a non-finite one could only come from a
  /// bug, and is written as null (which the next load reports) rather than crashing.
  static func number(_ value: Double) -> JSONValue { JSONNumber(value).map { .number($0) } ?? .null }

  /// Unknown keys go after the known ones in the order the file had them, so saving an
  /// unchanged file gives the same bytes whatever order another tool wrote them in.
  static func appending(_ extra: JSONObject, to object: JSONObject) -> JSONObject {
    var result = object
    for (key, value) in extra.pairs where !result.contains(key) { result.set(key, value) }
    return result
  }

}
