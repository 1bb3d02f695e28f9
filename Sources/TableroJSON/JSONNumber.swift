/// A JSON number kept as its original text.
///
/// Keeping the lexeme means a number we do not interpret (or interpret as a `Double`
/// with rounding) is written back exactly as it was read, so saving is byte-stable.
/// Equality is textual: `1` and `1.0` are different numbers for this type.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
  /// The number exactly as it appears in the file (always a valid RFC 8259 number).
  public let text: String

  /// Used by the parser, which has already checked the grammar.
  init(validatedText: String) {
    text = validatedText
  }

  /// A number from its JSON text; nil unless `lexeme` is exactly one RFC 8259 number
  /// (no spaces, no leading `+`, no leading zeros, no `NaN`/`Infinity`).
  public init?(lexeme: String) {
    var copy = lexeme
    let valid = copy.withUTF8 { bytes in
      JSONNumber.scan(bytes, from: 0) == bytes.count
    }
    guard valid else { return nil }
    text = lexeme
  }

  /// An integer, written as plain digits.
  public init(_ int: Int) {
    text = String(int)
  }

  /// A number from a `Double`; nil when it is NaN or infinite, which JSON cannot express.
  ///
  /// Integral values within ±2^53 are written without a fraction (`40`, `-30`, and `0`
  /// for -0.0) because percentages and weights are mostly whole; other values use
  /// Swift's shortest round-trip form (`33.3`, `1e+20`), which is also valid JSON.
  public init?(_ double: Double) {
    guard double.isFinite else { return nil }
    // A truncating conversion (in range by the first test) rather than `rounded()` or
    // `Int64(exactly:)`, which call libm's `trunc` and would need it at link time.
    if abs(double) <= 9_007_199_254_740_992, Double(Int64(double)) == double {
      text = String(Int64(double))
    } else {
      text = double.description
    }
  }

  /// The value as a `Double`, rounded to nearest.
  ///
  /// Nil when the magnitude is too large for a `Double` (for example `1e999999`), so
  /// callers never meet infinities; very small magnitudes become zero.
  public var double: Double? {
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// The value as an `Int` when it is exactly an integer that fits in `Int`.
  ///
  /// `40`, `-0`, `4.0` and `4e1` all give a value; `4.5` and `1e30` give nil.
  /// Check `isIntegerLexeme` too when the file must spell integers without a fraction.
  public var int: Int? {
    if isIntegerLexeme { return Int(text) }
    guard let value = double, abs(value) < 9.2e18, Double(Int(value)) == value else { return nil }
    return Int(value)
  }

  /// True when the text has no fraction and no exponent (`40`, `-3`).
  public var isIntegerLexeme: Bool {
    !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
  }

  public var description: String { text }

  /// Scans one number starting at `start` and returns the index just after it, or nil
  /// when the bytes there do not form a valid number. Shared by the parser and `init?(lexeme:)`.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let count = bytes.count
    var index = start
    if index < count && bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < count else { return nil }
    let first = bytes[index]
    if first == UInt8(ascii: "0") {
      index += 1
      if index < count && isDigit(bytes[index]) { return nil }  // leading zero
    } else if isDigit(first) {
      index += 1
      while index < count && isDigit(bytes[index]) { index += 1 }
    } else {
      return nil
    }
    if index < count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < count && isDigit(bytes[index]) else { return nil }
      while index < count && isDigit(bytes[index]) { index += 1 }
    }
    if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
      guard index < count && isDigit(bytes[index]) else { return nil }
      while index < count && isDigit(bytes[index]) { index += 1 }
    }
    return index
  }

  /// What `double` gives for the number spelled by `bytes` (already checked by `scan`), without
  /// making its text first when it has at most 15 digits and no exponent: those digits are then
  /// an exact integer and the power of ten an exact `Double`, so one division rounds correctly,
  /// as `Double(text)` does.
  static func double(validated bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let negative = bytes.count > 0 && bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    var significand: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var inFraction = false
    while index < bytes.count {
      let byte = bytes[index]
      if isDigit(byte) {
        significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
        digits += 1
        if inFraction { fractionDigits += 1 }
      } else if byte == UInt8(ascii: ".") {
        inFraction = true
      } else {
        digits = Int.max  // an exponent: the general path
        break
      }
      if digits > 15 { break }
      index += 1
    }
    guard digits <= 15 else {
      guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
      return value
    }
    var value = Double(significand)
    if fractionDigits > 0 { value /= powersOfTen[fractionDigits] }
    return negative ? -value : value
  }

  /// 10^0 … 10^15, all exact in a `Double`.
  private static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }
}
