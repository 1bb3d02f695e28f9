/// Where a merge decision applies: an item by stable id, and optionally one of its fields.
/// Written as `initiatives[ACMI-04].actualProgress`, `imperatives[IMP-1].components[ECE].weight`,
/// `initiatives[ECE-01].milestones["Piloto" 2013-05-01].done`, `reportDate`, `extra.clave`.
public struct MergePath: Hashable, Sendable, CustomStringConvertible {
  public enum Item: Hashable, Sendable {
    /// The portfolio's own fields (name, report date, tolerance, rule, unknown keys).
    case portfolio
    case imperative(String)
    /// A component's membership in an imperative (its ponderación there).
    case member(imperative: String, component: String)
    case component(String)
    case initiative(String)
    /// Milestones have no id: they are matched by name and due date.
    case milestone(initiative: String, name: String, due: Day)
    /// An acuerdo, by folio.
    case agreement(String)
    case meeting(String)
    /// An indicator, by id; its measurements are fields `measurements[AAAA-MM-DD]`.
    case indicator(String)
  }

  public var item: Item
  /// Nil for the item as a whole (added, removed); else a field: `name`, `dates`, `extra.<key>`…
  public var field: String?

  public init(_ item: Item, _ field: String? = nil) {
    self.item = item
    self.field = field
  }

  /// A field of the same item.
  public func appending(_ field: String) -> MergePath {
    MergePath(item, self.field.map { "\($0).\(field)" } ?? field)
  }

  public var itemPath: String {
    switch item {
    case .portfolio: ""
    case .imperative(let id): "imperatives[\(id)]"
    case .member(let imperative, let component): "imperatives[\(imperative)].components[\(component)]"
    case .component(let id): "components[\(id)]"
    case .initiative(let id): "initiatives[\(id)]"
    case .milestone(let initiative, let name, let due): "initiatives[\(initiative)].milestones[\"\(name)\" \(due.iso)]"
    case .agreement(let folio): "agreements[\(folio)]"
    case .meeting(let id): "meetings[\(id)]"
    case .indicator(let id): "indicators[\(id)]"
    }
  }

  public var description: String {
    let head = itemPath
    guard let field else { return head.isEmpty ? "(portafolio)" : head }
    return head.isEmpty ? field : "\(head).\(field)"
  }

  /// The id of the item the path is about (the initiative for a milestone, the imperative
  /// for a membership); nil for the portfolio.
  public var itemID: String? {
    switch item {
    case .portfolio: nil
    case .imperative(let id), .component(let id), .initiative(let id), .agreement(let id), .meeting(let id), .indicator(let id): id
    case .member(let imperative, _): imperative
    case .milestone(let initiative, _, _): initiative
    }
  }
}
