/// Where a problem is, told as a person reads the portfolio: "iniciativa ACMI-04 «Licitación»,
/// avance real" instead of "$.initiatives[15].actualProgress" (issue 9, defect 8). The JSON path
/// stays in `path` for `tablero validate`, where someone edits the file by hand.
extension ValidationIssue {
  public func place(in portfolio: Portfolio, _ l: Language) -> String {
    guard let (array, index, rest) = Self.split(path) else { return path }
    // (kind, kind after "de": "del componente"), then the item.
    let kind: (String, String, String)
    let item: String
    switch array {
    case "initiatives" where portfolio.initiatives.indices.contains(index):
      let x = portfolio.initiatives[index]
      kind = ("iniciativa ", "de la iniciativa ", "initiative ")
      item = "\(x.id) «\(EditDescription.short(x.name))»"
    case "components" where portfolio.components.indices.contains(index):
      let c = portfolio.components[index]
      kind = ("componente ", "del componente ", "component ")
      item = "\(c.id) «\(EditDescription.short(c.name))»"
    case "imperatives" where portfolio.imperatives.indices.contains(index):
      let m = portfolio.imperatives[index]
      kind = ("imperativo ", "del imperativo ", "imperative ")
      item = "\(m.id) «\(EditDescription.short(m.name))»"
    case "agreements" where portfolio.agreements.indices.contains(index):
      kind = ("acuerdo ", "del acuerdo ", "agreement ")
      item = portfolio.agreements[index].folio
    default:
      return path
    }
    // The field first: a long name may be cut at the screen's edge, the field must not be.
    let field = Self.fieldName(rest, l)
    if field.isEmpty { return l.pick(kind.0, kind.2) + item }
    return field + l.pick(" " + kind.1, " of " + kind.2) + item
  }

  /// "$.initiatives[15].actualProgress" → ("initiatives", 15, "actualProgress").
  static func split(_ path: String) -> (String, Int, String)? {
    guard path.hasPrefix("$."), let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close,
      let index = Int(path[path.index(after: open)..<close])
    else { return nil }
    let array = String(path[path.index(path.startIndex, offsetBy: 2)..<open])
    var rest = String(path[path.index(after: close)...])
    if rest.hasPrefix(".") { rest.removeFirst() }
    return (array, index, rest)
  }

  /// The user's word for the first field of `rest` ("components[2]" → "componentes").
  static func fieldName(_ rest: String, _ l: Language) -> String {
    let key = rest.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? ""
    let names: [String: (String, String)] = [
      "actualProgress": ("avance real", "actual progress"), "start": ("inicio", "start"), "end": ("fin", "end"),
      "name": ("nombre", "name"), "responsible": ("responsable", "owner"), "weight": ("peso", "weight"),
      "components": ("componentes", "components"), "phases": ("fases", "phases"), "milestones": ("hitos", "milestones"),
      "component": ("componente", "component"), "item": ("elemento", "item"), "meeting": ("reunión", "meeting"),
      "horizon": ("plazo", "horizon"), "notes": ("notas", "notes"), "due": ("vencimiento", "due date"),
    ]
    guard !key.isEmpty else { return "" }
    guard let name = names[key] else { return l.pick("dato «", "field «") + key + "»" }
    return l.pick(name.0, name.1)
  }
}
