/// One row of Cuadro 9 (Tablero de Control), as every front end shows it.
public struct DashboardRow: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// The imperative's title line.
    case imperative
    case component
    case initiative
    /// "Subtotal <imperative>": dates span and weighted means.
    case subtotal
  }

  public var kind: Kind
  /// The item's id (for a subtotal, the imperative's id).
  public var id: String
  /// For component rows, the imperative they are listed under.
  public var imperativeID: String
  public var name: String
  public var status: ItemStatus
  /// Ponderación shown in the row: within the imperative for components, within the component
  /// for initiatives (as a share of its weight), in the portfolio for subtotals.
  public var weight: Double?
  /// Shown only as the parent of rows that match a filter (drawn dimmed), not a match itself.
  public var isContext = false

  public init(
    kind: Kind, id: String, imperativeID: String, name: String, status: ItemStatus, weight: Double?
  ) {
    self.kind = kind
    self.id = id
    self.imperativeID = imperativeID
    self.name = name
    self.status = status
    self.weight = weight
  }
}
