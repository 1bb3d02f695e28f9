/// Writes JSON exactly like Python's `json.dumps(value, indent=2, ensure_ascii=False)`
/// followed by a newline.
///
/// One fixed, widely known layout makes saved portfolios byte-stable and easy to diff,
/// and lets files be produced or checked with Python. Numbers are written by their
/// original text; non-ASCII characters are written as UTF-8, not `\u` escapes.
/// Output is built into one `[UInt8]`, which is far faster than string concatenation.
///
/// The writer recurses once per nesting level; parsed documents are at most
/// `JSONParser.defaultMaxDepth` deep, far from any stack limit.
public enum JSONWriter {
  /// The document as text, ending with a newline.
  public static func write(_ value: JSONValue, indent: Int = 2) -> String {
    String(decoding: bytes(value, indent: indent), as: UTF8.self)
  }

  /// The document as UTF-8 bytes, ending with a newline (ready to write to a file).
  public static func bytes(_ value: JSONValue, indent: Int = 2) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    write(value, indent: indent, into: &output)
    return output
  }

  /// Appends the document and its final newline to `output`. A negative indent counts as 0
  /// (which, as in Python, still puts each element on its own line).
  public static func write(_ value: JSONValue, indent: Int = 2, into output: inout [UInt8]) {
    var emitter = Emitter(indent: max(0, indent), output: output, lineStart: [0x0A])
    output = []  // keep `emitter.output` uniquely referenced while it grows
    emitter.value(value, depth: 0)
    emitter.output.append(0x0A)
    output = emitter.output
  }

  /// The document on one line with no spaces and no final newline (`{"a":1,"b":[true,null]}`),
  /// as in Python's `json.dumps(value, ensure_ascii=False, separators=(",", ":"))`. Strings
  /// escape newlines, so the result is always a single line: the form of JSON Lines files.
  public static func compactBytes(_ value: JSONValue) -> [UInt8] {
    var emitter = Emitter(indent: 0, output: [], lineStart: [], compact: true)
    emitter.output.reserveCapacity(256)
    emitter.value(value, depth: 0)
    return emitter.output
  }

  /// `compactBytes` as a `String`.
  public static func compact(_ value: JSONValue) -> String {
    String(decoding: compactBytes(value), as: UTF8.self)
  }
}

/// Shared by `JSONWriter` and `JSONStreamWriter`, so both give the same bytes.
struct Emitter {
  let indent: Int
  var output: [UInt8]

  mutating func value(_ value: JSONValue, depth: Int) {
    switch value {
    case .null: append("null")
    case .bool(let flag): append(flag ? "true" : "false")
    case .number(let number): output.append(contentsOf: number.text.utf8)
    case .string(let string): self.string(string)
    case .array(let elements):
      guard !elements.isEmpty else { return append("[]") }
      output.append(UInt8(ascii: "["))
      var first = true
      for element in elements {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        newline(depth: depth + 1)
        self.value(element, depth: depth + 1)
      }
      newline(depth: depth)
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      guard !object.isEmpty else { return append("{}") }
      output.append(UInt8(ascii: "{"))
      for (position, key) in object.keys.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        newline(depth: depth + 1)
        string(key)
        output.append(UInt8(ascii: ":"))
        if !compact { output.append(UInt8(ascii: " ")) }
        self.value(object.values[position], depth: depth + 1)
      }
      newline(depth: depth)
      output.append(UInt8(ascii: "}"))
    }
  }

  mutating func append(_ text: StaticString) {
    output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A newline followed by enough spaces for the deepest level seen so far, sliced per line.
  var lineStart: [UInt8]
  /// One line, no spaces (`JSONWriter.compactBytes`).
  var compact = false

  mutating func newline(depth: Int) {
    if compact { return }
    let length = 1 + indent * depth
    if lineStart.count < length {
      lineStart.append(contentsOf: repeatElement(UInt8(ascii: " "), count: length - lineStart.count + 64))
    }
    lineStart.withUnsafeBufferPointer { line in
      output.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<length]))
    }
  }

  mutating func string(_ string: String) {
    output.append(UInt8(ascii: "\""))
    let done: Void? = string.utf8.withContiguousStorageIfAvailable { escaped($0) }
    if done == nil {
      let copy = Array(string.utf8)
      copy.withUnsafeBufferPointer { escaped($0) }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// Copies runs of plain bytes at once and escapes `"`, `\` and control characters as Python does.
  private mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
        position += 1
        continue
      }
      if runStart < position {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
      }
      output.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
      case 0x0A: output.append(UInt8(ascii: "n"))
      case 0x0D: output.append(UInt8(ascii: "r"))
      case 0x09: output.append(UInt8(ascii: "t"))
      case 0x08: output.append(UInt8(ascii: "b"))
      case 0x0C: output.append(UInt8(ascii: "f"))
      default:
        output.append(UInt8(ascii: "u"))
        output.append(UInt8(ascii: "0"))
        output.append(UInt8(ascii: "0"))
        output.append(Self.hexDigit(byte >> 4))
        output.append(Self.hexDigit(byte & 0x0F))
      }
      position += 1
      runStart = position
    }
    if runStart < position {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
    }
  }

  /// Lowercase, as Python writes `\u001f`.
  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }
}
