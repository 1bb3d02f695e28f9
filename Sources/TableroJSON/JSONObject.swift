/// A JSON object as an ordered list of members.
///
/// Order is kept so saving is byte-stable and diff-friendly; duplicate keys are kept
/// as they appear so the domain layer can report them rather than silently pick one.
/// Keys and values are stored in two parallel arrays: closing an object while parsing
/// is then two slice copies, and a key lookup scans a compact array of strings, which
/// is fast for the ~15-key objects of a portfolio.
public struct JSONObject: Equatable, Sendable {
  /// Keys in file order, duplicates included.
  public private(set) var keys: [String]
  /// Values in file order, parallel to `keys`.
  public private(set) var values: [JSONValue]

  /// An empty object.
  public init() {
    keys = []
    values = []
  }

  /// An object with these members, in this order (duplicates kept).
  public init(_ pairs: [(key: String, value: JSONValue)]) {
    keys = pairs.map(\.key)
    values = pairs.map(\.value)
  }

  /// Used by the parser, which already has two arrays of the same length.
  init(keys: [String], values: [JSONValue]) {
    self.keys = keys
    self.values = values
  }

  /// The members in order, duplicates included.
  public var pairs: [(key: String, value: JSONValue)] {
    Array(zip(keys, values).lazy.map { (key: $0.0, value: $0.1) })
  }

  /// Number of members, duplicates included.
  public var count: Int { keys.count }

  public var isEmpty: Bool { keys.isEmpty }

  /// The value of the first member named `key`, or nil when there is none.
  public subscript(key: String) -> JSONValue? {
    guard let index = keys.firstIndex(of: key) else { return nil }
    return values[index]
  }

  /// Whether some member is named `key`.
  public func contains(_ key: String) -> Bool {
    keys.contains(key)
  }

  /// Keys that occur more than once, each listed once, in the order their second occurrence appears.
  public var duplicateKeys: [String] {
    guard keys.count > 1 else { return [] }
    // Small objects (the usual case, checked 100k times per file) need no hashing.
    if keys.count <= 32 {
      var result: [String] = []
      for index in 1..<keys.count {
        let key = keys[index]
        if keys[..<index].contains(key) && !result.contains(key) { result.append(key) }
      }
      return result
    }
    var seen = Set<String>()
    var reported = Set<String>()
    var result: [String] = []
    for key in keys where !seen.insert(key).inserted {
      if reported.insert(key).inserted { result.append(key) }
    }
    return result
  }

  /// Replaces the value of the first member named `key`, keeping its position;
  /// appends a new member at the end when there is none.
  public mutating func set(_ key: String, _ value: JSONValue) {
    if let index = keys.firstIndex(of: key) {
      values[index] = value
    } else {
      keys.append(key)
      values.append(value)
    }
  }

  /// Removes every member named `key` and returns the first removed value.
  @discardableResult
  public mutating func removeValue(forKey key: String) -> JSONValue? {
    var removed: JSONValue?
    var index = keys.count - 1
    while index >= 0 {
      if keys[index] == key {
        removed = values[index]
        keys.remove(at: index)
        values.remove(at: index)
      }
      index -= 1
    }
    return removed
  }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// Keeps the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    keys = elements.map(\.0)
    values = elements.map(\.1)
  }
}
