/// A history record's field in words, for the minutes and the sync commit message.
extension HistoryRecord {
  /// "avance real", "fecha del reporte", "medición del 31/12/2012"; an unknown field as it is.
  public func fieldLabel(_ l: Language) -> String {
    switch field {
    case "actualProgress": l.pick("avance real", "actual progress")
    case "name": l.pick("nombre", "name")
    case "start": l.pick("inicio", "start")
    case "end": l.pick("fin", "end")
    case "notes": l.pick("notas", "notes")
    case "reportDate": l.pick("fecha del reporte", "report date")
    case "added": l.pick("agregado", "added")
    case "removed": l.pick("eliminado", "removed")
    default: measurementLabel(l) ?? field
    }
  }

  /// `measurements[2012-12-31]` → "medición del 31/12/2012".
  func measurementLabel(_ l: Language) -> String? {
    guard field.hasPrefix("measurements["), field.hasSuffix("]"),
      let day = Day(iso: String(field.dropFirst("measurements[".count).dropLast()))
    else { return nil }
    return l.pick("medición del ", "measurement of ") + day.display
  }
}
