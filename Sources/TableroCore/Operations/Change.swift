/// What one edit did, for the status line, history and meeting minutes: id, field, old → new.
public struct Change: Equatable, Sendable {
  public var itemID: String
  public var field: String
  public var oldValue: String
  public var newValue: String
  public var note: String?

  public init(itemID: String, field: String, oldValue: String, newValue: String, note: String? = nil) {
    self.itemID = itemID
    self.field = field
    self.oldValue = oldValue
    self.newValue = newValue
    self.note = note
  }
}

/// What removing an item takes with it, shown before the user confirms.
public struct RemovalImpact: Equatable, Sendable {
  public enum Kind: Sendable { case imperative, component, initiative }
  public var kind: Kind
  public var id: String
  /// Initiatives removed along with a component.
  public var initiatives: [String]
  /// Imperatives that lose this component from their list.
  public var imperatives: [String]

  public func describe(_ language: Language) -> String {
    let l = language
    switch kind {
    case .initiative:
      return l.pick("Se eliminará la iniciativa \(id).", "Initiative \(id) will be removed.")
    case .imperative:
      return l.pick(
        "Se eliminará el imperativo \(id); sus componentes se conservan.",
        "Imperative \(id) will be removed; its components are kept.")
    case .component:
      var text = l.pick("Se eliminará el componente \(id)", "Component \(id) will be removed")
      if !initiatives.isEmpty {
        text += l.pick(
          " con sus \(initiatives.count) iniciativas", " with its \(initiatives.count) initiatives")
      }
      if !imperatives.isEmpty {
        text += l.pick(
          " y saldrá de \(imperatives.joined(separator: ", "))",
          " and leave \(imperatives.joined(separator: ", "))")
      }
      return text + "."
    }
  }
}
