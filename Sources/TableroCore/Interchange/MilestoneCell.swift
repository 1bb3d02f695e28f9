/// Milestones in one spreadsheet cell, one per line, name last so it may hold anything
/// but a line break: `vence | hecho | peso | nombre`, e.g.
/// `31/12/2013 | 15/12/2013 | 2 | Licitación publicada` (`-` when not done yet).
enum MilestoneCell {
  static func text(_ milestones: [Milestone], decimalComma: Bool = false) -> String {
    milestones.map { m in
      let weight = Format.number(m.weight)
      return [
        m.due.display, m.done?.display ?? "-", decimalComma ? weight.replacing(".", with: ",") : weight,
        m.name.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " "),
      ].joined(separator: " | ")
    }.joined(separator: "\n")
  }

  /// The milestones of a cell, or the message for the first line that is not one.
  static func parse(_ text: String, language l: Language) -> Result<[Milestone], CellError> {
    var result: [Milestone] = []
    for (n, raw) in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
      let line = String(raw).trimmingSpaces()
      if line.isEmpty { continue }
      let parts = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
      func fail(_ es: String, _ en: String) -> Result<[Milestone], CellError> {
        .failure(CellError(message: l.pick("hito \(n + 1): \(es) (vence | hecho | peso | nombre)", "milestone \(n + 1): \(en) (due | done | weight | name)")))
      }
      guard parts.count == 4 else { return fail("se esperan 4 partes separadas por |", "4 parts separated by | expected") }
      guard let due = Day(userText: parts[0]) else { return fail("fecha no válida \"\(parts[0])\"", "invalid date \"\(parts[0])\"") }
      var done: Day?
      if parts[1] != "-", !parts[1].isEmpty {
        guard let day = Day(userText: parts[1]) else { return fail("fecha no válida \"\(parts[1])\"", "invalid date \"\(parts[1])\"") }
        done = day
      }
      guard let weight = InitiativeCSV.number(parts[2], default: 1), weight >= 0 else {
        return fail("peso no válido \"\(parts[2])\"", "invalid weight \"\(parts[2])\"")
      }
      guard !parts[3].isEmpty else { return fail("falta el nombre", "the name is missing") }
      result.append(Milestone(name: parts[3], due: due, done: done, weight: weight))
    }
    return .success(result)
  }

  struct CellError: Error { var message: String }
}
