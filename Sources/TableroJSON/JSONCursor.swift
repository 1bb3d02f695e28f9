/// Reads a document one piece at a time, for decoders that build their model straight from the
/// bytes instead of from a `JSONValue` tree (`PortfolioStreamDecoder` reads 100 000 initiatives
/// this way).
///
/// Every piece goes through the same checks as `JSONParser` (UTF-8, escapes, control characters,
/// number grammar, nesting depth), so whatever a cursor accepts the parser accepts too, with the
/// same values. The cursor does not promise the parser's *error* for a broken document: a caller
/// that meets an error, or a shape it does not expect, parses the document again with
/// `JSONParser` to report it.
public struct JSONCursor {
  @usableFromInline var reader: JSONReader

  /// `bytes` must stay valid while the cursor is used.
  public init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth) {
    reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
  }

  /// Byte offset of the next byte to read.
  public var index: Int {
    get { reader.index }
    set { reader.index = newValue }
  }

  /// The next byte, or nil at the end of the input.
  @inlinable
  public var byte: UInt8? {
    reader.index < reader.bytes.count ? reader.bytes[reader.index] : nil
  }

  /// True at the end of the input.
  public var isAtEnd: Bool { reader.index >= reader.bytes.count }

  @inlinable
  public mutating func skipWhitespace() { reader.skipWhitespace() }

  /// Skips `expected` and the whitespace after it; false (and nothing skipped) when the next
  /// byte is another one.
  @inlinable
  public mutating func consume(_ expected: UInt8) -> Bool {
    guard reader.index < reader.bytes.count, reader.bytes[reader.index] == expected else { return false }
    reader.index += 1
    reader.skipWhitespace()
    return true
  }

  /// One whole value of any type as a tree; `depth` is how many arrays and objects enclose it,
  /// counted against the nesting limit as the parser counts them.
  public mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    reader.clearStacks()
    reader.enclosingDepth = depth
    return try reader.parseValue()
  }

  /// A string; the next byte must be its opening quote.
  public mutating func string() throws(JSONSyntaxError) -> String {
    guard byte == UInt8(ascii: "\"") else { throw reader.unexpected(expected: .value) }
    return try reader.parseString()
  }

  /// The bytes of a string with no escapes and only printable ASCII (as object keys are), without
  /// making a `String`; nil, with nothing read, for any other string.
  @inlinable
  public mutating func plainASCIIString() -> UnsafeBufferPointer<UInt8>? {
    let bytes = reader.bytes
    let start = reader.index + 1
    guard start <= bytes.count, bytes[reader.index] == UInt8(ascii: "\"") else { return nil }
    var position = start
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        reader.index = position + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
      position += 1
    }
    return nil
  }

  /// `true` or `false`; nil (nothing read) when the next value is something else.
  public mutating func bool() throws(JSONSyntaxError) -> Bool? {
    switch byte {
    case UInt8(ascii: "t"):
      try reader.parseLiteral("true")
      return true
    case UInt8(ascii: "f"):
      try reader.parseLiteral("false")
      return false
    default: return nil
    }
  }

  /// `null`, read when it is next: true when it was.
  public mutating func null() throws(JSONSyntaxError) -> Bool {
    guard byte == UInt8(ascii: "n") else { return false }
    try reader.parseLiteral("null")
    return true
  }

  /// A number as `JSONNumber.double` gives it (rounded to nearest; nil when too large for a
  /// `Double`); throws when the next bytes are not a number.
  public mutating func double() throws(JSONSyntaxError) -> Double? {
    let start = reader.index
    guard let end = JSONNumber.scan(reader.bytes, from: start) else {
      throw reader.error(.invalidNumber, at: start)
    }
    reader.index = end
    return JSONNumber.double(validated: UnsafeBufferPointer(rebasing: reader.bytes[start..<end]))
  }
}
