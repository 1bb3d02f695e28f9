import TableroCore

/// Typing a value for a conflict ("editar"): what the field takes, the text to start from, and
/// reading what was typed back into a `MergeValue` of the field's kind.
enum MergeValueInput {
  enum Kind: Equatable {
    case text, number, flag, day, dates, plannedDates, horizon, rule, texts
  }

  /// The kind a typed value must have; nil when the field cannot be typed (a whole item, a
  /// milestone list, an unknown JSON key): then only mine / theirs.
  static func kind(of conflict: MergeConflict) -> Kind? {
    let sample = conflict.mine == .absent ? conflict.theirs : conflict.mine
    switch sample {
    case .text: return .text
    case .number: return .number
    case .flag: return .flag
    case .day: return .day
    case .dates: return .dates
    case .plannedDates: return .plannedDates
    case .horizon: return .horizon
    case .rule: return .rule
    case .texts: return .texts
    default: return nil
    }
  }

  /// What the field accepts, as a hint under the input line.
  static func hint(_ conflict: MergeConflict, _ l: Language) -> String {
    guard let kind = kind(of: conflict) else { return "" }
    let what: String
    switch kind {
    case .text: what = l.pick("texto", "text")
    case .number: what = l.pick("número (55 o 55,5)", "number (55 or 55.5)")
    case .flag: what = l.pick("sí / no", "yes / no")
    case .day: what = l.pick("fecha DD/MM/AAAA", "date DD/MM/YYYY")
    case .dates: what = l.pick("fechas DD/MM/AAAA – DD/MM/AAAA", "dates DD/MM/YYYY – DD/MM/YYYY")
    case .plannedDates: what = l.pick("fechas DD/MM/AAAA – DD/MM/AAAA (— sin fecha)", "dates DD/MM/YYYY – DD/MM/YYYY (— none)")
    case .horizon: what = l.pick("corto / mediano", "short / medium")
    case .rule: what = "linear / milestones"
    case .texts: what = l.pick("nombres separados por comas", "names separated by commas")
    }
    return conflict.allowsAbsent ? what + l.pick("; vacío: sin valor", "; empty: no value") : what
  }

  /// The value as text to edit (the current choice, so a small change is a small edit).
  static func editableText(_ value: MergeValue, _ l: Language) -> String {
    switch value {
    case .absent: return ""
    case .text(let s): return s.replacing("\n", with: " ")
    case .number(let n): return Format.number(n)
    case .flag(let b): return b ? l.pick("sí", "yes") : "no"
    case .day(let d): return d.display
    case .dates(let r): return "\(r.start.display) – \(r.end.display)"
    case .plannedDates(let s, let e): return "\(s?.display ?? "—") – \(e?.display ?? "—")"
    case .horizon(let h): return l.pick(h == .short ? "corto" : "mediano", h == .short ? "short" : "medium")
    case .rule(let r): return r.rawValue
    case .texts(let list): return list.joined(separator: ", ")
    default: return value.display(l, limit: nil)
    }
  }

  /// Reads what was typed; nil when it is not a value of the field's kind.
  static func parse(_ raw: String, for conflict: MergeConflict) -> MergeValue? {
    let text = raw.strippingEdges(" \t")
    if conflict.allowsAbsent, text.isEmpty || text == "—" || text == "-" { return .absent }
    guard let kind = kind(of: conflict) else { return nil }
    let value: MergeValue?
    switch kind {
    case .text: value = .text(raw)
    case .number: value = FieldParsing.number(text).map(MergeValue.number)
    case .flag: value = text.isEmpty ? nil : FieldParsing.yes(text).map(MergeValue.flag)
    case .day: value = Day(userText: text).map(MergeValue.day)
    case .dates:
      guard let pair = twoParts(text), let s = pair.0.flatMap(Day.init(userText:)), let e = pair.1.flatMap(Day.init(userText:)),
        s <= e
      else { return nil }
      value = .dates(DateRange(start: s, end: e))
    case .plannedDates:
      guard let pair = twoParts(text) else { return nil }
      let s = pair.0.map { Day(userText: $0) }
      let e = pair.1.map { Day(userText: $0) }
      // A part that was typed must be a date.
      if case .some(.none) = s { return nil }
      if case .some(.none) = e { return nil }
      let start = s.flatMap { $0 }
      let end = e.flatMap { $0 }
      if let start, let end, end < start { return nil }
      value = .plannedDates(start: start, end: end)
    case .horizon: value = FieldParsing.horizon(text).map(MergeValue.horizon)
    case .rule:
      switch text.lowercased() {
      case "linear", "lineal": value = .rule(.linear)
      case "milestones", "hitos": value = .rule(.milestones)
      default: value = nil
      }
    case .texts:
      value = .texts(text.split(separator: ",").map { $0.strippingEdges(" \t") }.filter { !$0.isEmpty })
    }
    guard let value, conflict.accepts(value) else { return nil }
    return value
  }

  /// "01/01/2013 – 31/12/2013" (en dash, hyphen between spaces, "a", "to", or just a space)
  /// as two parts; a part that is empty or "—" is nil (no date).
  static func twoParts(_ text: String) -> (String?, String?)? {
    var t = text
    for separator in ["–", " - ", " a ", " to ", "..", "—"] where t.contains(separator) {
      t = t.replacing(separator, with: "|")
      break
    }
    var parts = t.split(separator: "|", omittingEmptySubsequences: false).map { $0.strippingEdges(" \t") }
    if parts.count == 1 { parts = parts[0].split(separator: " ").map(String.init) }
    guard parts.count == 2 else { return nil }
    func part(_ s: String) -> String? { s.isEmpty || s == "—" || s == "-" ? nil : s }
    return (part(parts[0]), part(parts[1]))
  }
}

extension String {
  fileprivate func strippingEdges(_ set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}

extension Substring {
  fileprivate func strippingEdges(_ set: String) -> String { String(self).strippingEdges(set) }
}
