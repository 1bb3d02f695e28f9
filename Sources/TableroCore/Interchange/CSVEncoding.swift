/// The text encodings a spreadsheet CSV arrives in, detected from its bytes (docs/CSV.md):
/// a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is Windows-1252, what
/// Excel writes for "CSV (delimitado por comas)" in a Spanish locale.
public enum CSVEncoding: String, Equatable, Sendable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8 con BOM"
  case utf16LE = "UTF-16 LE"
  case utf16BE = "UTF-16 BE"
  case windows1252 = "Windows-1252"

  public func label(_ language: Language) -> String {
    switch self {
    case .utf8BOM: language.pick("UTF-8 con BOM", "UTF-8 with BOM")
    default: rawValue
    }
  }

  public enum DecodeError: Error, Equatable, Sendable {
    case empty
    /// NUL bytes in every other position and no BOM: UTF-16 whose byte order cannot be known.
    case utf16WithoutBOM
    /// A UTF-16 file with a broken surrogate pair at this byte offset.
    case invalidUTF16(offset: Int)
  }

  /// The text and the encoding it was read in. Never invents U+FFFD: every byte sequence
  /// either decodes exactly or is an error.
  public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> (text: String, encoding: CSVEncoding) {
    if bytes.isEmpty { throw .empty }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      let rest = Array(bytes.dropFirst(3))
      if rest.isEmpty { throw .empty }
      if let text = String(validating: rest, as: UTF8.self) { return (text, .utf8BOM) }
      return (windows1252(rest), .windows1252)
    }
    if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes, littleEndian: true), .utf16LE) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes, littleEndian: false), .utf16BE) }
    if looksLikeUTF16(bytes) { throw .utf16WithoutBOM }
    if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
    return (windows1252(bytes), .windows1252)
  }

  /// Text as UTF-16 with no BOM has a NUL in most even or most odd positions (ASCII-heavy CSV).
  static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
    let sample = bytes.prefix(512)
    guard sample.count >= 4 else { return false }
    var even = 0, odd = 0
    for (i, b) in sample.enumerated() where b == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
    let half = sample.count / 2
    return even * 2 > half || odd * 2 > half
  }

  static func utf16(_ bytes: [UInt8], littleEndian: Bool) throws(DecodeError) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 2
    while i + 1 < bytes.count {
      let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      i += 2
    }
    if i < bytes.count { throw .invalidUTF16(offset: i) }
    var scalars = String.UnicodeScalarView()
    var iterator = units.makeIterator()
    var decoder = UTF16()
    var offset = 2
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        offset += scalar.value > 0xFFFF ? 4 : 2
      case .emptyInput: break loop
      case .error: throw .invalidUTF16(offset: offset)
      }
    }
    if scalars.isEmpty { throw .empty }
    return String(scalars)
  }

  /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F. The five bytes it leaves
  /// undefined map to the C1 control of the same value (as browsers do), never to U+FFFD.
  static func windows1252(_ bytes: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if (0x80...0x9F).contains(byte), let mapped = high[Int(byte - 0x80)] {
        scalars.append(mapped)
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  private static let high: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}
