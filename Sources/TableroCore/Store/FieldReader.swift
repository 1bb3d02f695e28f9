import TableroJSON

/// Reads typed fields out of one JSON object, recording every problem with its path
/// instead of stopping at the first, so a file's problems are all listed at once.
struct FieldReader {
  let object: JSONObject
  let path: String

  init(_ object: JSONObject, path: String, issues: inout [ValidationIssue]) {
    self.object = object
    self.path = path
    for key in object.duplicateKeys {
      issues.append(.error(path, .duplicateKey(key)))
    }
  }

  /// Nil (and an issue) when the value is not an object.
  static func object(_ value: JSONValue, path: String, issues: inout [ValidationIssue]) -> JSONObject? {
    if case .object(let object) = value { return object }
    issues.append(.error(path, .wrongType(expected: "object", found: value.kindName)))
    return nil
  }

  func childPath(_ key: String) -> String { "\(path).\(key)" }

  private func value(_ key: String, required: Bool, issues: inout [ValidationIssue]) -> JSONValue? {
    guard let value = object[key] else {
      if required { issues.append(.error(path, .missingKey(key))) }
      return nil
    }
    return value
  }

  func string(_ key: String, required: Bool = false, nonEmpty: Bool = false, issues: inout [ValidationIssue])
    -> String?
  {
    guard let value = value(key, required: required, issues: &issues) else { return nil }
    guard case .string(let text) = value else {
      issues.append(.error(childPath(key), .wrongType(expected: "string", found: value.kindName)))
      return nil
    }
    if nonEmpty, text.trimmingSpaces().isEmpty {
      issues.append(.error(childPath(key), .emptyText))
    }
    return text
  }

  func number(_ key: String, required: Bool = false, issues: inout [ValidationIssue]) -> Double? {
    guard let value = value(key, required: required, issues: &issues) else { return nil }
    guard case .number(let number) = value else {
      issues.append(.error(childPath(key), .wrongType(expected: "number", found: value.kindName)))
      return nil
    }
    guard let double = number.double, double.isFinite else {
      issues.append(.error(childPath(key), .notFinite))
      return nil
    }
    return double
  }

  func integer(_ key: String, required: Bool = false, issues: inout [ValidationIssue]) -> Int? {
    guard let double = number(key, required: required, issues: &issues) else { return nil }
    guard double == double.rounded(), abs(double) < 1e9 else {
      issues.append(.error(childPath(key), .wrongType(expected: "integer", found: "number")))
      return nil
    }
    return Int(double)
  }

  func bool(_ key: String, issues: inout [ValidationIssue]) -> Bool? {
    guard let value = value(key, required: false, issues: &issues) else { return nil }
    guard case .bool(let flag) = value else {
      issues.append(.error(childPath(key), .wrongType(expected: "boolean", found: value.kindName)))
      return nil
    }
    return flag
  }

  func day(_ key: String, required: Bool = false, issues: inout [ValidationIssue]) -> Day? {
    guard let value = value(key, required: required, issues: &issues) else { return nil }
    if case .null = value, !required { return nil }
    guard case .string(let text) = value else {
      issues.append(.error(childPath(key), .wrongType(expected: "date", found: value.kindName)))
      return nil
    }
    guard let day = Day(iso: text) else {
      issues.append(.error(childPath(key), .invalidDate(text)))
      return nil
    }
    return day
  }

  func array(_ key: String, required: Bool = false, issues: inout [ValidationIssue]) -> [JSONValue]? {
    guard let value = value(key, required: required, issues: &issues) else { return nil }
    guard case .array(let items) = value else {
      issues.append(.error(childPath(key), .wrongType(expected: "array", found: value.kindName)))
      return nil
    }
    return items
  }

  func child(_ key: String, issues: inout [ValidationIssue]) -> FieldReader? {
    guard let value = value(key, required: false, issues: &issues) else { return nil }
    guard let object = FieldReader.object(value, path: childPath(key), issues: &issues) else { return nil }
    return FieldReader(object, path: childPath(key), issues: &issues)
  }

  /// The keys this version does not know, kept for the next save.
  func extra(knownKeys: Set<String>) -> JSONObject {
    var extra = JSONObject()
    let keys = object.keys
    for i in keys.indices where !knownKeys.contains(keys[i]) {
      extra.set(keys[i], object.values[i])
    }
    return extra
  }
}
