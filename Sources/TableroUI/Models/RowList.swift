/// The three row lists of the app, each built from the portfolio, filter and sort.
enum RowList: CaseIterable, Sendable {
  case dashboard, tree, timeline

  /// The list a view shows. Views without rows of their own (help, agreements, indicators)
  /// act on the tree: a search or a jump from there reveals the item in it.
  static func shown(in view: ViewID) -> RowList {
    switch view {
    case .dashboard: .dashboard
    case .timeline: .timeline
    case .tree, .help, .agreements, .indicators: .tree
    }
  }
}

/// How many times each list was built since start: lets tests see that a change builds only
/// the list on screen (at 100 000 initiatives a filtered list is tens of thousands of rows).
struct RowBuildCount: Equatable, Sendable {
  var dashboard = 0
  var tree = 0
  var timeline = 0

  subscript(list: RowList) -> Int {
    get {
      switch list {
      case .dashboard: dashboard
      case .tree: tree
      case .timeline: timeline
      }
    }
    set {
      switch list {
      case .dashboard: dashboard = newValue
      case .tree: tree = newValue
      case .timeline: timeline = newValue
      }
    }
  }
}
