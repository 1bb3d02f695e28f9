import Foundation

/// A filtered pick list under a form field (issue 9, "pick instead of type"): as the user
/// types, the entries whose id or name contain the text (any case, any accents) show under
/// the field; ↑/↓ move, Enter takes the highlighted one, Esc closes the list keeping the text.

/// What a pick list offers: the portfolio's components, any item, or the known responsables.
public enum PickSource: Equatable, Sendable {
  case component, item, responsible
}

/// One line of a pick list: `value` is what goes into the field, `name` is shown beside it.
public struct PickEntry: Equatable, Sendable {
  public var value: String
  public var name: String
  public init(_ value: String, _ name: String = "") {
    self.value = value
    self.name = name
  }
}

public struct PickListState: Equatable, Sendable {
  public var source: PickSource
  public var isOpen = false
  public var matches: [PickEntry] = []
  public var highlight = 0
  /// First match shown: the list scrolls to keep the highlight visible.
  public var offset = 0

  /// Rows a list shows at most; more matches scroll.
  public static let maxRows = 6
  /// Matches kept per keystroke: enough to scroll through, bounded on a 100k portfolio.
  static let limit = 500

  public init(source: PickSource) { self.source = source }

  public var highlighted: PickEntry? { matches.indices.contains(highlight) ? matches[highlight] : nil }
  /// Open and with something to pick: only then do ↑/↓/Enter/Esc belong to the list.
  public var isShowing: Bool { isOpen && !matches.isEmpty }

  mutating func move(by delta: Int) {
    guard !matches.isEmpty else { return }
    highlight = min(max(highlight + delta, 0), matches.count - 1)
    if highlight < offset { offset = highlight }
    if highlight >= offset + Self.maxRows { offset = highlight - Self.maxRows + 1 }
  }

  /// Reopens the list on `entries` filtered by `query`, highlight on the best match.
  mutating func refilter(_ entries: [PickEntry], query: String) {
    matches = Self.filter(entries, query: query)
    isOpen = true
    highlight = 0
    offset = 0
  }

  /// Entries whose value or name contain `query`, folded (case and accents ignored). An exact
  /// value comes first, then values starting with the text, then the rest in their order.
  static func filter(_ entries: [PickEntry], query: String) -> [PickEntry] {
    let needle = SearchIndex.fold(query.trimmingCharacters(in: .whitespaces))
    var exact: [PickEntry] = [], prefix: [PickEntry] = [], rest: [PickEntry] = []
    for entry in entries {
      if exact.count + prefix.count + rest.count >= limit, !exact.isEmpty { break }
      let value = SearchIndex.fold(entry.value)
      if value == needle {
        exact.append(entry)
      } else if value.starts(with: needle) {
        prefix.append(entry)
      } else if needle.isEmpty || SearchIndex.contains(value, needle) || SearchIndex.contains(SearchIndex.fold(entry.name), needle) {
        rest.append(entry)
      }
    }
    return Array((exact + prefix + rest).prefix(limit))
  }
}

/// Draws a pick list: one entry per row, the highlight reversed, ▲/▼ when it scrolls.
enum PickListView {
  static func draw(_ pick: PickListState, x: Int, y: Int, width: Int, rows: Int, theme: Theme, into screen: inout ScreenBuffer) {
    guard rows > 0, width > 2 else { return }
    // Keep the highlight visible even when fewer rows than `maxRows` fit.
    var start = min(pick.offset, max(0, pick.matches.count - rows))
    if pick.highlight >= start + rows { start = pick.highlight - rows + 1 }
    if pick.highlight < start { start = pick.highlight }
    let valueWidth = min(max(pick.matches.map { $0.value.displayWidth }.max() ?? 0, 4), width / 2)
    for row in 0..<rows {
      let i = start + row
      let style = i == pick.highlight ? theme.selected : theme.field
      screen.fill(Rect(x: x, y: y + row, width: width, height: 1), style: style)
      guard pick.matches.indices.contains(i) else { continue }
      let entry = pick.matches[i]
      screen.write(" " + entry.value, x: x, y: y + row, style: style, maxWidth: valueWidth + 1)
      if !entry.name.isEmpty {
        screen.write(entry.name, x: x + valueWidth + 3, y: y + row, style: style, maxWidth: max(0, width - valueWidth - 5))
      }
      let more = (row == 0 && start > 0) ? (theme.useUnicode ? "▲" : "^") : (row == rows - 1 && i < pick.matches.count - 1) ? (theme.useUnicode ? "▼" : "v") : nil
      if let more { screen.write(more, x: x + width - 1, y: y + row, style: style, maxWidth: 1) }
    }
  }
}
