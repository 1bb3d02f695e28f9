/// The four screens, switched with 1–4 or Tab.
public enum ViewID: Int, CaseIterable, Sendable {
  case dashboard = 1, tree, timeline, help

  public var next: ViewID { ViewID(rawValue: rawValue % 4 + 1) ?? .dashboard }
  public var previous: ViewID { ViewID(rawValue: (rawValue + 2) % 4 + 1) ?? .dashboard }
}
