/// One JSON value, as read from or written to a portfolio file.
///
/// Numbers keep their original text and objects keep key order and duplicate keys,
/// so a document that is read and written back unchanged keeps its bytes, and the
/// domain layer can report problems (duplicates, odd numbers) instead of losing them.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The JSON type of a value, so messages can say what was found instead of what was expected.
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    case null, boolean, number, string, array, object
  }

  /// The JSON type of this value.
  public var kind: Kind {
    switch self {
    case .null: .null
    case .bool: .boolean
    case .number: .number
    case .string: .string
    case .array: .array
    case .object: .object
    }
  }

  /// English name of the JSON type ("null", "boolean", "number", "string", "array", "object").
  public var kindName: String { kind.rawValue }
}

// Accessors return nil when the value has another type, so callers can validate with `guard let`.
extension JSONValue {
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  public var numberValue: JSONNumber? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The number as a finite `Double`; nil for non-numbers and for numbers too large for a `Double`.
  public var doubleValue: Double? { numberValue?.double }

  /// The number as an `Int` when it is exactly an integer that fits (see `JSONNumber.int`).
  public var intValue: Int? { numberValue?.int }

  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  public var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// The first value for `key` when this is an object; nil otherwise. Handy for chained lookups.
  public subscript(key: String) -> JSONValue? {
    objectValue?[key]
  }
}
