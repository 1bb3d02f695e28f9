/// The parsing state machine behind `JSONParser`.
///
/// Values are pushed on one flat stack; an open array or object is a frame that
/// remembers where its elements start, and closing it moves that tail of the stack
/// into a new array. This needs no recursion (so no stack overflow, whatever the
/// input) and no copy-on-write of nested containers while they grow.
@usableFromInline
struct JSONReader {
  @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
  private let maxDepth: Int
  @usableFromInline var index = 0
  /// Containers already open around the value being read (`JSONCursor` reads one member of a
  /// document at a time), counted against `maxDepth` like the reader's own.
  var enclosingDepth = 0
  private var values: [JSONValue] = []
  private var keys: [String] = []
  private var frames: [Frame] = []
  /// Reused buffer for strings with escapes.
  private var scratch: [UInt8] = []

  private struct Frame {
    var isObject: Bool
    var valueStart: Int
    var keyStart: Int
  }

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  /// Forgets a value left half-read by an error, so the reader can start again elsewhere.
  mutating func clearStacks() {
    values.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    frames.removeAll(keepingCapacity: true)
  }

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    let count = bytes.count
    if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      throw error(.byteOrderMark, at: 0)
    }
    skipWhitespace()
    if index == count { throw error(.empty, at: index) }
    let document = try parseValue()
    skipWhitespace()
    guard index == count else { throw error(.trailingContent, at: index) }
    return document
  }

  /// Reads one value starting at `index` (whitespace already skipped) and leaves `index` just
  /// after it. The value stack is empty again when it returns.
  mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    let count = bytes.count
    expectingValue: while true {
      // Whitespace is already skipped here.
      guard index < count else { throw error(.unexpectedEnd, at: count) }
      switch bytes[index] {
      case UInt8(ascii: "{"):
        try checkDepth()
        index += 1
        skipWhitespace()
        if index < count && bytes[index] == UInt8(ascii: "}") {
          index += 1
          values.append(.object(JSONObject()))
        } else {
          frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
          try parseKeyAndColon()
          continue expectingValue
        }
      case UInt8(ascii: "["):
        try checkDepth()
        index += 1
        skipWhitespace()
        if index < count && bytes[index] == UInt8(ascii: "]") {
          index += 1
          values.append(.array([]))
        } else {
          frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
          continue expectingValue
        }
      case UInt8(ascii: "\""):
        values.append(.string(try parseString()))
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        values.append(.number(try parseNumber()))
      case UInt8(ascii: "t"):
        try parseLiteral("true")
        values.append(.bool(true))
      case UInt8(ascii: "f"):
        try parseLiteral("false")
        values.append(.bool(false))
      case UInt8(ascii: "n"):
        try parseLiteral("null")
        values.append(.null)
      default:
        throw unexpected(expected: .value)
      }

      // A value is complete: close containers until one needs another value.
      while true {
        guard let frame = frames.last else {
          guard let value = values.popLast() else { throw error(.empty, at: 0) }
          return value
        }
        skipWhitespace()
        guard index < count else { throw error(.unexpectedEnd, at: count) }
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") {
          let comma = index
          index += 1
          skipWhitespace()
          if index < count && bytes[index] == (frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
            throw error(.trailingComma, at: comma)
          }
          if frame.isObject { try parseKeyAndColon() }
          continue expectingValue
        }
        if frame.isObject && byte == UInt8(ascii: "}") {
          let object = JSONObject(keys: Array(keys[frame.keyStart...]), values: Array(values[frame.valueStart...]))
          keys.removeSubrange(frame.keyStart...)
          values.removeSubrange(frame.valueStart...)
          values.append(.object(object))
        } else if !frame.isObject && byte == UInt8(ascii: "]") {
          let array = Array(values[frame.valueStart...])
          values.removeSubrange(frame.valueStart...)
          values.append(.array(array))
        } else {
          throw unexpected(expected: frame.isObject ? .commaOrEndOfObject : .commaOrEndOfArray)
        }
        frames.removeLast()
        index += 1
      }
    }
  }

  // MARK: - Structure

  @inlinable @inline(__always)
  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private func checkDepth() throws(JSONSyntaxError) {
    if frames.count + enclosingDepth >= maxDepth { throw error(.tooDeep(limit: maxDepth), at: index) }
  }

  /// Reads `"key"` `:` and the whitespace after it; `index` is at the key's quote.
  private mutating func parseKeyAndColon() throws(JSONSyntaxError) {
    guard index < bytes.count else { throw error(.unexpectedEnd, at: index) }
    guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expected: .key) }
    keys.append(try parseString())
    skipWhitespace()
    guard index < bytes.count else { throw error(.unexpectedEnd, at: index) }
    guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(expected: .colon) }
    index += 1
    skipWhitespace()
  }

  mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let start = index
    let length = word.utf8CodeUnitCount
    var offset = 0
    while offset < length {
      guard start + offset < bytes.count else { throw error(.unexpectedEnd, at: bytes.count) }
      if bytes[start + offset] != word.utf8Start[offset] { throw error(.invalidLiteral, at: start) }
      offset += 1
    }
    // `nullx`, `true1`: one misspelled word rather than a value followed by junk.
    if start + length < bytes.count && Self.isWordByte(bytes[start + length]) {
      throw error(.invalidLiteral, at: start)
    }
    index = start + length
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || JSONNumber.isDigit(byte) || byte == UInt8(ascii: "_")
  }

  mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
    let start = index
    guard let end = JSONNumber.scan(bytes, from: start) else { throw error(.invalidNumber, at: start) }
    index = end
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return JSONNumber(validatedText: text)
  }

  // MARK: - Strings

  /// Reads a string; `index` is at its opening quote. Strings without escapes
  /// (nearly all of them) become a `String` straight from the input bytes.
  mutating func parseString() throws(JSONSyntaxError) -> String {
    let count = bytes.count
    let start = index + 1
    var position = start
    while position < count {
      // Eight plain ASCII bytes at a time (most of a file's text), then byte by byte.
      if let base = bytes.baseAddress {
        while position + 8 <= count,
          Self.isPlainASCII(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        {
          position += 8
        }
        if position >= count { break }
      }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        index = position + 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      } else if byte == UInt8(ascii: "\\") {
        return try parseEscapedString(start: start, firstEscape: position)
      } else if byte < 0x20 {
        throw controlCharacter(byte, at: position)
      } else if byte < 0x80 {
        position += 1
      } else {
        position = try utf8SequenceEnd(at: position)
      }
    }
    throw error(.unexpectedEnd, at: count)
  }

  /// True when none of the eight bytes is a quote, a backslash, a control character or
  /// non-ASCII (the usual word tricks: a byte below n shows in (w - n·0x01…) & ~w & 0x80…).
  @inline(__always)
  static func isPlainASCII(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let zeroQuote = (quote &- ones) & ~quote
    let zeroBackslash = (backslash &- ones) & ~backslash
    return (control | zeroQuote | zeroBackslash | word) & highs == 0
  }

  private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
    let count = bytes.count
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
    var position = firstEscape
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        index = position + 1
        return String(decoding: scratch, as: UTF8.self)
      } else if byte == UInt8(ascii: "\\") {
        position = try parseEscape(at: position)
      } else if byte < 0x20 {
        throw controlCharacter(byte, at: position)
      } else if byte < 0x80 {
        scratch.append(byte)
        position += 1
      } else {
        let end = try utf8SequenceEnd(at: position)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
        position = end
      }
    }
    throw error(.unexpectedEnd, at: count)
  }

  /// Decodes one escape at `position` (a backslash) into `scratch`; returns the index after it.
  private mutating func parseEscape(at position: Int) throws(JSONSyntaxError) -> Int {
    guard position + 1 < bytes.count else { throw error(.unexpectedEnd, at: bytes.count) }
    let decoded: UInt8
    switch bytes[position + 1] {
    case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
    case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
    case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "u"): return try parseUnicodeEscape(at: position)
    default: throw error(.invalidEscape, at: position)
    }
    scratch.append(decoded)
    return position + 2
  }

  /// Decodes `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, at `position` into `scratch`.
  private mutating func parseUnicodeEscape(at position: Int) throws(JSONSyntaxError) -> Int {
    let unit = try hexQuad(escapeAt: position)
    var scalarValue = UInt32(unit)
    var end = position + 6
    if (0xDC00...0xDFFF).contains(unit) {
      throw error(.loneSurrogate(unit), at: position)
    }
    if (0xD800...0xDBFF).contains(unit) {
      guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u") else {
        throw error(.loneSurrogate(unit), at: position)
      }
      let low = try hexQuad(escapeAt: end)
      guard (0xDC00...0xDFFF).contains(low) else { throw error(.loneSurrogate(unit), at: position) }
      scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
      end += 6
    }
    guard let scalar = Unicode.Scalar(scalarValue) else { throw error(.loneSurrogate(unit), at: position) }
    UTF8Validation.append(scalar, to: &scratch)
    return end
  }

  /// The four hex digits after the `\u` at `position`.
  private func hexQuad(escapeAt position: Int) throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for offset in 2..<6 {
      guard position + offset < bytes.count else { throw error(.unexpectedEnd, at: bytes.count) }
      let byte = bytes[position + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error(.invalidUnicodeEscape, at: position)
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  // MARK: - UTF-8

  /// Validates the multi-byte UTF-8 sequence at `position` (RFC 3629: no overlongs,
  /// no surrogates, nothing above U+10FFFF) and returns the index after it.
  private func utf8SequenceEnd(at position: Int) throws(JSONSyntaxError) -> Int {
    guard let end = UTF8Validation.sequenceEnd(in: bytes, at: position) else {
      throw error(.invalidUTF8, at: position)
    }
    return end
  }

  // MARK: - Errors

  func error(_ kind: JSONSyntaxError.Kind, at offset: Int) -> JSONSyntaxError {
    let location = JSONSyntaxError.location(of: offset, in: bytes)
    return JSONSyntaxError(kind: kind, offset: offset, line: location.line, column: location.column)
  }

  private func controlCharacter(_ byte: UInt8, at position: Int) -> JSONSyntaxError {
    error(byte == 0 ? .nulByte : .controlCharacterInString(byte), at: position)
  }

  /// The error for the character at `index`, which cannot start what is `expected`.
  func unexpected(expected: JSONSyntaxError.Expected) -> JSONSyntaxError {
    guard index < bytes.count else { return error(.unexpectedEnd, at: bytes.count) }
    let byte = bytes[index]
    if byte == 0 { return error(.nulByte, at: index) }
    if byte < 0x80 { return error(.unexpectedCharacter(Unicode.Scalar(byte), expected: expected), at: index) }
    guard let scalar = UTF8Validation.scalar(in: bytes, at: index) else { return error(.invalidUTF8, at: index) }
    return error(.unexpectedCharacter(scalar, expected: expected), at: index)
  }
}
