import Foundation
import Testing
import TableroCore
import TableroJSON

/// The subset of JSON Schema (2020-12) that docs/portfolio.schema.json uses: type, const,
/// enum, pattern, minimum, maximum, exclusiveMaximum, required, properties, items, oneOf and
/// local $ref. Enough to prove the shipped files follow the published schema.
struct MiniSchemaValidator {
  let root: JSONValue

  func validate(_ value: JSONValue, against schema: JSONValue? = nil, path: String = "$") -> [String] {
    guard case .object(let s) = schema ?? root else { return [] }
    var problems: [String] = []
    if case .string(let ref)? = s["$ref"] {
      let parts = ref.replacingOccurrences(of: "#/", with: "").split(separator: "/").map(String.init)
      var target: JSONValue? = root
      for part in parts { target = target?[part] }
      guard let target else { return ["\(path): unresolved \(ref)"] }
      problems += validate(value, against: target, path: path)
    }
    if let type = s["type"] {
      let allowed: [String] = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
      if !allowed.contains(where: { matches(value, type: $0) }) { problems.append("\(path): not \(allowed)") }
    }
    if let constant = s["const"], constant != value {
      if !(constant.doubleValue != nil && constant.doubleValue == value.doubleValue) { problems.append("\(path): not const") }
    }
    if let options = s["enum"]?.arrayValue, !options.contains(value) { problems.append("\(path): not in enum") }
    if let pattern = s["pattern"]?.stringValue, let text = value.stringValue {
      if text.range(of: pattern, options: .regularExpression) == nil { problems.append("\(path): \(text) !~ \(pattern)") }
    }
    if let number = value.doubleValue {
      if let min = s["minimum"]?.doubleValue, number < min { problems.append("\(path): < minimum") }
      if let max = s["maximum"]?.doubleValue, number > max { problems.append("\(path): > maximum") }
      if let max = s["exclusiveMaximum"]?.doubleValue, number >= max { problems.append("\(path): ≥ exclusiveMaximum") }
    }
    if case .object(let object) = value {
      for key in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
        problems.append("\(path): missing \(key)")
      }
      if case .object(let properties)? = s["properties"] {
        for (key, sub) in properties.pairs {
          if let child = object[key] { problems += validate(child, against: sub, path: "\(path).\(key)") }
        }
      }
    }
    if case .array(let items) = value, let itemSchema = s["items"] {
      for (i, item) in items.enumerated() { problems += validate(item, against: itemSchema, path: "\(path)[\(i)]") }
    }
    if let options = s["oneOf"]?.arrayValue {
      let passing = options.filter { validate(value, against: $0, path: path).isEmpty }.count
      if passing != 1 { problems.append("\(path): matches \(passing) of oneOf") }
    }
    return problems
  }

  func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
    case ("number", .number): return true
    case ("integer", .number(let n)): return n.int != nil
    default: return false
    }
  }
}

@Suite struct SchemaTests {
  static func schema() throws -> MiniSchemaValidator {
    MiniSchemaValidator(root: try JSON.parse(try RepoFiles.bytes("docs/portfolio.schema.json")))
  }

  @Test(arguments: ["Assets/portafolio-ssa.json", "Assets/portafolio-demo.json"])
  func shippedAssetsFollowThePublishedSchema(_ file: String) throws {
    let problems = try Self.schema().validate(try JSON.parse(try RepoFiles.bytes(file)))
    #expect(problems.isEmpty, "\(problems.prefix(5))")
  }

  @Test func whatTableroSavesFollowsTheSchema() throws {
    var portfolio = try EmbeddedPortfolios.load(.demo).portfolio
    portfolio.expectedProgressRule = .milestones
    let d = Day(year: 2013, month: 6, day: 1) ?? Day(ordinal: 0)
    try portfolio.addAgreement(Agreement(folio: "AC-001", text: "Uno", itemID: "ACMI-04", responsible: "Ana", created: d, due: d, notes: [AgreementNote(day: d, text: "n")]))
    try portfolio.startMeeting(Meeting(id: "R-1", title: "t", started: "2013-06-01T10:00:00Z"))
    // A merge's revision: both parents and ancestors.
    portfolio.lineage.mergedFrom = ["f1", "f0"]
    portfolio = RevisionStamp.stamp(portfolio, over: Lineage(revision: Revision(id: "o1", parent: "o0", savedAt: "2013-06-01T10:00:00Z", user: "ana@h"), ancestors: ["o0"]), user: "ana@h", at: Timestamp(seconds: 0))
    #expect(String(decoding: PortfolioCodec.encode(portfolio), as: UTF8.self).contains("\"merged\": \"f1\""))
    let problems = try Self.schema().validate(try JSON.parse(PortfolioCodec.encode(portfolio)))
    #expect(problems.isEmpty, "\(problems.prefix(5))")
  }

  @Test func theSchemaRejectsWhatTheLoaderRejects() throws {
    let schema = try Self.schema()
    var text = EmbeddedPortfolios.json(.seed)
    text = text.replacingOccurrences(of: "\"tolerance\": -30", with: "\"tolerance\": 10")
    #expect(!schema.validate(try JSON.parse(text)).isEmpty)
  }
}
