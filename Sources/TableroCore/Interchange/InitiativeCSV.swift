import Foundation

/// A spreadsheet round trip of initiatives: one row per initiative (docs/CSV.md).
/// Import adds or updates initiatives by id, and creates the components and imperatives a
/// row names when they do not exist yet, so a whole portfolio can start life as a sheet.
public enum InitiativeCSV {
  public static let columns = [
    "imperativo", "nombre_imperativo", "componente", "nombre_componente", "id", "nombre",
    "plazo", "impacto_rapido", "responsable", "inicio", "fin", "ponderacion", "avance", "notas",
  ]
  /// Every column import understands.
  static let allColumns = columns

  public static func export(_ portfolio: Portfolio) -> String {
    var lines = [columns.map(quote).joined(separator: ",")]
    let imperativesByComponent = Dictionary(
      grouping: portfolio.imperatives.flatMap { imp in imp.members.map { ($0.componentID, imp) } },
      by: { $0.0 })
    var componentsByID: [String: Component] = [:]
    for c in portfolio.components where componentsByID[c.id] == nil { componentsByID[c.id] = c }
    for initiative in portfolio.initiatives {
      let first = imperativesByComponent[initiative.componentID]?.first?.1
      let fields = [
        first?.id ?? "", first?.name ?? "", initiative.componentID,
        componentsByID[initiative.componentID]?.name ?? "", initiative.id, initiative.name,
        initiative.horizon == .short ? "corto" : "mediano", initiative.isQuickWin ? "sí" : "no",
        initiative.responsible, initiative.start.display, initiative.end.display,
        Format.number(initiative.weight), Format.number(initiative.actualProgress), initiative.notes,
      ]
      lines.append(fields.map(quote).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// RFC 4180 quoting, only where needed so the file stays readable.
  public static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// "40", "40.5", "40,5", "40%"; empty gives the default.
  static func number(_ text: String, default value: Double) -> Double? {
    var t = text.replacingOccurrences(of: "%", with: "").trimmingSpaces()
    if t.isEmpty { return value }
    if !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
    guard let d = Double(t), d.isFinite else { return nil }
    return d
  }
}
