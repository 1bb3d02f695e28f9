/// The screens, switched with 1–6 or Tab. Help stays on 4, as on every screen's key bar.
public enum ViewID: Int, CaseIterable, Sendable {
  case dashboard = 1, tree, timeline, help, agreements, indicators

  static var count: Int { allCases.count }
  public var next: ViewID { ViewID(rawValue: rawValue % Self.count + 1) ?? .dashboard }
  public var previous: ViewID { ViewID(rawValue: (rawValue + Self.count - 2) % Self.count + 1) ?? .dashboard }
}
