/// The other imperatives a component belongs to (besides the row's `imperativo`), one per
/// line in one cell: `id | ponderación del componente | peso del imperativo | nombre`, e.g.
/// `CAM | 33.3 | 1 | Calidad en la Atención Médica`.
enum MembershipCell {
  struct Entry: Equatable {
    var id: String
    var weight: Double
    var imperativeWeight: Double
    var name: String
  }

  static func text(_ entries: [Entry], decimalComma: Bool = false) -> String {
    func num(_ v: Double) -> String { decimalComma ? Format.number(v).replacing(".", with: ",") : Format.number(v) }
    return entries.map { e in
      [e.id, num(e.weight), num(e.imperativeWeight), e.name.replacing("\r\n", with: " ").replacing("\n", with: " ")]
        .joined(separator: " | ")
    }.joined(separator: "\n")
  }

  static func parse(_ text: String, language l: Language) -> Result<[Entry], MilestoneCell.CellError> {
    var result: [Entry] = []
    for (n, raw) in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
      let line = String(raw).trimmingSpaces()
      if line.isEmpty { continue }
      let parts = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
      func fail(_ es: String, _ en: String) -> Result<[Entry], MilestoneCell.CellError> {
        .failure(MilestoneCell.CellError(message: l.pick(
          "línea \(n + 1): \(es) (id | ponderación | peso del imperativo | nombre)",
          "line \(n + 1): \(en) (id | weight | imperative weight | name)")))
      }
      guard parts.count == 4 else { return fail("se esperan 4 partes separadas por |", "4 parts separated by | expected") }
      guard PortfolioValidator.isValidID(parts[0]) else { return fail("identificador no válido \"\(parts[0])\"", "invalid id \"\(parts[0])\"") }
      guard let weight = InitiativeCSV.number(parts[1], default: 0), weight >= 0 else {
        return fail("ponderación no válida \"\(parts[1])\"", "invalid weight \"\(parts[1])\"")
      }
      guard let imperativeWeight = InitiativeCSV.number(parts[2], default: 1), imperativeWeight >= 0 else {
        return fail("peso no válido \"\(parts[2])\"", "invalid weight \"\(parts[2])\"")
      }
      result.append(Entry(id: parts[0], weight: weight, imperativeWeight: imperativeWeight, name: parts[3].isEmpty ? parts[0] : parts[3]))
    }
    return .success(result)
  }
}
