import Testing
import TableroJSON

/// `JSONStreamWriter` must give exactly the bytes of `JSONWriter.bytes` for the same document.
@Suite struct StreamWriterTests {
  /// Writes `value` through the streaming calls (not `value(_:)`), to check their layout.
  static func stream(_ value: JSONValue, into w: inout JSONStreamWriter) {
    switch value {
    case .null: w.null()
    case .bool(let b): w.bool(b)
    case .number(let n): w.number(n)
    case .string(let s): w.string(s)
    case .array(let elements):
      w.beginArray()
      for e in elements { stream(e, into: &w) }
      w.endArray()
    case .object(let o):
      w.beginObject()
      for (k, v) in o.pairs {
        w.key(k)
        stream(v, into: &w)
      }
      w.endObject()
    }
  }

  static let documents: [JSONValue] = [
    [:],
    [],
    "solo",
    42,
    [
      "formatVersion": 1,
      "name": "Reducción \"de\" Tiempos\nde Espera\\\u{1}",
      "empty": [],
      "none": [:],
      "flags": [true, false, nil],
      "phases": ["formulation": ["start": "2011-10-01", "end": "2012-06-30"]],
      "matrix": [[1, 2], [], [[:], [[]]]],
      "deep": ["a": ["b": ["c": ["d": [1, ["e": "f"]]]]]],
    ],
    [["a": 1], ["b": []], [:], "x", 3.5],
  ]

  @Test(arguments: documents)
  func streamedCallsGiveTheWriterBytes(_ document: JSONValue) {
    var w = JSONStreamWriter()
    Self.stream(document, into: &w)
    #expect(w.finish() == JSONWriter.bytes(document))
  }

  @Test(arguments: documents)
  func wholeValuesAtAnyDepthGiveTheWriterBytes(_ document: JSONValue) {
    // Mixed: containers by calls, their members by `value(_:)`, at every depth.
    var w = JSONStreamWriter()
    switch document {
    case .object(let o):
      w.beginObject()
      for (k, v) in o.pairs {
        w.key(k)
        w.value(v)
      }
      w.endObject()
    case .array(let elements):
      w.beginArray()
      for e in elements { w.value(e) }
      w.endArray()
    default: w.value(document)
    }
    #expect(w.finish() == JSONWriter.bytes(document))
  }

  @Test func doublesAreWrittenAsJSONNumberSpellsThem() {
    let values: [Double] = [
      0, -0.0, 1, -1, 40, 100, 33.3, -30, 0.1, 1e20, 1e-7, 12.345, 9_007_199_254_740_992, -9_007_199_254_740_992,
      9_007_199_254_740_994, 1e300, 123_456_789, 99.99999999999999, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]
    for v in values {
      var w = JSONStreamWriter()
      w.number(v)
      #expect(w.finish() == Array((JSONNumber(v)!.text + "\n").utf8), "\(v)")
    }
    for v in [Double.nan, .infinity, -.infinity] {
      var w = JSONStreamWriter()
      w.number(v)
      #expect(w.finish() == Array("null\n".utf8))
    }
  }

  @Test func decimalDigitsMatchStringForEveryWidth() {
    var values: [Int64] = [0, 9, 10, 99, 100, -1, -10, Int64.max, Int64.min, 1_000_000_000_000_000_000]
    var p: Int64 = 1
    for _ in 0..<18 {
      p *= 10
      values += [p - 1, p, p + 1, -p]
    }
    for v in values {
      var out: [UInt8] = [UInt8(ascii: "x")]
      JSONStreamWriter.appendDecimal(v, to: &out)
      #expect(out == Array(("x" + String(v)).utf8))
    }
  }
}
