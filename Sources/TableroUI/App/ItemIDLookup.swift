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
}
