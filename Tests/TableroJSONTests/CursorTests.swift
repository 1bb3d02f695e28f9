import Testing

@testable import TableroJSON

/// `JSONCursor`, the piece-by-piece reader behind the one-pass portfolio loader: what it reads
/// equals what the parser reads.
@Suite struct CursorTests {
  /// SplitMix64, so a failure names a reproducible case.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func cursorDouble(_ text: String) throws -> Double? {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
      var cursor = JSONCursor(bytes: buffer)
      return try cursor.double()
    }
  }

  /// The number as the tree gives it (`JSONNumber.double`).
  static func treeDouble(_ text: String) -> Double? {
    (try? JSON.parse(text))?.numberValue?.double
  }

  @Test func numbersReadBitForBitAsTheParserReadsThem() throws {
    var rng = Generator(state: 0x5EED_1234)
    var checked = 0
    for _ in 0..<40_000 {
      let digits = Int.random(in: 1...19, using: &rng)
      var text = Bool.random(using: &rng) ? "-" : ""
      let whole = Int.random(in: 1...digits, using: &rng)
      text += String(Int.random(in: 1...9, using: &rng))
      for _ in 1..<whole { text += String(Int.random(in: 0...9, using: &rng)) }
      if whole < digits {
        text += "."
        for _ in whole..<digits { text += String(Int.random(in: 0...9, using: &rng)) }
      }
      if Int.random(in: 0..<10, using: &rng) == 0 { text += "e\(Int.random(in: -330...310, using: &rng))" }
      if Int.random(in: 0..<10, using: &rng) == 0 { text = (text.hasPrefix("-") ? "-0." : "0.") + text.filter(\.isNumber) }
      let mine = try Self.cursorDouble(text)
      let tree = Self.treeDouble(text)
      #expect(mine?.bitPattern == tree?.bitPattern, "\(text): \(String(describing: mine)) vs \(String(describing: tree))")
      checked += 1
    }
    for text in ["0", "-0", "-0.0", "0.1", "33.3", "1e999", "-1e999", "1e-400", "5e-324", "123456789012345", "1234567890123456",
      "999999999999999.9", "0.000000000000001", "100", "9007199254740993"]
    {
      #expect(try Self.cursorDouble(text)?.bitPattern == Self.treeDouble(text)?.bitPattern, "\(text)")
    }
    #expect(checked == 40_000)
  }

  @Test func aValueReadInPlaceIsTheParsersValue() throws {
    let text = #"{"a": [1, {"b": "c\u00e9"}], "d": null}"#
    let bytes = Array(text.utf8)
    let tree = try JSON.parse(bytes)
    let pieces = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) -> (JSONValue, JSONValue, Bool) in
      var cursor = JSONCursor(bytes: buffer)
      let whole = try cursor.value(depth: 0)
      let atEnd = cursor.isAtEnd
      cursor.index = 6  // the array of "a"
      return (whole, try cursor.value(depth: 1), atEnd)
    }
    #expect(pieces.0 == tree)
    #expect(pieces.1 == tree["a"])
    #expect(pieces.2)
  }

  @Test func enclosingLevelsCountTowardsTheNestingLimit() {
    let bytes = Array((String(repeating: "[", count: 10) + String(repeating: "]", count: 10)).utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var cursor = JSONCursor(bytes: buffer, maxDepth: 12)
      #expect(throws: Never.self) { _ = try cursor.value(depth: 2) }
      cursor.index = 0
      #expect(throws: JSONSyntaxError.self) { _ = try cursor.value(depth: 3) }
    }
  }

  @Test func eightBytesAtATimeStopAtEveryByteThatNeedsALook() {
    for byte in UInt8(0)...UInt8(255) {
      let plain = byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
      for position in 0..<8 {
        var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
        word[position] = byte
        let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(JSONReader.isPlainASCII(value) == plain, "byte \(byte) at \(position)")
      }
    }
  }

  @Test func longStringsReportTheirFirstBadByteWhereverItIs() throws {
    for offset in 0..<24 {
      let head = Array("\"".utf8) + [UInt8](repeating: UInt8(ascii: "b"), count: offset)
      let tail = [UInt8](repeating: UInt8(ascii: "c"), count: 11) + Array("\"".utf8)
      #expect(syntaxError(head + [0x01] + tail)?.kind == .controlCharacterInString(0x01))
      #expect(syntaxError(head + [0x01] + tail)?.offset == offset + 1)
      #expect(syntaxError(head + [0xFF] + tail)?.kind == .invalidUTF8)
      #expect(syntaxError(head + [0xFF] + tail)?.offset == offset + 1)
      #expect(syntaxError(head + Array("\"".utf8) + tail)?.offset == offset + 2)
      let escaped = try JSON.parse(head + Array(#"\n\u00e9"#.utf8) + tail)
      #expect(escaped == .string(String(repeating: "b", count: offset) + "\né" + String(repeating: "c", count: 11)))
      let accented = try JSON.parse(head + Array("ñandú".utf8) + tail)
      #expect(accented == .string(String(repeating: "b", count: offset) + "ñandú" + String(repeating: "c", count: 11)))
    }
  }
}
