/// Import of indicators and of their measurements from a CSV (docs/CSV.md, "Indicadores").
/// The header decides the layout: with a `fecha` column each row is a measurement, otherwise
/// each row is an indicator. Every row is checked and every problem listed; none applied if any.
public enum IndicatorCSV {
  public enum Layout: Sendable { case indicators, measurements }

  public struct Summary: Equatable, Sendable {
    public var added: [String] = []
    public var updated: [String] = []
    public var measurements = 0
  }

  public struct ImportResult: Sendable {
    public var portfolio: Portfolio
    public var layout: Layout
    public var summary: Summary
    public var encoding: CSVEncoding
    public var delimiter: Character
    public var warnings: [String]
  }

  public typealias Problem = InitiativeCSV.Problem
  public typealias ImportError = InitiativeCSV.ImportError

  static let indicatorColumns = [
    "id", "pertenece_a", "nombre", "unidad", "tipo", "sentido", "periodicidad", "acumulacion",
    "linea_base_anio", "linea_base_valor", "linea_base_nota", "metas",
    "meta_final_anio", "meta_final_valor", "meta_final_nota", "metodo", "fuente",
  ]
  static let indicatorRequired = ["id", "pertenece_a", "nombre"]
  static let measurementColumns = ["indicador", "fecha", "valor", "nota", "registro"]
  static let measurementRequired = ["indicador", "fecha", "valor"]

  /// Reads the bytes of a CSV file (any encoding and delimiter the initiative import reads).
  /// `by` is who records measurements whose row leaves `registro` empty.
  public static func importFile(_ bytes: [UInt8], into original: Portfolio, by: String = "", language l: Language = .es)
    throws(ImportError) -> ImportResult
  {
    let known = Set(indicatorColumns + measurementColumns)
    let (table, encoding) = try InitiativeCSV.readTable(bytes, known: known)
    let delimiter = table.delimiter
    guard let headerRecord = table.records.first else { throw .encoding(.empty) }
    let header = headerRecord.fields.map(CSVTable.normalizeHeader)
    let layout: Layout = header.contains("fecha") || header.contains("indicador") ? .measurements : .indicators
    let required = layout == .indicators ? indicatorRequired : measurementRequired
    let columns = layout == .indicators ? indicatorColumns : measurementColumns
    let (index, warnings) = try InitiativeCSV.headerIndex(
      header, required: required, known: Set(columns), delimiter: delimiter,
      docs: ("docs/CSV.md, «Indicadores»", "docs/CSV.md, \"Indicadores\""), language: l)
    var portfolio = original
    var summary = Summary()
    var problems: [Problem] = []
    var rowOfID: [String: Int] = [:]
    for record in table.records.dropFirst() {
      if record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
      let c = InitiativeCSV.RowContext(index: index, row: record.fields, line: record.row)
      switch layout {
      case .indicators:
        let id = c.field("id")
        if let first = rowOfID[id] {
          problems.append(Problem(
            row: record.row, column: "id",
            message: l.pick("el id \"\(id)\" está repetido: ya aparece en la fila \(first)",
                            "the id \"\(id)\" is repeated: it already appears in row \(first)")))
          continue
        }
        rowOfID[id] = record.row
        applyIndicator(c, to: &portfolio, summary: &summary, problems: &problems, language: l)
      case .measurements:
        applyMeasurement(c, by: by, to: &portfolio, summary: &summary, problems: &problems, language: l)
      }
    }
    if !problems.isEmpty { throw .problems(problems) }
    return ImportResult(
      portfolio: portfolio, layout: layout, summary: summary, encoding: encoding, delimiter: delimiter,
      warnings: warnings)
  }

  /// One indicator row: added, or updated in the columns the sheet has (measurements are kept).
  static func applyIndicator(
    _ c: InitiativeCSV.RowContext, to portfolio: inout Portfolio, summary: inout Summary, problems: inout [Problem],
    language l: Language
  ) {
    let before = problems.count
    func fail(_ column: String, _ es: String, _ en: String) {
      problems.append(Problem(row: c.line, column: column, message: l.pick(es, en)))
    }
    let id = c.field("id")
    let name = c.field("nombre")
    let owner = c.field("pertenece_a")
    if !PortfolioValidator.isValidID(id) { fail("id", "identificador no válido \"\(id)\"", "invalid id \"\(id)\"") }
    if name.isEmpty { fail("nombre", "el nombre está vacío", "the name is empty") }
    if portfolio.imperativeIndex(owner) == nil, portfolio.componentIndex(owner) == nil {
      fail("pertenece_a", "no existe el imperativo o componente \"\(owner)\"", "there is no imperative or component \"\(owner)\"")
    }
    func choice<T>(_ column: String, _ options: [(words: [String], value: T)], _ shown: String) -> T? {
      let text = c.field(column)
      if text.isEmpty { return nil }
      let folded = fold(text)
      if let match = options.first(where: { $0.words.contains(folded) }) { return match.value }
      fail(column, "valor no válido \"\(text)\" (\(shown))", "invalid value \"\(text)\" (\(shown))")
      return nil
    }
    let kind = choice("tipo", [(["estrategico", "strategic"], IndicatorKind.strategic),
                               (["de gestion", "gestion", "management"], .management)], "estratégico o de gestión")
    let trend = choice("sentido", [(["ascendente", "ascending"], IndicatorTrend.ascending),
                                   (["descendente", "descending"], .descending),
                                   (["constante", "constant"], .constant)], "ascendente, descendente o constante")
    let periodicity = choice("periodicidad", [(["mensual", "monthly"], IndicatorPeriodicity.monthly),
                                              (["trimestral", "quarterly"], .quarterly),
                                              (["semestral", "semiannual"], .semiannual),
                                              (["anual", "annual"], .annual)], "mensual, trimestral, semestral o anual")
    let accumulation = choice("acumulacion", [(["acumulado", "cumulative"], IndicatorAccumulation.cumulative),
                                              (["periodico", "periodic"], .periodic)], "acumulado o periódico")
    func target(_ prefix: String) -> IndicatorTarget? {
      let yearText = c.field(prefix + "_anio"), valueText = c.field(prefix + "_valor")
      if yearText.isEmpty, valueText.isEmpty { return nil }
      guard let year = Int(yearText), (1900...2200).contains(year) else {
        fail(prefix + "_anio", "año no válido \"\(yearText)\" (AAAA)", "invalid year \"\(yearText)\" (YYYY)")
        return nil
      }
      guard let value = MeasurementValue(valueText) else {
        fail(prefix + "_valor", "\"\(valueText)\" no es un valor (63.5 o 63,5) ni un motivo de ausencia (N.D., N.A.)",
             "\"\(valueText)\" is not a value (63.5) nor a reason for its absence (N.D., N.A.)")
        return nil
      }
      return IndicatorTarget(year: year, value: value.value, reason: value.reason, note: c.field(prefix + "_nota"))
    }
    let baseline = target("linea_base")
    let finalGoal = target("meta_final")
    var goals: [IndicatorTarget] = []
    for entry in c.field("metas").split(whereSeparator: { $0 == ";" || $0 == "|" }) {
      let parts = entry.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
      guard parts.count == 2, let year = Int(parts[0]), (1900...2200).contains(year),
        let value = MeasurementValue(parts[1])
      else {
        let text = String(entry).trimmingSpaces()
        fail("metas", "meta no válida \"\(text)\" (AAAA: valor; p. ej. 2013: 40; 2014: 38)",
             "invalid goal \"\(text)\" (YYYY: value; e.g. 2013: 40; 2014: 38)")
        continue
      }
      goals.append(IndicatorTarget(year: year, value: value.value, reason: value.reason))
    }
    goals.sort { $0.year < $1.year }
    guard problems.count == before else { return }
    if let i = portfolio.indicatorIndex(id) {
      var x = portfolio.indicators[i]
      x.name = name
      x.ownerID = owner
      if c.has("unidad") { x.unit = c.field("unidad") }
      if let kind { x.kind = kind }
      if let trend { x.trend = trend }
      if let periodicity { x.periodicity = periodicity }
      if let accumulation { x.accumulation = accumulation }
      if c.has("linea_base_anio") || c.has("linea_base_valor") { x.baseline = baseline }
      if c.has("metas") { x.goals = goals }
      if c.has("meta_final_anio") || c.has("meta_final_valor") { x.finalGoal = finalGoal }
      if c.has("metodo") { x.method = c.field("metodo") }
      if c.has("fuente") { x.source = c.field("fuente") }
      portfolio.indicators[i] = x
      summary.updated.append(id)
    } else {
      portfolio.indicators.append(Indicator(
        id: id, name: name, ownerID: owner, unit: c.field("unidad"), kind: kind ?? .strategic,
        trend: trend ?? .ascending, periodicity: periodicity ?? .annual, accumulation: accumulation ?? .periodic,
        baseline: baseline, goals: goals, finalGoal: finalGoal, method: c.field("metodo"), source: c.field("fuente")))
      summary.added.append(id)
    }
  }

  /// One measurement row, for an indicator already in the portfolio; the same date replaces.
  static func applyMeasurement(
    _ c: InitiativeCSV.RowContext, by: String, to portfolio: inout Portfolio, summary: inout Summary,
    problems: inout [Problem], language l: Language
  ) {
    let before = problems.count
    func fail(_ column: String, _ es: String, _ en: String) {
      problems.append(Problem(row: c.line, column: column, message: l.pick(es, en)))
    }
    let id = c.field("indicador")
    if portfolio.indicatorIndex(id) == nil {
      fail("indicador", "no existe el indicador \"\(id)\" (impórtelo antes en un CSV de indicadores)",
           "there is no indicator \"\(id)\" (import it first from an indicators CSV)")
    }
    let dateText = c.field("fecha")
    let day = Day(userText: dateText)
    if day == nil {
      fail("fecha", "fecha no válida \"\(dateText)\" (DD/MM/AAAA)", "invalid date \"\(dateText)\" (DD/MM/YYYY)")
    }
    let valueText = c.field("valor")
    let value = MeasurementValue(valueText)
    if value == nil {
      fail("valor", "\"\(valueText)\" no es un valor (63.5 o 63,5) ni un motivo de ausencia (N.D., N.A.)",
           "\"\(valueText)\" is not a value (63.5) nor a reason for its absence (N.D., N.A.)")
    }
    guard problems.count == before, let day, let value else { return }
    let who = c.field("registro")
    let m = Measurement(day: day, value: value.value, reason: value.reason, note: c.field("nota"), by: who.isEmpty ? by : who)
    do {
      try portfolio.recordMeasurement(m, of: id)
      summary.measurements += 1
    } catch {
      fail("valor", error.message(l), error.message(l))
    }
  }

  /// Lower case without Spanish accents, so "Estratégico" and "estrategico" both match.
  static func fold(_ text: String) -> String {
    let map: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u"]
    return String(text.lowercased().map { map[$0] ?? $0 }).split(separator: " ").joined(separator: " ")
  }
}
