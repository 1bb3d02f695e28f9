/// The steps every CSV import shares (initiatives, indicators): decode, pick the delimiter,
/// parse, and check the header, with the same errors and warnings.
extension InitiativeCSV {
  /// Decodes the bytes, detects the delimiter among `known` column names and parses the table.
  static func readTable(_ bytes: [UInt8], known: Set<String>) throws(ImportError)
    -> (table: CSVTable, encoding: CSVEncoding)
  {
    let decoded: (text: String, encoding: CSVEncoding)
    do { decoded = try CSVEncoding.decode(bytes) } catch { throw .encoding(error) }
    if decoded.text.allSatisfy({ $0.isWhitespace }) { throw .encoding(.empty) }
    let delimiter = CSVTable.detectDelimiter(decoded.text, known: known)
    do {
      return (try CSVTable.parse(decoded.text, delimiter: delimiter), decoded.encoding)
    } catch {
      guard case .unterminatedQuote(let row, let field) = error else { throw .encoding(.empty) }
      // Name the column by its header when the quote opens below the header row.
      let header = (try? CSVTable.parse(String(decoded.text.prefix { $0 != "\n" && $0 != "\r" }), delimiter: delimiter))?
        .records.first?.fields.map(CSVTable.normalizeHeader) ?? []
      let column = row == 1 || !header.indices.contains(field) ? "\(field + 1)" : header[field]
      throw .unterminatedQuote(row: row, column: column)
    }
  }

  /// Checks that the `required` columns are present and warns about columns not in `known`
  /// (`docs` names where the valid names are); returns each column's first position.
  static func headerIndex(
    _ header: [String], required: [String], known: Set<String>, delimiter: Character,
    docs: (es: String, en: String), language l: Language
  ) throws(ImportError) -> (index: [String: Int], warnings: [String]) {
    let missing = required.filter { !header.contains($0) }
    if !missing.isEmpty {
      throw .missingColumns(missing: missing, found: header.filter { !$0.isEmpty }, delimiter: delimiter)
    }
    var warnings: [String] = []
    let unknown = header.filter { !$0.isEmpty && !known.contains($0) }
    if !unknown.isEmpty {
      warnings.append(l.pick(
        "aviso: columnas no reconocidas, ignoradas: \(unknown.joined(separator: ", ")) (nombres válidos en \(docs.es))",
        "warning: unrecognised columns, ignored: \(unknown.joined(separator: ", ")) (valid names in \(docs.en))"))
    }
    var index: [String: Int] = [:]
    for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
    return (index, warnings)
  }
}
