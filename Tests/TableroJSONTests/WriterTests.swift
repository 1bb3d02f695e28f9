import Testing
import TableroJSON

@Suite struct WriterTests {
  /// The layout of Python's `json.dumps(value, indent=2, ensure_ascii=False)` plus a newline.
  @Test func matchesPythonLayoutByteForByte() throws {
    let value: JSONValue = [
      "formatVersion": 1,
      "name": "Reducción de Tiempos de Espera",
      "tolerance": -30,
      "weight": 33.3,
      "empty": [],
      "none": [:],
      "flags": [true, false, nil],
      "phases": ["formulation": ["start": "2011-10-01", "end": "2012-06-30"]],
      "matrix": [[1, 2], []],
      "path": "a/b",
    ]
    let expected = """
      {
        "formatVersion": 1,
        "name": "Reducción de Tiempos de Espera",
        "tolerance": -30,
        "weight": 33.3,
        "empty": [],
        "none": {},
        "flags": [
          true,
          false,
          null
        ],
        "phases": {
          "formulation": {
            "start": "2011-10-01",
            "end": "2012-06-30"
          }
        },
        "matrix": [
          [
            1,
            2
          ],
          []
        ],
        "path": "a/b"
      }

      """
    #expect(JSONWriter.write(value) == expected)
    #expect(JSONWriter.bytes(value) == Array(expected.utf8))
  }

  @Test func scalarsAtTopLevelEndWithNewline() {
    #expect(JSONWriter.write(nil) == "null\n")
    #expect(JSONWriter.write(true) == "true\n")
    #expect(JSONWriter.write("x") == "\"x\"\n")
    #expect(JSONWriter.write([]) == "[]\n")
    #expect(JSONWriter.write([:]) == "{}\n")
  }

  @Test func escapesLikePython() {
    // Python escapes " \ and U+0000–U+001F (with \b \f \n \r \t short forms, others \u00xx
    // lowercase); DEL, "/" and non-ASCII (including U+2028) stay literal.
    let value: JSONValue = .string("\"\\\u{8}\u{C}\n\r\t\u{0}\u{1}\u{1F}\u{7F}/é😀\u{2028}")
    #expect(JSONWriter.write(value) == "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7F}/é😀\u{2028}\"\n")
  }

  @Test func keysAreEscapedToo() {
    let value: JSONValue = ["a\"b\n": 1]
    #expect(JSONWriter.write(value) == "{\n  \"a\\\"b\\n\": 1\n}\n")
  }

  @Test func numbersAreWrittenByTheirText() throws {
    let value = try JSON.parse("[1.50, 1E+2, -0, 0.1e-7, 123456789012345678901234567890]")
    #expect(JSONWriter.write(value, indent: 0) == "[\n1.50,\n1E+2,\n-0,\n0.1e-7,\n123456789012345678901234567890\n]\n")
  }

  @Test func otherIndentWidths() {
    let value: JSONValue = ["a": [1]]
    #expect(JSONWriter.write(value, indent: 4) == "{\n    \"a\": [\n        1\n    ]\n}\n")
    #expect(JSONWriter.write(value, indent: -1) == JSONWriter.write(value, indent: 0))
  }

  @Test func appendsToExistingBuffer() {
    var output = Array("x".utf8)
    JSONWriter.write([1], into: &output)
    #expect(output == Array("x[\n  1\n]\n".utf8))
  }

  static let roundTripValues: [JSONValue] = [
    nil, true, false, 0, -30, 33.3, 1e-7, 1.5e300, "", "plain", "tab\tquote\"slash\\nul\u{0}del\u{7F}",
    "ñandú 日本 😀 \u{10FFFF}", [], [:], [[[]]], [nil, [:], ["": ""]],
    ["z": 1, "a": ["b": [1, 2.5, "x"]], "m": nil],
    .object(JSONObject([(key: "dup", value: 1), (key: "dup", value: 2)])),
  ]

  @Test(arguments: roundTripValues)
  func parseOfWriteIsIdentity(_ value: JSONValue) throws {
    #expect(try JSON.parse(JSONWriter.write(value)) == value)
    #expect(try JSON.parse(JSONWriter.bytes(value, indent: 0)) == value)
  }

  @Test func writeOfParseIsByteStableForPythonStyleText() throws {
    let text = """
      {
        "id": "ECE-01",
        "weight": 1.0,
        "unknown": {
          "nested": [
            1e5,
            "é\\u00e9"
          ]
        }
      }

      """
    // `\u00e9` is decoded and written back literally, as Python would; everything else is unchanged.
    let rewritten = JSONWriter.write(try JSON.parse(text))
    #expect(rewritten == text.replacingEscapedEAcute())
    #expect(JSONWriter.write(try JSON.parse(rewritten)) == rewritten)
  }
}

extension String {
  fileprivate func replacingEscapedEAcute() -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: "\\u00e9") {
      result += rest[..<range.lowerBound]
      result += "é"
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
