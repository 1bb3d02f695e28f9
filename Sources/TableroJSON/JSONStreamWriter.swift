/// Writes a document piece by piece, in exactly the layout of `JSONWriter.bytes` (Python's
/// `json.dumps(indent=2, ensure_ascii=False)` plus a newline), without building a `JSONValue`
/// tree first: a 100 000-item file is written straight from the model.
///
///     var w = JSONStreamWriter()
///     w.beginObject()
///     w.key("name"); w.string("Salud")
///     w.key("items"); w.beginArray(); w.number(40); w.endArray()
///     w.endObject()
///     let bytes = w.finish()   // == JSONWriter.bytes(["name": "Salud", "items": [40]])
///
/// The caller keeps the grammar (a `key` before each member value, balanced begin/end).
public struct JSONStreamWriter {
  private var emitter: Emitter
  /// Members written so far in each open container, innermost last; `isObject` says which.
  private var counts: [Int] = []
  private var isObject: [Bool] = []

  public init(indent: Int = 2, reservingCapacity capacity: Int = 4096) {
    emitter = Emitter(indent: max(0, indent), output: [], lineStart: [0x0A])
    emitter.output.reserveCapacity(capacity)
  }

  /// The bytes so far plus the final newline; the writer is spent.
  public mutating func finish() -> [UInt8] {
    emitter.output.append(0x0A)
    let done = emitter.output
    emitter.output = []
    return done
  }

  /// Hands the bytes written so far to `sink` and forgets them, keeping the buffer: a long
  /// document can go out in pieces (call between two values, so no piece ends mid-character).
  /// The layout is unchanged: the pieces put together are what `finish` would have returned.
  public mutating func flush(to sink: ([UInt8]) -> Void) {
    guard !emitter.output.isEmpty else { return }
    sink(emitter.output)
    emitter.output.removeAll(keepingCapacity: true)
  }

  /// Bytes written so far (for sizing buffers).
  public var count: Int { emitter.output.count }

  // MARK: Containers

  public mutating func beginObject() {
    beforeValue()
    emitter.output.append(UInt8(ascii: "{"))
    counts.append(0)
    isObject.append(true)
  }

  public mutating func endObject() { close(UInt8(ascii: "}")) }

  public mutating func beginArray() {
    beforeValue()
    emitter.output.append(UInt8(ascii: "["))
    counts.append(0)
    isObject.append(false)
  }

  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Starts a member of the innermost object; the next value written is its value.
  public mutating func key(_ key: String) {
    separate()
    emitter.string(key)
    emitter.output.append(UInt8(ascii: ":"))
    emitter.output.append(UInt8(ascii: " "))
  }

  /// A key escaped once, for members written many times (the dozen keys of 100 000 items).
  public struct Key: Sendable {
    /// `"name": ` as written.
    let bytes: [UInt8]
    public init(_ key: String) {
      var e = Emitter(indent: 0, output: [], lineStart: [])
      e.string(key)
      e.output.append(UInt8(ascii: ":"))
      e.output.append(UInt8(ascii: " "))
      bytes = e.output
    }
  }

  public mutating func key(_ key: Key) {
    separate()
    key.bytes.withUnsafeBufferPointer { emitter.output.append(contentsOf: $0) }
  }

  // MARK: Values

  public mutating func string(_ text: String) {
    beforeValue()
    emitter.string(text)
  }

  /// A string whose bytes the caller appends and knows need no escaping (digits, `-`…).
  public mutating func plainString(_ write: (inout [UInt8]) -> Void) {
    beforeValue()
    emitter.output.append(UInt8(ascii: "\""))
    write(&emitter.output)
    emitter.output.append(UInt8(ascii: "\""))
  }

  public mutating func bool(_ flag: Bool) {
    beforeValue()
    emitter.append(flag ? "true" : "false")
  }

  public mutating func null() {
    beforeValue()
    emitter.append("null")
  }

  /// A number as `JSONNumber(double)` writes it (`40`, `33.3`), or `null` when not finite,
  /// without building its text as a `String` for whole numbers.
  public mutating func number(_ double: Double) {
    beforeValue()
    guard double.isFinite else { return emitter.append("null") }
    if abs(double) <= 9_007_199_254_740_992, Double(Int64(double)) == double {
      Self.appendDecimal(Int64(double), to: &emitter.output)
    } else {
      emitter.output.append(contentsOf: double.description.utf8)
    }
  }

  public mutating func number(_ number: JSONNumber) {
    beforeValue()
    emitter.output.append(contentsOf: number.text.utf8)
  }

  /// Any value, laid out at the current depth.
  public mutating func value(_ value: JSONValue) {
    beforeValue()
    emitter.value(value, depth: counts.count)
  }

  /// Decimal digits of `value` (with `-` when negative), as `String(value)` spells them.
  public static func appendDecimal(_ value: Int64, to output: inout [UInt8]) {
    if value < 0 { output.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    var width = 1
    var scale: UInt64 = 10
    while width < 20, magnitude >= scale {
      width += 1
      if width < 20 { scale &*= 10 }
    }
    // Room first, then the digits from the last one back: no temporary buffer.
    let end = output.count + width
    output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    var rest = magnitude
    var position = end - 1
    while rest > 0 {
      output[position] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
      position -= 1
    }
  }

  // MARK: Layout

  /// A value in an array gets its comma and line; in an object, `key` already did that.
  private mutating func beforeValue() {
    if let last = isObject.last, !last { separate() }
  }

  private mutating func separate() {
    guard let n = counts.last else { return }
    if n > 0 { emitter.output.append(UInt8(ascii: ",")) }
    counts[counts.count - 1] = n + 1
    emitter.newline(depth: counts.count)
  }

  private mutating func close(_ bracket: UInt8) {
    guard let n = counts.popLast() else { return }
    isObject.removeLast()
    if n == 0 {
      // `{}` / `[]`, as Python writes empty containers.
      emitter.output.append(bracket)
      return
    }
    emitter.newline(depth: counts.count)
    emitter.output.append(bracket)
  }
}
