import Testing
import TableroJSON

@Suite struct ValueTests {
  @Test func kindNames() {
    let values: [JSONValue] = [nil, true, 1, "s", [], [:]]
    #expect(values.map(\.kindName) == ["null", "boolean", "number", "string", "array", "object"])
  }

  @Test func accessorsReturnNilForOtherKinds() {
    let string: JSONValue = "40"
    #expect(string.stringValue == "40")
    #expect(string.intValue == nil)
    #expect(string.doubleValue == nil)
    #expect(string.boolValue == nil)
    #expect(string.arrayValue == nil)
    #expect(string.objectValue == nil)
    #expect(!string.isNull)
    #expect(JSONValue.null.isNull)
    #expect(JSONValue.bool(false).boolValue == false)
    #expect(JSONValue.number(JSONNumber(7)).intValue == 7)
    #expect(JSONValue.array([1]).arrayValue == [1])
    #expect(string["key"] == nil)
  }

  @Test(arguments: [
    ("40", 40.0, 40), ("-30", -30.0, -30), ("33.3", 33.3, nil), ("4.0", 4.0, 4), ("4e1", 40.0, 40),
    ("-0", 0.0, 0), ("1e400", nil, nil), ("9223372036854775807", 9.223372036854775807e18, Int.max),
    ("9223372036854775808", 9.223372036854775808e18, nil),
  ] as [(String, Double?, Int?)])
  func numberConversions(_ text: String, _ double: Double?, _ int: Int?) throws {
    let number = try #require(JSONNumber(lexeme: text))
    #expect(number.text == text)
    #expect(number.double == double)
    #expect(number.int == int)
  }

  @Test(arguments: ["", " 1", "1 ", "+1", "01", "1.", ".1", "1e", "--1", "NaN", "Infinity", "0x10", "1_000", "١"])
  func invalidLexemesAreRejected(_ text: String) {
    #expect(JSONNumber(lexeme: text) == nil)
  }

  @Test(arguments: [
    (40.0, "40"), (-30.0, "-30"), (33.3, "33.3"), (0.1, "0.1"), (-0.0, "0"), (9007199254740992.0, "9007199254740992"),
    (1e20, "1e+20"), (1e-7, "1e-07"), (2.5, "2.5"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
  ] as [(Double, String)])
  func numbersFromDoublesUseCanonicalText(_ double: Double, _ text: String) throws {
    let number = try #require(JSONNumber(double))
    #expect(number.text == text)
    #expect(JSONNumber(lexeme: number.text) != nil)  // always valid JSON
    #expect(number.double == double)
  }

  @Test func nonFiniteDoublesHaveNoJSONForm() {
    #expect(JSONNumber(Double.nan) == nil)
    #expect(JSONNumber(Double.infinity) == nil)
    #expect(JSONNumber(-Double.infinity) == nil)
  }

  @Test func numberEqualityIsTextual() {
    #expect(JSONNumber(lexeme: "1.0") != JSONNumber(lexeme: "1"))
    #expect(JSONNumber(lexeme: "1") == JSONNumber(1))
    #expect(JSONNumber(lexeme: "1e2")?.isIntegerLexeme == false)
    #expect(JSONNumber(12).isIntegerLexeme)
  }

  @Test func objectLookupAndMutationKeepOrder() {
    var object: JSONObject = ["b": 1, "a": 2]
    #expect(object["a"] == 2)
    #expect(object["missing"] == nil)
    #expect(object.contains("b"))
    object.set("b", "changed")
    object.set("c", nil)
    #expect(object.keys == ["b", "a", "c"])
    #expect(object["b"] == "changed")
    #expect(object["c"] == .null)
    #expect(object.removeValue(forKey: "a") == 2)
    #expect(object.removeValue(forKey: "a") == nil)
    #expect(object.keys == ["b", "c"])
  }

  @Test func duplicateKeysInLargeAndSmallObjects() {
    let small = JSONObject([(key: "x", value: 1), (key: "y", value: 2), (key: "x", value: 3), (key: "x", value: 4)])
    #expect(small.duplicateKeys == ["x"])
    #expect(small.pairs.map(\.value) == [1, 2, 3, 4])
    let keys = (0..<100).map { "k\($0)" } + ["k50", "k7", "k50"]
    let large = JSONObject(keys.map { (key: $0, value: JSONValue.null) })
    #expect(large.duplicateKeys == ["k50", "k7"])
    var removing = small
    removing.removeValue(forKey: "x")
    #expect(removing.keys == ["y"])
    #expect(JSONObject().duplicateKeys.isEmpty)
  }

  @Test func nestedSubscripts() throws {
    let value = try JSON.parse(#"{"phases": {"formulation": {"start": "2011-10-01"}}}"#)
    #expect(value["phases"]?["formulation"]?["start"]?.stringValue == "2011-10-01")
  }
}
