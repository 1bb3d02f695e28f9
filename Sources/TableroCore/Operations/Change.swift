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
  /// Indicators removed with their imperative or component ("1.1 Días de espera…").
  public var indicators: [String] = []

  /// What the confirmation shows: the sentence, then each indicator that goes with the item
  /// (an indicator cannot stay without its owner), so nobody loses a series unawares.
  public func lines(_ language: Language) -> [String] {
    guard !indicators.isEmpty else { return [describe(language)] }
    let l = language
    let count = indicators.count
    let head = count == 1
      ? l.pick("También se eliminará su indicador, con sus mediciones:", "Its indicator goes too, with its measurements:")
      : l.pick("También se eliminarán sus \(count) indicadores, con sus mediciones:", "Its \(count) indicators go too, with their measurements:")
    return [describe(l), head] + indicators.map { "  · " + $0 }
  }

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
