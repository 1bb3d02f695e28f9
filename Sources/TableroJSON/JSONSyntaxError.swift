/// Why and where a document is not valid JSON.
///
/// The kinds are precise so the domain layer can explain each one in English or
/// Spanish (the wording lives there); the position lets a user find the spot in an
/// editor: `line` and `column` are 1-based, and columns count Unicode scalars, not
/// bytes, so "línea 3, columna 5" matches what a text editor shows.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: Equatable, Sendable {
    /// The input has no value at all (no bytes, or only whitespace).
    case empty
    /// The input ends in the middle of a value (an unclosed string, array or object).
    case unexpectedEnd
    /// A character that cannot appear here; `expected` says what could.
    case unexpectedCharacter(Unicode.Scalar, expected: Expected)
    /// A misspelled `true`, `false` or `null` (such as `nul` or `tru3`); the offset is its first letter.
    case invalidLiteral
    /// A comma right before `]` or `}`; the offset is the comma.
    case trailingComma
    /// Bytes that are not valid UTF-8 (overlong, surrogate, truncated, or > U+10FFFF);
    /// the offset is the first bad byte.
    case invalidUTF8
    /// The file starts with a UTF-8 byte order mark, which RFC 8259 forbids.
    case byteOrderMark
    /// A NUL byte, which usually means a binary or UTF-16 file.
    case nulByte
    /// A raw control character (U+0001–U+001F, such as a tab or a line break) inside a string;
    /// it must be written as an escape such as `\t` or `\n`.
    case controlCharacterInString(UInt8)
    /// A backslash followed by something other than `" \ / b f n r t u`; the offset is the backslash.
    case invalidEscape
    /// `\u` not followed by four hexadecimal digits; the offset is the backslash.
    case invalidUnicodeEscape
    /// A `\u` escape of a UTF-16 surrogate that is not part of a valid high+low pair;
    /// the payload is the offending code unit, the offset is its backslash.
    case loneSurrogate(UInt16)
    /// A malformed number (leading zero, `-` alone, `1.`, `1e`); the offset is its first character.
    case invalidNumber
    /// Arrays and objects nested deeper than `limit`; the offset is the bracket that goes too deep.
    case tooDeep(limit: Int)
    /// Something other than whitespace after the single top-level value.
    case trailingContent
  }

  /// What the parser was ready to accept when it met an unexpected character.
  public enum Expected: Equatable, Sendable {
    /// Any value: object, array, string, number, `true`, `false` or `null`.
    case value
    /// An object key (a string in double quotes).
    case key
    /// The `:` after an object key.
    case colon
    /// `,` or `]` after an array element.
    case commaOrEndOfArray
    /// `,` or `}` after an object member.
    case commaOrEndOfObject
  }

  public var kind: Kind
  /// Byte offset from the start of the input (0-based).
  public var offset: Int
  /// Line number, 1-based; lines end with `\n`.
  public var line: Int
  /// Column number, 1-based, in Unicode scalars.
  public var column: Int

  public init(kind: Kind, offset: Int, line: Int, column: Int) {
    self.kind = kind
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// For logs and test failures only; user-facing wording is done by the domain layer.
  public var description: String {
    "\(kind) at line \(line), column \(column) (byte \(offset))"
  }

  /// Computes line and column for a byte offset, only when an error is reported,
  /// so the parser's hot loops do not track positions.
  static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    let end = min(max(offset, 0), bytes.count)
    var index = 0
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1  // continuation bytes do not start a new scalar
      }
      index += 1
    }
    return (line, column)
  }
}
