/// A rectangle of cells. `maxX`/`maxY` are exclusive. Negative sizes are stored as zero, and
/// every helper returns a valid (possibly empty) rectangle instead of trapping, so layouts can
/// be computed for any terminal size.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public init(origin: Point = .zero, size: Size) {
    self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
  }

  public var origin: Point { Point(x: x, y: y) }
  public var size: Size { Size(width: width, height: height) }
  public var minX: Int { x }
  public var minY: Int { y }
  /// Saturating, so extreme coordinates clip instead of trapping.
  public var maxX: Int { x.addingReportingOverflow(width).overflow ? Int.max : x + width }
  public var maxY: Int { y.addingReportingOverflow(height).overflow ? Int.max : y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }

  public var description: String { "(\(x),\(y)) \(width)x\(height)" }

  public func contains(_ point: Point) -> Bool {
    point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
  }

  /// The overlap of two rectangles; empty (at the clamped origin) when they do not meet.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(minX, other.minX)
    let top = max(minY, other.minY)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// Shrinks every side by `amount` (a border of one cell is `inset(by: 1)`).
  public func inset(by amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    let newWidth = max(0, width - left - right)
    let newHeight = max(0, height - top - bottom)
    return Rect(
      x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
  }

  /// The first `rows` rows (clamped) and what is left below them.
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let taken = min(max(0, rows), height)
    return (
      Rect(x: x, y: y, width: width, height: taken),
      Rect(x: x, y: y + taken, width: width, height: height - taken)
    )
  }

  /// The last `rows` rows (clamped) and what is left above them.
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let taken = min(max(0, rows), height)
    return (
      Rect(x: x, y: y, width: width, height: height - taken),
      Rect(x: x, y: maxY - taken, width: width, height: taken)
    )
  }

  /// The first `columns` columns (clamped) and what is left to their right.
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let taken = min(max(0, columns), width)
    return (
      Rect(x: x, y: y, width: taken, height: height),
      Rect(x: x + taken, y: y, width: width - taken, height: height)
    )
  }

  /// The last `columns` columns (clamped) and what is left to their left.
  public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
    let taken = min(max(0, columns), width)
    return (
      Rect(x: x, y: y, width: width - taken, height: height),
      Rect(x: maxX - taken, y: y, width: taken, height: height)
    )
  }

  /// One rectangle per row, top to bottom.
  public var rows: [Rect] {
    (0..<height).map { Rect(x: x, y: y + $0, width: width, height: 1) }
  }
}
