import Foundation

/// A spreadsheet round trip of initiatives: one row per initiative (docs/CSV.md).
/// Import adds or updates initiatives by id, and creates the components and imperatives a
/// row names when they do not exist yet, so a whole portfolio can start life as a sheet.
public enum InitiativeCSV {
  /// The initiative columns (docs/CSV.md), the ones a hand-made sheet usually has.
  public static let columns = [
    "imperativo", "nombre_imperativo", "componente", "nombre_componente", "id", "nombre",
    "plazo", "impacto_rapido", "responsable", "inicio", "fin", "ponderacion", "avance", "notas",
  ]
  /// What the initiative columns cannot carry, so a whole portfolio round-trips: weights and
  /// dates of the component and imperative (repeated on each row of that component), the
  /// Cuadro 8 phases, and the milestones (one per line inside the cell).
  public static let portfolioColumns = [
    "ponderacion_componente", "ponderacion_imperativo", "inicio_componente", "fin_componente",
    "formulacion_inicio", "formulacion_fin", "implementacion_inicio", "implementacion_fin",
    "monitoreo_inicio", "monitoreo_fin", "hitos", "otros_imperativos",
  ]
  /// Every column import understands.
  static let allColumns = columns + portfolioColumns

  /// How the file is laid out: plain (UTF-8, comma, decimal point) or for Excel in a
  /// Spanish locale (UTF-8 with BOM so accents read right, semicolon, decimal comma).
  public enum Style: Sendable {
    case plain, excel
    var delimiter: Character { self == .excel ? ";" : "," }
  }

  public static func export(_ portfolio: Portfolio, style: Style = .plain) -> String {
    let d = style.delimiter
    func num(_ value: Double) -> String {
      let text = Format.number(value)
      return style == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
    }
    func row(_ fields: [String]) -> String { fields.map { quote($0, delimiter: d) }.joined(separator: String(d)) }
    var lines = [row(columns + portfolioColumns)]
    var firstImperative: [String: (Imperative, Double)] = [:]
    var otherImperatives: [String: [MembershipCell.Entry]] = [:]
    for imperative in portfolio.imperatives {
      for member in imperative.members {
        if firstImperative[member.componentID] == nil {
          firstImperative[member.componentID] = (imperative, member.weight)
        } else {
          otherImperatives[member.componentID, default: []].append(
            MembershipCell.Entry(id: imperative.id, weight: member.weight, imperativeWeight: imperative.weight, name: imperative.name))
        }
      }
    }
    var componentsByID: [String: Component] = [:]
    for c in portfolio.components where componentsByID[c.id] == nil { componentsByID[c.id] = c }
    for initiative in portfolio.initiatives {
      let first = firstImperative[initiative.componentID]
      let component = componentsByID[initiative.componentID]
      func phase(_ p: Phase) -> [String] {
        guard let r = component?.phases[p] else { return ["", ""] }
        return [r.start.display, r.end.display]
      }
      let fields = [
        first?.0.id ?? "", first?.0.name ?? "", initiative.componentID,
        component?.name ?? "", initiative.id, initiative.name,
        initiative.horizon == .short ? "corto" : "mediano", initiative.isQuickWin ? "sí" : "no",
        initiative.responsible, initiative.start.display, initiative.end.display,
        num(initiative.weight), num(initiative.actualProgress), initiative.notes,
        first.map { num($0.1) } ?? "", first.map { num($0.0.weight) } ?? "",
        component?.start.display ?? "", component?.end.display ?? "",
      ] + phase(.formulation) + phase(.implementation) + phase(.monitoring) + [
        MilestoneCell.text(initiative.milestones, decimalComma: style == .excel),
        MembershipCell.text(otherImperatives[initiative.componentID] ?? [], decimalComma: style == .excel),
      ]
      lines.append(row(fields))
    }
    let text = lines.joined(separator: "\r\n") + "\r\n"
    return style == .excel ? "\u{FEFF}" + text : text
  }

  /// RFC 4180 quoting, only where needed so the file stays readable; a text cell that a
  /// spreadsheet would run as a formula gets a leading `'` first (CSVFormulaGuard).
  public static func quote(_ field: String) -> String { quote(field, delimiter: ",") }

  static func quote(_ raw: String, delimiter: Character) -> String {
    let field = CSVFormulaGuard.guarded(raw)
    guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
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
