/// Strict UTF-8 checks done by hand so errors can name the exact bad byte
/// (the standard library would only replace it with U+FFFD).
enum UTF8Validation {
  /// The index just after the well-formed UTF-8 sequence starting at `position`,
  /// or nil when it is malformed: a stray continuation byte, an overlong form,
  /// an encoded surrogate, a value above U+10FFFF, or a sequence cut short.
  static func sequenceEnd(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
    let count = bytes.count
    guard position >= 0 && position < count else { return nil }
    let lead = bytes[position]
    if lead < 0x80 { return position + 1 }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0  // no overlongs
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F  // no surrogates
    case 0xF0: length = 4; low = 0x90  // no overlongs
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F  // nothing above U+10FFFF
    default: return nil  // continuation byte, C0, C1, F5...FF
    }
    guard position + length <= count else { return nil }
    let second = bytes[position + 1]
    guard second >= low && second <= high else { return nil }
    var offset = 2
    while offset < length {
      guard bytes[position + offset] & 0xC0 == 0x80 else { return nil }
      offset += 1
    }
    return position + length
  }

  /// The scalar encoded at `position`, or nil when the bytes there are not valid UTF-8.
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Unicode.Scalar? {
    guard let end = sequenceEnd(in: bytes, at: position) else { return nil }
    let lead = bytes[position]
    var value: UInt32
    switch end - position {
    case 1: return Unicode.Scalar(lead)
    case 2: value = UInt32(lead & 0x1F)
    case 3: value = UInt32(lead & 0x0F)
    default: value = UInt32(lead & 0x07)
    }
    for offset in (position + 1)..<end {
      value = value << 6 | UInt32(bytes[offset] & 0x3F)
    }
    return Unicode.Scalar(value)
  }

  /// Appends the UTF-8 encoding of `scalar` (used for `\u` escapes).
  static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
      output.append(UInt8(value))
    case 0x80..<0x800:
      output.append(0xC0 | UInt8(value >> 6))
      output.append(0x80 | UInt8(value & 0x3F))
    case 0x800..<0x10000:
      output.append(0xE0 | UInt8(value >> 12))
      output.append(0x80 | UInt8((value >> 6) & 0x3F))
      output.append(0x80 | UInt8(value & 0x3F))
    default:
      output.append(0xF0 | UInt8(value >> 18))
      output.append(0x80 | UInt8((value >> 12) & 0x3F))
      output.append(0x80 | UInt8((value >> 6) & 0x3F))
      output.append(0x80 | UInt8(value & 0x3F))
    }
  }
}
