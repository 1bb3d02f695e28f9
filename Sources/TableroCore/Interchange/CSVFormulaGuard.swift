/// Keeps a CSV text cell from running as a formula when the sheet is opened in Excel or
/// LibreOffice (CSV injection, OWASP): a cell starting with `=`, `+`, `-`, `@`, tab or
/// carriage return gets a leading `'`. Numbers (`-30.0`, `+5`, `-2,5`, `-30.0%`) are left
/// alone: they are data, not formulas. Import removes exactly the `'` export added, so a
/// sheet reads back to what was written (docs/CSV.md, «Fórmulas»).
public enum CSVFormulaGuard {
  static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

  /// The cell as written to the file.
  public static func guarded(_ cell: String) -> String { needsGuard(cell) ? "'" + cell : cell }

  /// The cell as read from the file: one leading `'` removed when export would have added it.
  public static func unguarded(_ cell: String) -> String {
    guard cell.first == "'" else { return cell }
    let rest = String(cell.dropFirst())
    return needsGuard(rest) ? rest : cell
  }

  /// Text that starts with a trigger, after any `'` already there (so a cell that itself
  /// begins with `'=` also gets one more, and reads back with its own).
  static func needsGuard(_ cell: String) -> Bool {
    let core = cell.drop { $0 == "'" }
    guard let first = core.first, triggers.contains(first) else { return false }
    return !isNumber(core)
  }

  /// Sign, digits, optional decimal point or comma with digits, optional `%`.
  static func isNumber(_ text: Substring) -> Bool {
    var t = text.unicodeScalars[...]
    if t.first == "+" || t.first == "-" { t.removeFirst() }
    if t.last == "%" { t.removeLast() }
    let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      .flatMap { $0.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false) }
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
  }
}
