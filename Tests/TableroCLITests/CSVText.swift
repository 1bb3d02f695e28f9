/// A small RFC 4180 reader for checking CSV output in tests (quotes, doubled quotes, CRLF).
enum CSVText {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"": quoted = true
      case ",": row.append(field); field = ""
      case "\r": break
      case "\n": row.append(field); rows.append(row); row = []; field = ""
      default: field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }

  /// Rows as dictionaries keyed by the header row.
  static func records(_ text: String) -> [[String: String]] {
    let rows = parse(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { row in
      var record: [String: String] = [:]
      for (i, name) in header.enumerated() where i < row.count { record[name] = row[i] }
      return record
    }
  }
}
