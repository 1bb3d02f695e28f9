/// Which agreements a list shows: by person, overdue, open, item. Shared by the CLI and the TUI.
public struct AgreementFilter: Equatable, Sendable {
  public var person: String?
  public var overdueOnly = false
  public var openOnly = false
  public var itemID: String?

  public init(person: String? = nil, overdueOnly: Bool = false, openOnly: Bool = false, itemID: String? = nil) {
    self.person = person
    self.overdueOnly = overdueOnly
    self.openOnly = openOnly
    self.itemID = itemID
  }

  /// Overdue first, then by due date.
  public func apply(_ agreements: [Agreement], today: Day) -> [Agreement] {
    agreements.filter { a in
      if let person, !person.isEmpty, !a.involves(person) { return false }
      if overdueOnly, a.status(on: today) != .overdue { return false }
      if openOnly, a.concluded != nil { return false }
      if let itemID, !itemID.isEmpty, a.itemID != itemID { return false }
      return true
    }.sorted { x, y in
      let ox = x.status(on: today) == .overdue, oy = y.status(on: today) == .overdue
      if ox != oy { return ox }
      return x.due == y.due ? x.folio < y.folio : x.due < y.due
    }
  }
}
