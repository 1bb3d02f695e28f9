import TableroJSON

/// `tablero indicadores --format csv [--mediciones]`: the two layouts `import-indicadores`
/// reads (docs/CSV.md, «Indicadores»), so an export imports back to the same indicators.
extension IndicatorCSV {
  /// One row per indicator, with every column of the import layout, in file order.
  public static func exportIndicators(_ indicators: [Indicator]) -> String {
    var lines = [indicatorColumns.joined(separator: ",")]
    for x in indicators {
      let goals: String = x.goals.map { "\($0.year): \(valueText($0))" }.joined(separator: "; ")
      var fields: [String] = [x.id, x.ownerID, x.name, x.unit, kindWord(x.kind), trendWord(x.trend)]
      fields += [periodicityWord(x.periodicity), accumulationWord(x.accumulation)]
      fields += target(x.baseline) + [goals] + target(x.finalGoal) + [x.method, x.source]
      lines.append(fields.map(InitiativeCSV.quote).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// One row per measurement (indicador, fecha DD/MM/AAAA, valor or reason, nota, registro).
  public static func exportMeasurements(_ indicators: [Indicator]) -> String {
    var lines = [measurementColumns.joined(separator: ",")]
    for x in indicators {
      for m in x.measurements {
        let value = m.value.map(number) ?? m.reason
        lines.append([x.id, m.day.display, value, m.note, m.by].map(InitiativeCSV.quote).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Year, value (or reason) and note; three empty cells when there is none.
  static func target(_ t: IndicatorTarget?) -> [String] {
    guard let t else { return ["", "", ""] }
    return [String(t.year), valueText(t), t.note]
  }

  /// The exact value (shortest text that reads back to the same number) or the reason.
  static func valueText(_ t: IndicatorTarget) -> String { t.value.map(number) ?? t.reason }

  /// Plain decimals the import reads back exactly ("63.5", "0.125"); an exponent form, which
  /// the import does not read, falls back to three decimals.
  static func number(_ value: Double) -> String {
    guard let text = JSONNumber(value)?.text, !text.contains(where: { $0 == "e" || $0 == "E" }) else { return Format.measure(value) }
    return text
  }

  static func kindWord(_ k: IndicatorKind) -> String { k == .strategic ? "estratégico" : "de gestión" }

  static func trendWord(_ t: IndicatorTrend) -> String {
    switch t {
    case .ascending: "ascendente"
    case .descending: "descendente"
    case .constant: "constante"
    }
  }

  static func periodicityWord(_ p: IndicatorPeriodicity) -> String {
    switch p {
    case .monthly: "mensual"
    case .quarterly: "trimestral"
    case .semiannual: "semestral"
    case .annual: "anual"
    }
  }

  static func accumulationWord(_ a: IndicatorAccumulation) -> String { a == .cumulative ? "acumulado" : "periódico" }
}
