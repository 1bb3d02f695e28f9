import TableroCore

/// Ids typed in forms match case-insensitively ("acmi" finds ACMI), as search already does:
/// the item's own spelling is what gets stored (issue 9).
extension AppState {
  /// The component id as the portfolio spells it, for any capitalisation typed.
  func componentID(matching typed: String) -> String? {
    let text = typed.trimmingCharacters(in: .whitespaces)
    if componentIndex[text] != nil { return text }
    let folded = text.lowercased()
    return portfolio.components.first { $0.id.lowercased() == folded }?.id
  }

  /// Any item's id (imperative, component or initiative) as the portfolio spells it.
  func itemID(matching typed: String) -> String? {
    let text = typed.trimmingCharacters(in: .whitespaces)
    if portfolio.contains(id: text) { return text }
    if let id = componentID(matching: text) { return id }
    let folded = text.lowercased()
    if let m = portfolio.imperatives.first(where: { $0.id.lowercased() == folded }) { return m.id }
    return portfolio.initiatives.first { $0.id.lowercased() == folded }?.id
  }

  /// What a pick list offers, in the portfolio's order (responsables sorted, each once).
  func pickEntries(_ source: PickSource) -> [PickEntry] {
    switch source {
    case .component:
      return portfolio.components.map { PickEntry($0.id, $0.name) }
    case .item:
      return portfolio.imperatives.map { PickEntry($0.id, $0.name) } + portfolio.components.map { PickEntry($0.id, $0.name) }
        + portfolio.initiatives.map { PickEntry($0.id, $0.name) }
    case .responsible:
      var seen = Set<String>()
      let names = portfolio.components.map(\.responsible) + portfolio.initiatives.map(\.responsible) + portfolio.agreements.map(\.responsible)
      for name in names {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { seen.insert(trimmed) }
      }
      return seen.sorted { $0.lowercased() < $1.lowercased() }.map { PickEntry($0) }
    }
  }

  /// Refreshes the focused field's pick list after its text changed.
  func refilterPick(_ form: inout FormState) {
    guard form.fields.indices.contains(form.focus), var pick = form.fields[form.focus].pick else { return }
    pick.refilter(pickEntries(pick.source), query: form.fields[form.focus].text)
    form.fields[form.focus].pick = pick
  }
}
