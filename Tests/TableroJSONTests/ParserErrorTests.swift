import Testing
import TableroJSON

/// An input with the error it must produce.
struct ErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: [UInt8]
  let kind: JSONSyntaxError.Kind
  let line: Int
  let column: Int
  let offset: Int?

  init(_ name: String, _ text: String, _ kind: JSONSyntaxError.Kind, line: Int, column: Int, offset: Int? = nil) {
    self.init(name, bytes: Array(text.utf8), kind, line: line, column: column, offset: offset)
  }

  init(_ name: String, bytes: [UInt8], _ kind: JSONSyntaxError.Kind, line: Int, column: Int, offset: Int? = nil) {
    self.name = name
    self.bytes = bytes
    self.kind = kind
    self.line = line
    self.column = column
    self.offset = offset
  }

  var testDescription: String { name }
}

@Suite struct ParserErrorTests {
  static let cases: [ErrorCase] = [
    ErrorCase("empty input", "", .empty, line: 1, column: 1, offset: 0),
    ErrorCase("only whitespace", " \n ", .empty, line: 2, column: 2, offset: 3),
    ErrorCase("missing comma on line 3", "[\n  1,\n  2 3\n]", .unexpectedCharacter("3", expected: .commaOrEndOfArray), line: 3, column: 5, offset: 11),
    ErrorCase(
      "missing comma between members", "{\n  \"a\": 1\n  \"b\": 2\n}",
      .unexpectedCharacter("\"", expected: .commaOrEndOfObject), line: 3, column: 3),
    ErrorCase("missing colon", #"{"a" 1}"#, .unexpectedCharacter("1", expected: .colon), line: 1, column: 6),
    ErrorCase("unquoted key", "{a: 1}", .unexpectedCharacter("a", expected: .key), line: 1, column: 2),
    ErrorCase("single quotes", "['a']", .unexpectedCharacter("'", expected: .value), line: 1, column: 2),
    ErrorCase("comment", "[1, // two\n 2]", .unexpectedCharacter("/", expected: .value), line: 1, column: 5),
    ErrorCase("NaN", "[NaN]", .unexpectedCharacter("N", expected: .value), line: 1, column: 2),
    ErrorCase("column counts characters, not bytes", "{\"é\": x}", .unexpectedCharacter("x", expected: .value), line: 1, column: 7, offset: 7),
    ErrorCase("non-ASCII outside strings", "[1, ñ]", .unexpectedCharacter("ñ", expected: .value), line: 1, column: 5),
    ErrorCase("trailing comma in array", "[1, 2,\n]", .trailingComma, line: 1, column: 6, offset: 5),
    ErrorCase("trailing comma in object", "{\"a\": 1, }", .trailingComma, line: 1, column: 8),
    ErrorCase("unclosed array", "[1, 2", .unexpectedEnd, line: 1, column: 6, offset: 5),
    ErrorCase("unclosed string", "\"abc", .unexpectedEnd, line: 1, column: 5),
    ErrorCase("unclosed object after colon", "{\"a\":", .unexpectedEnd, line: 1, column: 6),
    ErrorCase("misspelled literal", "[tru3]", .invalidLiteral, line: 1, column: 2),
    ErrorCase("literal with junk", "nullx", .invalidLiteral, line: 1, column: 1),
    ErrorCase("capitalised literal", "True", .unexpectedCharacter("T", expected: .value), line: 1, column: 1),
    ErrorCase("leading zero", "[01]", .invalidNumber, line: 1, column: 2),
    ErrorCase("minus alone", "[-]", .invalidNumber, line: 1, column: 2),
    ErrorCase("fraction without digits", "[1.]", .invalidNumber, line: 1, column: 2),
    ErrorCase("exponent without digits", "[1e+]", .invalidNumber, line: 1, column: 2),
    ErrorCase("leading plus", "[+1]", .unexpectedCharacter("+", expected: .value), line: 1, column: 2),
    ErrorCase("leading dot", "[.5]", .unexpectedCharacter(".", expected: .value), line: 1, column: 2),
    ErrorCase("hex number", "[0x1]", .unexpectedCharacter("x", expected: .commaOrEndOfArray), line: 1, column: 3),
    ErrorCase("raw tab in string", "[\"a\tb\"]", .controlCharacterInString(9), line: 1, column: 4),
    ErrorCase("raw newline in string", "{\"a\": \"x\ny\"}", .controlCharacterInString(10), line: 1, column: 9),
    ErrorCase("invalid escape", #"["a\x"]"#, .invalidEscape, line: 1, column: 4),
    ErrorCase("short unicode escape", #"["\u12G4"]"#, .invalidUnicodeEscape, line: 1, column: 3),
    ErrorCase("lone high surrogate", #"["\ud800"]"#, .loneSurrogate(0xD800), line: 1, column: 3),
    ErrorCase("lone low surrogate", #"["a\uDC00"]"#, .loneSurrogate(0xDC00), line: 1, column: 4),
    ErrorCase("high surrogate then letter", #"["\uD800\u0041"]"#, .loneSurrogate(0xD800), line: 1, column: 3),
    ErrorCase("two high surrogates", #"["\uD800\uD800"]"#, .loneSurrogate(0xD800), line: 1, column: 3),
    ErrorCase("byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8), .byteOrderMark, line: 1, column: 1, offset: 0),
    ErrorCase("NUL outside string", bytes: [0x5B, 0x00, 0x5D], .nulByte, line: 1, column: 2, offset: 1),
    ErrorCase("NUL inside string", bytes: [0x22, 0x61, 0x00, 0x22], .nulByte, line: 1, column: 3, offset: 2),
    ErrorCase("UTF-16 text", bytes: [0x7B, 0x00, 0x7D, 0x00], .nulByte, line: 1, column: 2, offset: 1),
    ErrorCase("Latin-1 byte in string", bytes: Array("\n[\"caf".utf8) + [0xE9, 0x22, 0x5D], .invalidUTF8, line: 2, column: 6, offset: 6),
    ErrorCase("stray continuation byte", bytes: [0x22, 0x80, 0x22], .invalidUTF8, line: 1, column: 2, offset: 1),
    ErrorCase("overlong slash", bytes: [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, line: 1, column: 2),
    ErrorCase("encoded surrogate", bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, line: 1, column: 2),
    ErrorCase("above U+10FFFF", bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, line: 1, column: 2),
    ErrorCase("truncated sequence at end", bytes: [0x22, 0xE2, 0x82], .invalidUTF8, line: 1, column: 2),
    ErrorCase("invalid UTF-8 outside strings", bytes: [0x5B, 0xFF, 0x5D], .invalidUTF8, line: 1, column: 2),
    ErrorCase("two values", "1 2", .trailingContent, line: 1, column: 3),
    ErrorCase("extra close bracket", "[1]]", .trailingContent, line: 1, column: 4),
    ErrorCase("form feed is not whitespace", "\u{0C}1", .unexpectedCharacter("\u{0C}", expected: .value), line: 1, column: 1),
    ErrorCase("CRLF lines", "[\r\n1,\r\n,]", .unexpectedCharacter(",", expected: .value), line: 3, column: 1),
  ]

  @Test(arguments: cases)
  func reportsKindAndPosition(_ example: ErrorCase) throws {
    let error = try #require(syntaxError(example.bytes))
    #expect(error.kind == example.kind)
    #expect(error.line == example.line)
    #expect(error.column == example.column)
    if let offset = example.offset {
      #expect(error.offset == offset)
    }
  }

  @Test func nestingUpToTheLimitIsAccepted() throws {
    let depth = JSONParser.defaultMaxDepth
    let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(syntaxError(arrays) == nil)
    let objects = String(repeating: "{\"a\":", count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
    #expect(syntaxError(objects) == nil)
  }

  @Test func nestingBeyondTheLimitIsAnError() throws {
    let depth = JSONParser.defaultMaxDepth + 1
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let error = try #require(syntaxError(text))
    #expect(error.kind == .tooDeep(limit: 512))
    #expect(error.offset == 512)
    #expect(error.column == 513)
  }

  @Test func customDepthLimit() throws {
    #expect(throws: JSONSyntaxError.self) { try JSONParser(maxDepth: 2).parse("[[[]]]") }
    #expect(try JSONParser(maxDepth: 3).parse("[[[]]]") == [[[]]])
  }

  @Test func hundredThousandOpeningBracketsDoNotCrash() throws {
    let error = try #require(syntaxError([UInt8](repeating: UInt8(ascii: "["), count: 100_000)))
    #expect(error.kind == .tooDeep(limit: 512))
    let mixed = try #require(syntaxError(String(repeating: "[{\"a\":", count: 50_000)))
    #expect(mixed.kind == .tooDeep(limit: 512))
  }

  @Test func everyPrefixOfADocumentIsAnErrorWithoutCrashing() throws {
    let document = """
      {"id": "ECE-01", "n": [1, -2.5e+3, true, false, null, {}], "s": "a\\"\\u00e9\\ud83d\\ude00é😀"}
      """
    let bytes = Array(document.utf8)
    #expect(syntaxError(bytes) == nil)
    for length in 0..<bytes.count {
      let prefix = Array(bytes[..<length])
      let error = try #require(syntaxError(prefix), "prefix of length \(length) was accepted")
      #expect(error.offset >= 0 && error.offset <= length)
      #expect(error.line == 1)
    }
  }

  @Test func errorsNeverPointPastTheInput() {
    // Every single byte value, in and out of a string, must give a position inside the input.
    for byte in UInt8.min...UInt8.max {
      for bytes in [[byte], [0x5B, byte], [0x22, byte, 0x22], [0x22, 0x5C, byte, 0x22]] {
        if let error = syntaxError(bytes) {
          #expect(error.offset <= bytes.count)
          #expect(error.column >= 1)
        }
      }
    }
  }
}
