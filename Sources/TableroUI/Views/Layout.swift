/// The screen's fixed frame: three header rows, the body, three footer rows.
enum Layout {
  static let headerRows = 3
  static let footerRows = 3
  static let chromeRows = headerRows + footerRows
  /// Below this the UI shows "terminal demasiado pequeña" instead of a broken layout. Between
  /// it and 80×24 views drop columns and panes (DashboardView.columns, TreeView.panes), as
  /// htop does at 40 columns.
  static let minimumSize = Size(width: 40, height: 12)

  /// Rows of a table body under its one-line column header.
  static func listHeight(_ bodyHeight: Int) -> Int { max(1, bodyHeight - 1) }
  /// Rows of the dashboard: under its column header and above its total row.
  static func dashboardListHeight(_ bodyHeight: Int) -> Int { max(1, bodyHeight - 2) }
  /// Rows of the timeline under its two-line time axis.
  static func timelineListHeight(_ bodyHeight: Int) -> Int { max(1, bodyHeight - 2) }

  static func isTooSmall(_ size: Size) -> Bool {
    size.width < minimumSize.width || size.height < minimumSize.height
  }
}
