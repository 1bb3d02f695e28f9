/// RFC 4180 records with a chosen delimiter, numbered as a spreadsheet numbers its rows
/// (the header is row 1; a quoted field spanning lines is still one row). Lenient where
/// Excel is: a quote inside an unquoted field is a plain character.
public struct CSVTable: Equatable, Sendable {
  public struct Record: Equatable, Sendable {
    /// 1-based row number, the header being row 1 (blank rows count).
    public var row: Int
    public var fields: [String]
  }

  public var delimiter: Character
  public var records: [Record]

  public enum ParseError: Error, Equatable, Sendable {
    /// A field opened with `"` that never closes: row where it opened, 0-based field index.
    case unterminatedQuote(row: Int, field: Int)
  }

  public static let delimiters: [Character] = [",", ";", "\t"]

  public static func parse(_ text: String, delimiter: Character) throws(ParseError) -> CSVTable {
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var fieldStarted = false  // something (even "") was read for this field
    var row = 1
    var recordRow = 1
    let separator = delimiter.unicodeScalars.first ?? ","
    var scalars = text.unicodeScalars[...]
    func endField() {
      // What export guarded against formulas reads back as it was (CSVFormulaGuard).
      fields.append(CSVFormulaGuard.unguarded(String(field)))
      field = String.UnicodeScalarView()
      fieldStarted = false
    }
    func endRecord() {
      endField()
      records.append(Record(row: recordRow, fields: fields))
      fields = []
    }
    while let c = scalars.popFirst() {
      if quoted {
        if c == "\"" {
          if scalars.first == "\"" {
            field.append("\"")
            scalars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"" where !fieldStarted && field.allSatisfy({ $0 == " " }):
        field = String.UnicodeScalarView()
        quoted = true
        fieldStarted = true
      case separator:
        endField()
      case "\r", "\n":
        if c == "\r", scalars.first == "\n" { scalars.removeFirst() }
        endRecord()
        row += 1
        recordRow = row
      default:
        field.append(c)
      }
    }
    if quoted { throw .unterminatedQuote(row: recordRow, field: fields.count) }
    if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
    return CSVTable(delimiter: delimiter, records: records)
  }

  /// The delimiter whose split of the first row names the most `known` columns; with no
  /// match, the one that splits it into the most fields; a comma when nothing splits it.
  public static func detectDelimiter(_ text: String, known: Set<String>) -> Character {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    var best: (delimiter: Character, matches: Int, count: Int) = (",", -1, 0)
    for d in delimiters {
      let names = splitLine(String(firstLine), d).map { normalizeHeader($0) }
      let matches = names.filter { known.contains($0) }.count
      if matches > best.matches || (matches == best.matches && names.count > best.count) {
        best = (d, matches, names.count)
      }
    }
    return best.delimiter
  }

  /// A header cell as matched: trimmed, lower case, surrounding quotes removed.
  public static func normalizeHeader(_ name: String) -> String {
    var t = name.trimmingSpaces()
    if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
    return t.trimmingSpaces().lowercased()
  }

  /// One line split on `d` outside quotes (for detection only; no unquoting needed).
  static func splitLine(_ line: String, _ d: Character) -> [String] {
    var parts: [String] = []
    var current = ""
    var quoted = false
    for c in line {
      if c == "\"" { quoted.toggle() }
      if c == d, !quoted {
        parts.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current)
    return parts
  }
}
