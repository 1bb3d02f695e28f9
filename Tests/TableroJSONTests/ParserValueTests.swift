import Testing
import TableroJSON

@Suite struct ParserValueTests {
  @Test func scalarsAtTopLevel() throws {
    #expect(try JSON.parse("null") == .null)
    #expect(try JSON.parse("true") == .bool(true))
    #expect(try JSON.parse(" false ") == .bool(false))
    #expect(try JSON.parse("\"hi\"") == .string("hi"))
    #expect(try JSON.parse("-12.5e3").numberValue?.text == "-12.5e3")
    #expect(try JSON.parse("\n\t\r 0 \n") == .number(JSONNumber(0)))
  }

  @Test func nestedDocument() throws {
    let value = try JSON.parse(#"{"a": [1, {"b": null}, []], "c": {}, "d": "x"}"#)
    let expected: JSONValue = ["a": [1, ["b": nil], []], "c": [:], "d": "x"]
    #expect(value == expected)
  }

  @Test func keyOrderIsKept() throws {
    let value = try JSON.parse(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["zeta", "alpha", "mid"])
    #expect(object.pairs.map(\.key) == ["zeta", "alpha", "mid"])
    #expect(object.values == [1, 2, 3])
  }

  @Test func duplicateKeysAreKeptAndReported() throws {
    let value = try JSON.parse(#"{"id": "A", "name": "x", "id": "B", "name": "y", "id": "C", "ok": true}"#)
    let object = try #require(value.objectValue)
    #expect(object.count == 6)
    #expect(object["id"] == "A")  // the first occurrence wins for lookups
    #expect(object.duplicateKeys == ["id", "name"])
    #expect(object.keys == ["id", "name", "id", "name", "id", "ok"])
    #expect(try JSON.parse(JSONWriter.write(value)) == value)  // duplicates survive a save
  }

  @Test func stringEscapesAreDecoded() throws {
    let value = try JSON.parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \u0000""#)
    #expect(value == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t é € \u{0}"))
  }

  @Test func surrogatePairBecomesOneScalar() throws {
    let value = try JSON.parse(#"["\ud83d\ude00", "\uD834\uDD1E"]"#)
    #expect(value == ["😀", "𝄞"])
  }

  @Test func nonASCIIIsKept() throws {
    let text = #"{"Reducción": "Expediente Clínico Electrónico 日本 😀"}"#
    let value = try JSON.parse(text)
    #expect(value["Reducción"] == "Expediente Clínico Electrónico 日本 😀")
  }

  @Test func hugeExponentParsesWithoutCrashing() throws {
    let value = try JSON.parse("[1e999999, -1e999999, 1e-999999, 123456789012345678901234567890]")
    let numbers = try #require(value.arrayValue).compactMap(\.numberValue)
    #expect(numbers.map(\.text) == ["1e999999", "-1e999999", "1e-999999", "123456789012345678901234567890"])
    #expect(numbers[0].double == nil)  // out of range for a Double: nil, never infinity
    #expect(numbers[1].double == nil)
    #expect(numbers[2].double == 0)
    #expect(numbers[3].double == 1.2345678901234568e29)
    #expect(numbers[3].int == nil)
    #expect(JSONWriter.write(value).contains("1e999999"))
  }

  @Test func hugeStringIsFine() throws {
    let big = String(repeating: "abcdé", count: 400_000)
    let value = try JSON.parse("\"" + big + "\"")
    #expect(value.stringValue?.count == 2_000_000)
  }

  @Test func parsesFromRawBuffer() throws {
    let bytes: [UInt8] = Array(#"{"a":1}"#.utf8)
    let value = try bytes.withUnsafeBytes { buffer in try JSON.parse(buffer) }
    #expect(value["a"]?.intValue == 1)
  }
}
