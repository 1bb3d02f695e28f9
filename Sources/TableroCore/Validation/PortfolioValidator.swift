/// The rules a decoded portfolio must keep (errors) and the oddities worth showing (warnings).
public enum PortfolioValidator {
  public static func validate(_ portfolio: Portfolio) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    if portfolio.tolerance >= 0 {
      issues.append(.error("$.tolerance", .toleranceNotNegative(portfolio.tolerance)))
    }
    // Where each id was first seen, as (array, index): the path text is only built for a message.
    var seen: [String: (array: String, index: Int)] = [:]
    seen.reserveCapacity(portfolio.components.count + portfolio.initiatives.count + 8)

    func checkID(_ id: String, array: String, index: Int) {
      if !isValidID(id) { issues.append(.error("$.\(array)[\(index)].id", .invalidID(id))) }
      if let first = seen[id] {
        issues.append(.error("$.\(array)[\(index)].id", .duplicateID(id, firstPath: "$.\(first.array)[\(first.index)]")))
      } else {
        seen[id] = (array, index)
      }
    }

    var componentsByID: [String: Component] = [:]
    for (i, component) in portfolio.components.enumerated() {
      var path: String { "$.components[\(i)]" }
      checkID(component.id, array: "components", index: i)
      if componentsByID[component.id] == nil { componentsByID[component.id] = component }
      checkRange(start: component.start, end: component.end, at: path, into: &issues)
      checkProgress(component.actualProgress, at: "\(path).actualProgress", into: &issues)
      for phase in Phase.allCases {
        guard let range = component.phases[phase] else { continue }
        let phasePath = "\(path).phases.\(phase.rawValue)"
        if range.end < range.start {
          issues.append(.error(phasePath, .endBeforeStart(start: range.start, end: range.end)))
        } else if !component.dates.contains(range) {
          issues.append(.warning(phasePath, .phaseOutsideComponent(phase)))
        }
      }
    }

    for (i, imperative) in portfolio.imperatives.enumerated() {
      var path: String { "$.imperatives[\(i)]" }
      checkID(imperative.id, array: "imperatives", index: i)
      checkWeight(imperative.weight, at: "\(path).weight", into: &issues)
      if let start = imperative.plannedStart, let end = imperative.plannedEnd, end < start {
        issues.append(.error(path, .endBeforeStart(start: start, end: end)))
      }
      var members = Set<String>()
      var sum = 0.0
      for (m, member) in imperative.members.enumerated() {
        var memberPath: String { "\(path).components[\(m)]" }
        if !members.insert(member.componentID).inserted {
          issues.append(.error("\(memberPath).component", .duplicateMember(member.componentID)))
        }
        checkWeight(member.weight, at: "\(memberPath).weight", into: &issues)
        sum += member.weight
        guard let component = componentsByID[member.componentID] else {
          issues.append(.error("\(memberPath).component", .unknownComponent(member.componentID)))
          continue
        }
        if let start = imperative.plannedStart, let end = imperative.plannedEnd, end >= start,
          !DateRange(start: start, end: end).contains(component.dates)
        {
          issues.append(
            .warning(memberPath, .outsideParentDates(parent: imperative.id, parentStart: start, parentEnd: end)))
        }
      }
      if !imperative.members.isEmpty {
        if sum == 0 {
          issues.append(.warning("\(path).components", .allWeightsZero))
        } else if abs(sum - 100) > 0.5 {
          issues.append(.warning("\(path).components", .weightsDoNotAddUp(sum: sum)))
        }
      }
    }

    var componentWeightSums: [String: (sum: Double, count: Int)] = [:]
    for (i, initiative) in portfolio.initiatives.enumerated() {
      var path: String { "$.initiatives[\(i)]" }
      checkID(initiative.id, array: "initiatives", index: i)
      checkRange(start: initiative.start, end: initiative.end, at: path, into: &issues)
      checkProgress(initiative.actualProgress, at: "\(path).actualProgress", into: &issues)
      checkWeight(initiative.weight, at: "\(path).weight", into: &issues)
      for (m, milestone) in initiative.milestones.enumerated() {
        checkWeight(milestone.weight, at: "\(path).milestones[\(m)].weight", into: &issues)
      }
      if let component = componentsByID[initiative.componentID] {
        if initiative.end >= initiative.start, !component.dates.contains(initiative.dates) {
          issues.append(
            .warning(
              path,
              .outsideParentDates(parent: component.id, parentStart: component.start, parentEnd: component.end)))
        }
        let entry = componentWeightSums[component.id] ?? (0, 0)
        componentWeightSums[component.id] = (entry.sum + max(initiative.weight, 0), entry.count + 1)
      } else {
        issues.append(.error("\(path).component", .unknownComponent(initiative.componentID)))
      }
      if !initiative.milestones.isEmpty, initiative.milestones.allSatisfy(\.isDone),
        initiative.actualProgress < 100
      {
        issues.append(.warning("\(path).actualProgress", .doneProgressMismatch))
      }
    }
    for (i, component) in portfolio.components.enumerated() {
      if let entry = componentWeightSums[component.id], entry.count > 0, entry.sum == 0 {
        issues.append(.warning("$.components[\(i)]", .allWeightsZero))
      }
    }
    validateMeetingData(portfolio, into: &issues)
    validateIndicators(portfolio, itemIDs: seen, into: &issues)
    return issues
  }

  /// Letters, digits, `-`, `_`, `.`; 1–40 characters.
  public static func isValidID(_ id: String) -> Bool {
    guard !id.isEmpty else { return false }
    // ASCII fast path: no Unicode property lookups for the usual ids.
    var ascii = true
    var length = 0
    for byte in id.utf8 {
      length += 1
      if byte >= 0x80 { ascii = false; break }
      let ok = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
      if !ok { return false }
    }
    if ascii { return length <= 40 }
    guard id.unicodeScalars.count <= 40 else { return false }
    return id.unicodeScalars.allSatisfy { s in
      s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
    }
  }

  static func checkRange(start: Day, end: Day, at path: @autoclosure () -> String, into issues: inout [ValidationIssue]) {
    if end < start { issues.append(.error("\(path()).end", .endBeforeStart(start: start, end: end))) }
  }

  static func checkProgress(_ value: Double, at path: @autoclosure () -> String, into issues: inout [ValidationIssue]) {
    if !(0...100).contains(value) { issues.append(.error(path(), .progressOutOfRange(value))) }
  }

  static func checkWeight(_ value: Double, at path: @autoclosure () -> String, into issues: inout [ValidationIssue]) {
    if value < 0 { issues.append(.error(path(), .negativeWeight(value))) }
  }
}
