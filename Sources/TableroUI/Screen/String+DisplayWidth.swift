/// Horizontal placement of text inside a fixed number of columns.
public enum TextAlignment: Hashable, Sendable {
  case left, center, right
}

extension String {
  /// Columns this text takes on screen (see `DisplayWidth`).
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// The longest prefix that fits in `width` columns, never splitting a grapheme cluster.
  /// When text is cut and `ellipsis` is not empty, the ellipsis is appended within the width
  /// ("Señalización".truncated(toWidth: 6, ellipsis: "…") == "Señal…"). The result may be one
  /// column short when a wide glyph would straddle the limit.
  public func truncated(toWidth width: Int, ellipsis: String = "") -> String {
    let limit = Swift.max(0, width)
    if displayWidth <= limit { return self }
    let ellipsisWidth = ellipsis.displayWidth
    let keep = ellipsisWidth <= limit ? limit - ellipsisWidth : limit
    var result = ""
    var used = 0
    for character in self {
      let columns = DisplayWidth.of(character)
      if used + columns > keep { break }
      result.append(character)
      used += columns
    }
    return ellipsisWidth <= limit ? result + ellipsis : result
  }

  /// Exactly `width` columns: truncated if longer, padded with spaces if shorter.
  public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
    let limit = Swift.max(0, width)
    let text = truncated(toWidth: limit)
    let gap = limit - text.displayWidth
    if gap <= 0 { return text }
    switch alignment {
    case .left:
      return text + String(repeating: " ", count: gap)
    case .right:
      return String(repeating: " ", count: gap) + text
    case .center:
      let before = gap / 2
      return String(repeating: " ", count: before) + text
        + String(repeating: " ", count: gap - before)
    }
  }
}
