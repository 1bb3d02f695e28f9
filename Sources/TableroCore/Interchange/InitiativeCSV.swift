import CSV
import Foundation

/// A spreadsheet round trip of initiatives: one row per initiative (docs/CSV.md).
/// Import adds or updates initiatives by id, and creates the components and imperatives a
/// row names when they do not exist yet, so a whole portfolio can start life as a sheet.
public enum InitiativeCSV {
  public static let columns = [
    "imperativo", "nombre_imperativo", "componente", "nombre_componente", "id", "nombre",
    "plazo", "impacto_rapido", "responsable", "inicio", "fin", "ponderacion", "avance", "notas",
  ]

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
  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  public struct Problem: Equatable, Sendable {
    /// 1-based record number, the header being record 1 (a line, unless a quoted field spans lines).
    public var row: Int
    public var column: String
    public var message: String
    public func describe(_ language: Language) -> String {
      language.pick("fila \(row), columna \(column): \(message)", "row \(row), column \(column): \(message)")
    }
  }

  public struct Summary: Equatable, Sendable {
    public var added: [String] = []
    public var updated: [String] = []
    public var createdComponents: [String] = []
    public var createdImperatives: [String] = []
  }

  public enum ImportError: Error, Equatable, Sendable {
    case unreadable(String)
    case missingColumns([String])
    case problems([Problem])
  }

  /// Applies every row or none: any problem leaves the portfolio as it was.
  public static func importRows(_ text: String, into original: Portfolio, language: Language = .es)
    throws(ImportError) -> (Portfolio, Summary)
  {
    let l = language
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true)
    } catch {
      throw .unreadable("\(error)")
    }
    let header = (reader.headerRow ?? []).map { $0.trimmingSpaces().lowercased() }
    let required = ["componente", "id", "nombre", "inicio", "fin"]
    let missing = required.filter { !header.contains($0) }
    if !missing.isEmpty { throw .missingColumns(missing) }
    var index: [String: Int] = [:]
    for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }

    var portfolio = original
    var summary = Summary()
    var problems: [Problem] = []
    var line = 1
    while let row = reader.next() {
      line += 1
      if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
      func field(_ name: String) -> String {
        guard let i = index[name], row.indices.contains(i) else { return "" }
        return row[i].trimmingSpaces()
      }
      func fail(_ column: String, _ es: String, _ en: String) {
        problems.append(Problem(row: line, column: column, message: l.pick(es, en)))
      }
      let id = field("id")
      let name = field("nombre")
      let componentID = field("componente")
      guard PortfolioValidator.isValidID(id) else { fail("id", "identificador no válido \"\(id)\"", "invalid id \"\(id)\""); continue }
      if name.isEmpty { fail("nombre", "el nombre está vacío", "the name is empty") }
      guard PortfolioValidator.isValidID(componentID) else {
        fail("componente", "identificador de componente no válido \"\(componentID)\"", "invalid component id \"\(componentID)\"")
        continue
      }
      let start = Day(userText: field("inicio"))
      let end = Day(userText: field("fin"))
      if start == nil { fail("inicio", "fecha no válida \"\(field("inicio"))\" (DD/MM/AAAA)", "invalid date \"\(field("inicio"))\" (DD/MM/YYYY)") }
      if end == nil { fail("fin", "fecha no válida \"\(field("fin"))\" (DD/MM/AAAA)", "invalid date \"\(field("fin"))\" (DD/MM/YYYY)") }
      if let start, let end, end < start { fail("fin", "fecha de fin anterior al inicio", "end date before the start") }
      let weight = number(field("ponderacion"), default: 1)
      let progress = number(field("avance"), default: 0)
      if weight == nil || (weight ?? 0) < 0 { fail("ponderacion", "ponderación no válida \"\(field("ponderacion"))\"", "invalid weight \"\(field("ponderacion"))\"") }
      if progress == nil || !(0...100).contains(progress ?? -1) {
        fail("avance", "avance no válido \"\(field("avance"))\" (0–100)", "invalid progress \"\(field("avance"))\" (0–100)")
      }
      var horizon = Horizon.short
      switch field("plazo").lowercased() {
      case "", "corto", "short", "c": horizon = .short
      case "mediano", "medium", "m": horizon = .medium
      default: fail("plazo", "plazo no válido \"\(field("plazo"))\" (corto o mediano)", "invalid horizon \"\(field("plazo"))\" (corto or mediano)")
      }
      var quickWin = false
      switch field("impacto_rapido").lowercased() {
      case "", "no", "n", "false", "0": quickWin = false
      case "sí", "si", "s", "yes", "y", "true", "1", "*": quickWin = true
      default: fail("impacto_rapido", "valor no válido \"\(field("impacto_rapido"))\" (sí o no)", "invalid value \"\(field("impacto_rapido"))\" (sí or no)")
      }
      guard let start, let end, end >= start, let weight, weight >= 0, let progress, (0...100).contains(progress), !name.isEmpty
      else { continue }

      if portfolio.componentIndex(componentID) == nil {
        if portfolio.contains(id: componentID) {
          fail("componente", "\"\(componentID)\" ya se usa para otro elemento", "\"\(componentID)\" is already used by another item")
          continue
        }
        let componentName = field("nombre_componente").isEmpty ? componentID : field("nombre_componente")
        portfolio.components.append(Component(id: componentID, name: componentName, start: start, end: end))
        summary.createdComponents.append(componentID)
      }
      if let c = portfolio.componentIndex(componentID), summary.createdComponents.contains(componentID) {
        portfolio.components[c].start = min(portfolio.components[c].start, start)
        portfolio.components[c].end = max(portfolio.components[c].end, end)
      }
      let imperativeID = field("imperativo")
      if !imperativeID.isEmpty {
        if !PortfolioValidator.isValidID(imperativeID) {
          fail("imperativo", "identificador no válido \"\(imperativeID)\"", "invalid id \"\(imperativeID)\"")
          continue
        }
        if portfolio.imperativeIndex(imperativeID) == nil {
          if portfolio.contains(id: imperativeID) {
            fail("imperativo", "\"\(imperativeID)\" ya se usa para otro elemento", "\"\(imperativeID)\" is already used by another item")
            continue
          }
          let imperativeName = field("nombre_imperativo").isEmpty ? imperativeID : field("nombre_imperativo")
          portfolio.imperatives.append(Imperative(id: imperativeID, name: imperativeName))
          summary.createdImperatives.append(imperativeID)
        }
        if let m = portfolio.imperativeIndex(imperativeID),
          !portfolio.imperatives[m].members.contains(where: { $0.componentID == componentID })
        {
          portfolio.imperatives[m].members.append(Membership(componentID: componentID, weight: 0))
        }
      }
      if let i = portfolio.initiativeIndex(id) {
        // An update changes only the columns the sheet has: a missing column keeps the value.
        func has(_ column: String) -> Bool { index[column] != nil }
        portfolio.initiatives[i].name = name
        portfolio.initiatives[i].componentID = componentID
        if has("plazo") { portfolio.initiatives[i].horizon = horizon }
        if has("impacto_rapido") { portfolio.initiatives[i].isQuickWin = quickWin }
        if has("responsable") { portfolio.initiatives[i].responsible = field("responsable") }
        portfolio.initiatives[i].start = start
        portfolio.initiatives[i].end = end
        if has("ponderacion") { portfolio.initiatives[i].weight = weight }
        if has("avance") { portfolio.initiatives[i].actualProgress = progress }
        if has("notas") { portfolio.initiatives[i].notes = field("notas") }
        summary.updated.append(id)
      } else if portfolio.contains(id: id) {
        fail("id", "\"\(id)\" ya se usa para un componente o imperativo", "\"\(id)\" is already used by a component or imperative")
      } else {
        portfolio.initiatives.append(
          Initiative(
            id: id, name: name, componentID: componentID, horizon: horizon, isQuickWin: quickWin,
            responsible: field("responsable"), start: start, end: end, weight: weight,
            actualProgress: progress, notes: field("notas")))
        summary.added.append(id)
      }
    }
    if let error = reader.error { problems.append(Problem(row: line + 1, column: "-", message: "\(error)")) }
    if !problems.isEmpty { throw .problems(problems) }
    // New memberships share their imperative's weight equally among the new components.
    for m in portfolio.imperatives.indices {
      let members = portfolio.imperatives[m].members
      if !members.isEmpty, members.allSatisfy({ $0.weight == 0 }) {
        let share = (100.0 / Double(members.count) * 10).rounded() / 10
        for k in members.indices { portfolio.imperatives[m].members[k].weight = share }
      }
    }
    return (portfolio, summary)
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
