/// A strict RFC 8259 parser that reports errors with positions.
///
/// Strict because a portfolio is edited by hand and a lenient parser would hide
/// mistakes (trailing commas, comments) that other tools reject. It never crashes on
/// hostile input: nesting is limited by `maxDepth` with an explicit stack (no
/// recursion), UTF-8 is validated, and all indexing is bounds-checked by hand.
public struct JSONParser: Sendable {
  /// Deep enough for any real document, shallow enough to keep memory use and
  /// recursive consumers (equality, destruction, the writer) far from stack limits.
  public static let defaultMaxDepth = 512

  /// Maximum number of nested arrays and objects.
  public var maxDepth: Int

  public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
    self.maxDepth = maxDepth
  }

  /// Parses exactly one JSON value surrounded only by whitespace.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
    return try reader.parseDocument()
  }

  /// Parses raw bytes, for example a whole file read into memory.
  public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
    try parse(bytes.assumingMemoryBound(to: UInt8.self))
  }

  /// Parses a byte array (typically the contents of a file).
  public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
    }
    return try result.get()
  }

  /// Parses a string's UTF-8 bytes (a `String` is always valid UTF-8, so no `invalidUTF8` here).
  public func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var copy = text
    let result = copy.withUTF8 { buffer in
      Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
    }
    return try result.get()
  }
}

/// Entry points with the default settings.
public enum JSON {
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser().parse(bytes)
  }

  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser().parse(text)
  }

  public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser().parse(bytes)
  }

  /// Python-style pretty printing; see `JSONWriter`.
  public static func write(_ value: JSONValue, indent: Int = 2) -> String {
    JSONWriter.write(value, indent: indent)
  }
}
