/// Import of a sheet of initiatives (docs/CSV.md): every row or none.
extension InitiativeCSV {
  public struct Problem: Equatable, Sendable {
    /// 1-based row, the header being row 1 (a spreadsheet row: a quoted field may span lines).
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
    /// Components whose dates a row stated (inicio_componente, fin_componente).
    var statedComponentDates: Set<String> = []
  }

  /// What an import produced, and how the file was read.
  public struct ImportResult: Sendable {
    public var portfolio: Portfolio
    public var summary: Summary
    public var encoding: CSVEncoding
    public var delimiter: Character
    /// Things the user should know although nothing failed (already in the chosen language).
    public var warnings: [String]
  }

  public enum ImportError: Error, Equatable, Sendable {
    case encoding(CSVEncoding.DecodeError)
    /// The first row names none of the known columns.
    case missingHeader(firstRow: [String], delimiter: Character)
    case missingColumns(missing: [String], found: [String], delimiter: Character)
    case unterminatedQuote(row: Int, column: String)
    case problems([Problem])

    /// The message lines, in `language`, for `file`.
    public func describe(_ l: Language, file: String) -> [String] {
      switch self {
      case .encoding(.empty):
        return [l.pick("\(file): el archivo está vacío: no tiene fila de encabezados ni filas de datos",
                       "\(file): the file is empty: it has no header row and no data rows")]
      case .encoding(.utf16WithoutBOM):
        return [l.pick(
          "\(file): parece UTF-16 sin marca de orden de bytes (BOM), no se puede saber cómo leerlo; guárdelo como «CSV UTF-8 (delimitado por comas)»",
          "\(file): looks like UTF-16 without a byte order mark (BOM), so it cannot be read reliably; save it as \"CSV UTF-8 (Comma delimited)\"")]
      case .encoding(.invalidUTF16(let offset)):
        return [l.pick("\(file): UTF-16 no válido en el byte \(offset)", "\(file): invalid UTF-16 at byte \(offset)")]
      case .missingHeader(let first, let delimiter):
        let shown = first.prefix(6).map { "«\($0)»" }.joined(separator: ", ")
        return [
          l.pick("\(file): fila 1: falta la fila de encabezados; la primera fila debe nombrar las columnas (\(requiredColumns.joined(separator: ", ")) …)",
                 "\(file): row 1: the header row is missing; the first row must name the columns (\(requiredColumns.joined(separator: ", ")) …)"),
          l.pick("  la fila 1 contiene: \(shown) (separador \(Self.name(delimiter, l)))", "  row 1 holds: \(shown) (separator \(Self.name(delimiter, l)))"),
        ]
      case .missingColumns(let missing, let found, let delimiter):
        var lines = [
          l.pick("\(file): faltan columnas: ", "\(file): missing columns: ") + missing.joined(separator: ", "),
          l.pick("  columnas encontradas (separador \(Self.name(delimiter, l))): ", "  columns found (separator \(Self.name(delimiter, l))): ")
            + (found.isEmpty ? "—" : found.joined(separator: ", ")),
        ]
        if found.count <= 1 || found.contains(where: { $0.contains(";") || $0.contains(",") || $0.contains("\t") }) {
          lines.append(l.pick(
            "  ¿otro separador? Tablero reconoce coma, punto y coma y tabulador en la fila de encabezados; revise que los nombres coincidan con docs/CSV.md",
            "  a different separator? Tablero recognises comma, semicolon and tab in the header row; check the names match docs/CSV.md"))
        }
        return lines
      case .unterminatedQuote(let row, let column):
        return [l.pick(
          "\(file): fila \(row), columna \(column): comilla sin cerrar: el campo empieza con \" y el archivo termina antes de la comilla de cierre (dentro de un campo entre comillas, una comilla se escribe \"\")",
          "\(file): row \(row), column \(column): unterminated quote: the field starts with \" and the file ends before the closing quote (inside a quoted field, a quote is written \"\")")]
      case .problems(let problems):
        return [l.pick("\(file): no se importó nada; problemas:", "\(file): nothing imported; problems:")]
          + problems.map { "  " + $0.describe(l) }
      }
    }

    public static func name(_ delimiter: Character, _ l: Language) -> String {
      switch delimiter {
      case ",": l.pick("coma «,»", "comma \",\"")
      case ";": l.pick("punto y coma «;»", "semicolon \";\"")
      case "\t": l.pick("tabulador", "tab")
      default: "«\(delimiter)»"
      }
    }
  }

  static let requiredColumns = ["componente", "id", "nombre", "inicio", "fin"]

  /// Reads the bytes of a CSV file (any encoding and delimiter docs/CSV.md names) and applies it.
  public static func importFile(_ bytes: [UInt8], into original: Portfolio, language: Language = .es)
    throws(ImportError) -> ImportResult
  {
    let (table, encoding) = try readTable(bytes, known: Set(allColumns))
    let delimiter = table.delimiter
    let (portfolio, summary, tableWarnings) = try importTable(table, into: original, language: language)
    let warnings = tableWarnings + imperativeWarnings(table, portfolio: portfolio, summary: summary, language: language)
    return ImportResult(
      portfolio: portfolio, summary: summary, encoding: encoding, delimiter: delimiter, warnings: warnings)
  }

  /// Applies UTF-8 text (tests and callers that already hold text).
  public static func importRows(_ text: String, into original: Portfolio, language: Language = .es)
    throws(ImportError) -> (Portfolio, Summary)
  {
    let result = try importFile(Array(text.utf8), into: original, language: language)
    return (result.portfolio, result.summary)
  }

  /// Components left in no imperative do not appear in the Cuadro 9: say so, and how to fix it.
  static func imperativeWarnings(_ table: CSVTable, portfolio: Portfolio, summary: Summary, language l: Language)
    -> [String]
  {
    let members = Set(portfolio.imperatives.flatMap { $0.members.map(\.componentID) })
    let orphans = summary.createdComponents.filter { !members.contains($0) }
    guard !orphans.isEmpty else { return [] }
    let header = table.records.first?.fields.map(CSVTable.normalizeHeader) ?? []
    let shown = orphans.prefix(5).joined(separator: ", ") + (orphans.count > 5 ? " …" : "")
    let why = header.contains("imperativo")
      ? l.pick("tienen la columna imperativo vacía", "have an empty imperativo column")
      : l.pick("el archivo no tiene la columna imperativo", "the file has no imperativo column")
    return [l.pick(
      "aviso: \(orphans.count) componentes nuevos no pertenecen a ningún imperativo (\(shown)): \(why), así que el Cuadro 9 y el reporte no los muestran. Para asignarlos, agregue la columna «imperativo» con el id del imperativo de cada fila y vuelva a importar el archivo (las iniciativas existentes se actualizan, no se duplican).",
      "warning: \(orphans.count) new components belong to no imperative (\(shown)): \(why), so the Cuadro 9 and the report do not show them. To attach them, add an \"imperativo\" column with each row's imperative id and import the file again (existing initiatives are updated, not duplicated).")]
  }

  /// Applies a parsed table: every row is checked and every problem listed; none applied if any.
  static func importTable(_ table: CSVTable, into original: Portfolio, language l: Language)
    throws(ImportError) -> (Portfolio, Summary, [String])
  {
    guard let headerRecord = table.records.first else { throw .encoding(.empty) }
    let header = headerRecord.fields.map(CSVTable.normalizeHeader)
    let known = Set(allColumns)
    if !header.contains(where: { known.contains($0) }) {
      throw .missingHeader(firstRow: headerRecord.fields.map { $0.trimmingSpaces() }, delimiter: table.delimiter)
    }
    let (index, warnings) = try headerIndex(
      header, required: requiredColumns, known: known, delimiter: table.delimiter,
      docs: ("docs/CSV.md", "docs/CSV.md"), language: l)
    var portfolio = original
    var summary = Summary()
    var problems: [Problem] = []
    var rowOfID: [String: Int] = [:]
    var context = RowContext(index: index)
    for record in table.records.dropFirst() {
      let row = record.fields
      if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
      context.row = row
      context.line = record.row
      let before = problems.count
      let fields = RowFields(context, language: l, problems: &problems)
      if let first = rowOfID[fields.id], PortfolioValidator.isValidID(fields.id) {
        problems.append(Problem(
          row: record.row, column: "id",
          message: l.pick("el id \"\(fields.id)\" está repetido: ya aparece en la fila \(first)",
                          "the id \"\(fields.id)\" is repeated: it already appears in row \(first)")))
      } else if PortfolioValidator.isValidID(fields.id) {
        rowOfID[fields.id] = record.row
      }
      guard problems.count == before, let valid = fields.valid else { continue }
      apply(valid, context: context, to: &portfolio, summary: &summary, problems: &problems, language: l)
    }
    if !problems.isEmpty { throw .problems(problems) }
    // New memberships share their imperative's weight equally among the new components.
    for m in portfolio.imperatives.indices {
      let members = portfolio.imperatives[m].members
      if !members.isEmpty, members.allSatisfy({ $0.weight == 0 }) {
        let share = (100.0 / Double(members.count) * 10).rounded() / 10
        for k in members.indices { portfolio.imperatives[m].members[k].weight = share }
      }
    }
    return (portfolio, summary, warnings)
  }

  /// The current row and where each column is.
  struct RowContext {
    var index: [String: Int]
    var row: [String] = []
    var line = 0
    func field(_ name: String) -> String {
      guard let i = index[name], row.indices.contains(i) else { return "" }
      return row[i].trimmingSpaces()
    }
    func has(_ column: String) -> Bool { index[column] != nil }
  }

  /// One row's fields, each checked; `valid` only when all are.
  struct RowFields {
    struct Valid {
      var id, name, componentID, imperativeID: String
      var start, end: Day
      var weight, progress: Double
      var horizon: Horizon
      var quickWin: Bool
      /// The whole-portfolio columns, nil when empty or absent.
      var componentWeight, imperativeWeight: Double?
      var componentStart, componentEnd: Day?
      var phases: [Phase: DateRange] = [:]
      var milestones: [Milestone]?
      var otherImperatives: [MembershipCell.Entry] = []
    }
    var id: String
    var valid: Valid?

    init(_ c: RowContext, language l: Language, problems: inout [Problem]) {
      var failed = false
      func fail(_ column: String, _ es: String, _ en: String) {
        problems.append(Problem(row: c.line, column: column, message: l.pick(es, en)))
        failed = true
      }
      id = c.field("id")
      let name = c.field("nombre")
      let componentID = c.field("componente")
      let imperativeID = c.field("imperativo")
      if !PortfolioValidator.isValidID(id) { fail("id", "identificador no válido \"\(id)\"", "invalid id \"\(id)\"") }
      if name.isEmpty { fail("nombre", "el nombre está vacío", "the name is empty") }
      if !PortfolioValidator.isValidID(componentID) {
        fail("componente", "identificador de componente no válido \"\(componentID)\"", "invalid component id \"\(componentID)\"")
      }
      if !imperativeID.isEmpty, !PortfolioValidator.isValidID(imperativeID) {
        fail("imperativo", "identificador no válido \"\(imperativeID)\"", "invalid id \"\(imperativeID)\"")
      }
      let start = Day(userText: c.field("inicio"))
      let end = Day(userText: c.field("fin"))
      if start == nil { fail("inicio", "fecha no válida \"\(c.field("inicio"))\" (DD/MM/AAAA)", "invalid date \"\(c.field("inicio"))\" (DD/MM/YYYY)") }
      if end == nil { fail("fin", "fecha no válida \"\(c.field("fin"))\" (DD/MM/AAAA)", "invalid date \"\(c.field("fin"))\" (DD/MM/YYYY)") }
      if let start, let end, end < start { fail("fin", "fecha de fin anterior al inicio", "end date before the start") }
      let weight = InitiativeCSV.number(c.field("ponderacion"), default: 1)
      let progress = InitiativeCSV.number(c.field("avance"), default: 0)
      if weight == nil || (weight ?? 0) < 0 {
        fail("ponderacion", "ponderación no válida \"\(c.field("ponderacion"))\"", "invalid weight \"\(c.field("ponderacion"))\"")
      }
      if progress == nil || !(0...100).contains(progress ?? -1) {
        fail("avance", "avance no válido \"\(c.field("avance"))\" (0–100)", "invalid progress \"\(c.field("avance"))\" (0–100)")
      }
      var horizon = Horizon.short
      switch c.field("plazo").lowercased() {
      case "", "corto", "short", "c": horizon = .short
      case "mediano", "medium", "m": horizon = .medium
      default: fail("plazo", "plazo no válido \"\(c.field("plazo"))\" (corto o mediano)", "invalid horizon \"\(c.field("plazo"))\" (corto or mediano)")
      }
      var quickWin = false
      switch c.field("impacto_rapido").lowercased() {
      case "", "no", "n", "false", "0": quickWin = false
      case "sí", "si", "s", "yes", "y", "true", "1", "*": quickWin = true
      default: fail("impacto_rapido", "valor no válido \"\(c.field("impacto_rapido"))\" (sí o no)", "invalid value \"\(c.field("impacto_rapido"))\" (sí or no)")
      }
      func optionalNumber(_ column: String) -> Double? {
        let text = c.field(column)
        if text.isEmpty { return nil }
        guard let value = InitiativeCSV.number(text, default: 0), value >= 0 else {
          fail(column, "número no válido \"\(text)\" (≥ 0)", "invalid number \"\(text)\" (≥ 0)")
          return nil
        }
        return value
      }
      func optionalDay(_ column: String) -> Day? {
        let text = c.field(column)
        if text.isEmpty { return nil }
        guard let day = Day(userText: text) else {
          fail(column, "fecha no válida \"\(text)\" (DD/MM/AAAA)", "invalid date \"\(text)\" (DD/MM/YYYY)")
          return nil
        }
        return day
      }
      let componentWeight = optionalNumber("ponderacion_componente")
      let imperativeWeight = optionalNumber("ponderacion_imperativo")
      let componentStart = optionalDay("inicio_componente")
      let componentEnd = optionalDay("fin_componente")
      if (componentStart == nil) != (componentEnd == nil), !failed {
        fail(componentStart == nil ? "inicio_componente" : "fin_componente",
             "las fechas del componente van juntas: inicio_componente y fin_componente", "component dates go together: inicio_componente and fin_componente")
      }
      if let s = componentStart, let e = componentEnd, e < s { fail("fin_componente", "fecha de fin anterior al inicio", "end date before the start") }
      var phases: [Phase: DateRange] = [:]
      for (phase, prefix) in [(Phase.formulation, "formulacion"), (.implementation, "implementacion"), (.monitoring, "monitoreo")] {
        let s = optionalDay(prefix + "_inicio"), e = optionalDay(prefix + "_fin")
        if let s, let e {
          if e < s { fail(prefix + "_fin", "fecha de fin anterior al inicio", "end date before the start") } else { phases[phase] = DateRange(start: s, end: e) }
        } else if (s == nil) != (e == nil), c.field(prefix + "_inicio").isEmpty != c.field(prefix + "_fin").isEmpty {
          fail(s == nil ? prefix + "_inicio" : prefix + "_fin", "la fase necesita inicio y fin", "the phase needs a start and an end")
        }
      }
      var milestones: [Milestone]?
      if c.has("hitos") {
        switch MilestoneCell.parse(c.field("hitos"), language: l) {
        case .success(let list): milestones = list
        case .failure(let error): fail("hitos", error.message, error.message)
        }
      }
      var others: [MembershipCell.Entry] = []
      switch MembershipCell.parse(c.field("otros_imperativos"), language: l) {
      case .success(let list): others = list
      case .failure(let error): fail("otros_imperativos", error.message, error.message)
      }
      guard !failed, let start, let end, let weight, let progress else { return }
      valid = Valid(
        id: id, name: name, componentID: componentID, imperativeID: imperativeID, start: start, end: end,
        weight: weight, progress: progress, horizon: horizon, quickWin: quickWin, componentWeight: componentWeight,
        imperativeWeight: imperativeWeight, componentStart: componentStart, componentEnd: componentEnd, phases: phases,
        milestones: milestones, otherImperatives: others)
    }
  }

  /// Adds or updates one checked row, creating its component and imperative when missing.
  static func apply(
    _ v: RowFields.Valid, context c: RowContext, to portfolio: inout Portfolio, summary: inout Summary,
    problems: inout [Problem], language l: Language
  ) {
    func fail(_ column: String, _ es: String, _ en: String) {
      problems.append(Problem(row: c.line, column: column, message: l.pick(es, en)))
    }
    if portfolio.componentIndex(v.componentID) == nil {
      if portfolio.contains(id: v.componentID) {
        fail("componente", "\"\(v.componentID)\" ya se usa para otro elemento", "\"\(v.componentID)\" is already used by another item")
        return
      }
      let componentName = c.field("nombre_componente").isEmpty ? v.componentID : c.field("nombre_componente")
      portfolio.components.append(Component(id: v.componentID, name: componentName, start: v.start, end: v.end))
      summary.createdComponents.append(v.componentID)
    }
    if let k = portfolio.componentIndex(v.componentID) {
      if let s = v.componentStart, let e = v.componentEnd {
        // Stated dates win over the span of the rows.
        portfolio.components[k].start = s
        portfolio.components[k].end = e
        summary.statedComponentDates.insert(v.componentID)
      } else if summary.createdComponents.contains(v.componentID), !summary.statedComponentDates.contains(v.componentID) {
        portfolio.components[k].start = min(portfolio.components[k].start, v.start)
        portfolio.components[k].end = max(portfolio.components[k].end, v.end)
      }
      for (phase, range) in v.phases { portfolio.components[k].phases[phase] = range }
    }
    if !v.imperativeID.isEmpty {
      if portfolio.imperativeIndex(v.imperativeID) == nil {
        if portfolio.contains(id: v.imperativeID) {
          fail("imperativo", "\"\(v.imperativeID)\" ya se usa para otro elemento", "\"\(v.imperativeID)\" is already used by another item")
          return
        }
        let imperativeName = c.field("nombre_imperativo").isEmpty ? v.imperativeID : c.field("nombre_imperativo")
        portfolio.imperatives.append(Imperative(id: v.imperativeID, name: imperativeName))
        summary.createdImperatives.append(v.imperativeID)
      }
      if let m = portfolio.imperativeIndex(v.imperativeID) {
        if !portfolio.imperatives[m].members.contains(where: { $0.componentID == v.componentID }) {
          portfolio.imperatives[m].members.append(Membership(componentID: v.componentID, weight: 0))
        }
        if let w = v.componentWeight, let k = portfolio.imperatives[m].members.firstIndex(where: { $0.componentID == v.componentID }) {
          portfolio.imperatives[m].members[k].weight = w
        }
        if let w = v.imperativeWeight { portfolio.imperatives[m].weight = w }
      }
    }
    for other in v.otherImperatives {
      if portfolio.imperativeIndex(other.id) == nil {
        if portfolio.contains(id: other.id) {
          fail("otros_imperativos", "\"\(other.id)\" ya se usa para otro elemento", "\"\(other.id)\" is already used by another item")
          return
        }
        portfolio.imperatives.append(Imperative(id: other.id, name: other.name, weight: other.imperativeWeight))
        summary.createdImperatives.append(other.id)
      }
      guard let m = portfolio.imperativeIndex(other.id) else { continue }
      portfolio.imperatives[m].weight = other.imperativeWeight
      if let k = portfolio.imperatives[m].members.firstIndex(where: { $0.componentID == v.componentID }) {
        portfolio.imperatives[m].members[k].weight = other.weight
      } else {
        portfolio.imperatives[m].members.append(Membership(componentID: v.componentID, weight: other.weight))
      }
    }
    if let i = portfolio.initiativeIndex(v.id) {
      // An update changes only the columns the sheet has: a missing column keeps the value.
      portfolio.initiatives[i].name = v.name
      portfolio.initiatives[i].componentID = v.componentID
      if c.has("plazo") { portfolio.initiatives[i].horizon = v.horizon }
      if c.has("impacto_rapido") { portfolio.initiatives[i].isQuickWin = v.quickWin }
      if c.has("responsable") { portfolio.initiatives[i].responsible = c.field("responsable") }
      portfolio.initiatives[i].start = v.start
      portfolio.initiatives[i].end = v.end
      if c.has("ponderacion") { portfolio.initiatives[i].weight = v.weight }
      if c.has("avance") { portfolio.initiatives[i].actualProgress = v.progress }
      if c.has("notas") { portfolio.initiatives[i].notes = c.field("notas") }
      if let milestones = v.milestones { portfolio.initiatives[i].milestones = milestones }
      summary.updated.append(v.id)
    } else if portfolio.contains(id: v.id) {
      fail("id", "\"\(v.id)\" ya se usa para un componente o imperativo", "\"\(v.id)\" is already used by a component or imperative")
    } else {
      portfolio.initiatives.append(
        Initiative(
          id: v.id, name: v.name, componentID: v.componentID, horizon: v.horizon, isQuickWin: v.quickWin,
          responsible: c.field("responsable"), start: v.start, end: v.end, weight: v.weight,
          actualProgress: v.progress, milestones: v.milestones ?? [], notes: c.field("notas")))
      summary.added.append(v.id)
    }
  }
}
