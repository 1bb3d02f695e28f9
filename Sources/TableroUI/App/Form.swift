import TableroCore

/// What a form edits; decides its fields and what Enter does.
public enum FormPurpose: Equatable, Sendable {
  case progress(id: String)
  case editInitiative(id: String)
  case editComponent(id: String)
  case editImperative(id: String)
  case addInitiative(componentID: String)
  case addComponent(imperativeID: String?)
  case reportDate
  case tolerance
  case addMilestone(id: String)
  case milestoneDone(id: String)
  case removeMilestone(id: String)
  case memberWeight(imperativeID: String, componentID: String)
  case moveInitiative(id: String)
  case saveCopy
  case addAgreement
  case agreementNote(folio: String)
  case agreementItemFilter
  case compare
  case measurement(indicatorID: String)
}

/// The kind of value a field holds: decides validation and the hint shown.
public enum FieldKind: Equatable, Sendable {
  case text, requiredText, percent, date, optionalDate, number, id, horizon, yesNo, count
}

public struct FormField: Equatable, Sendable {
  public var label: String
  public var kind: FieldKind
  public var text: String
  /// Cursor position in characters.
  public var cursor: Int
  /// Untouched since the form opened: typing replaces the value, as in a spreadsheet cell.
  public var isPristine = true
  /// A filtered list of choices under the field, for ids and responsables (nil: free text).
  public var pick: PickListState?

  public init(_ label: String, _ kind: FieldKind, _ text: String, picking source: PickSource? = nil) {
    self.label = label
    self.kind = kind
    self.text = text
    self.cursor = text.count
    self.pick = source.map { PickListState(source: $0) }
  }
}

/// A modal form: fields, the focused one, and the live validation message.
public struct FormState: Equatable, Sendable {
  public var purpose: FormPurpose
  public var title: String
  public var fields: [FormField]
  public var focus = 0
  /// Why the form cannot be submitted as it stands; nil when it can.
  public var problem: String?
  /// Context lines shown above the fields (e.g. the item's current status).
  public var context: [String] = []

  public init(purpose: FormPurpose, title: String, fields: [FormField], context: [String] = []) {
    self.purpose = purpose
    self.title = title
    self.fields = fields
    self.context = context
  }

  /// The focused field's pick list when it is open with matches: it takes ↑/↓/Enter/Esc.
  public var showingPick: PickListState? {
    guard fields.indices.contains(focus), let pick = fields[focus].pick, pick.isShowing else { return nil }
    return pick
  }

  public func text(_ index: Int) -> String { fields.indices.contains(index) ? fields[index].text : "" }

  mutating func insert(_ character: Character) {
    guard fields.indices.contains(focus) else { return }
    if fields[focus].isPristine { clearField() }
    fields[focus].isPristine = false
    var chars = Array(fields[focus].text)
    let at = min(max(fields[focus].cursor, 0), chars.count)
    chars.insert(character, at: at)
    fields[focus].text = String(chars)
    fields[focus].cursor = at + 1
  }

  mutating func deleteBackward() {
    if fields.indices.contains(focus) { fields[focus].isPristine = false }
    guard fields.indices.contains(focus), fields[focus].cursor > 0 else { return }
    var chars = Array(fields[focus].text)
    let at = min(fields[focus].cursor, chars.count)
    guard at > 0 else { return }
    chars.remove(at: at - 1)
    fields[focus].text = String(chars)
    fields[focus].cursor = at - 1
  }

  mutating func deleteForward() {
    if fields.indices.contains(focus) { fields[focus].isPristine = false }
    guard fields.indices.contains(focus) else { return }
    var chars = Array(fields[focus].text)
    let at = fields[focus].cursor
    guard at >= 0, at < chars.count else { return }
    chars.remove(at: at)
    fields[focus].text = String(chars)
  }

  mutating func moveCursor(by delta: Int) {
    if fields.indices.contains(focus) { fields[focus].isPristine = false }
    guard fields.indices.contains(focus) else { return }
    fields[focus].cursor = min(max(fields[focus].cursor + delta, 0), fields[focus].text.count)
  }

  mutating func moveCursorToEdge(end: Bool) {
    if fields.indices.contains(focus) { fields[focus].isPristine = false }
    guard fields.indices.contains(focus) else { return }
    fields[focus].cursor = end ? fields[focus].text.count : 0
  }

  mutating func clearField() {
    guard fields.indices.contains(focus) else { return }
    fields[focus].text = ""
    fields[focus].cursor = 0
  }
}
