/// Selection and scroll offset of a scrolling list; keeps the selection visible.
public struct ListCursor: Equatable, Sendable {
  public var selected = 0
  public var offset = 0

  public init(selected: Int = 0, offset: Int = 0) {
    self.selected = selected
    self.offset = offset
  }

  /// Clamps to `count` rows and scrolls so the selection is within `visible` rows.
  public mutating func clamp(count: Int, visible: Int) {
    selected = count == 0 ? 0 : min(max(selected, 0), count - 1)
    let page = max(visible, 1)
    if selected < offset { offset = selected }
    if selected >= offset + page { offset = selected - page + 1 }
    offset = max(0, min(offset, max(0, count - page)))
  }

  public mutating func move(by delta: Int, count: Int, visible: Int) {
    selected += delta
    clamp(count: count, visible: visible)
  }

  public mutating func jump(to index: Int, count: Int, visible: Int) {
    selected = index
    clamp(count: count, visible: visible)
  }
}
