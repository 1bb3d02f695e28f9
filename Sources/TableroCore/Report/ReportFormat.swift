/// Output formats of `tablero report` and exports.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, markdown, csv, json, html
}
