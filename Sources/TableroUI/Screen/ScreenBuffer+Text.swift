/// A horizontal run of cells sharing one non-plain style (for snapshots and test failures).
public struct StyleRun: Hashable, Sendable, CustomStringConvertible {
  public var y: Int
  public var x: Int
  public var width: Int
  public var style: CellStyle

  public init(y: Int, x: Int, width: Int, style: CellStyle) {
    self.y = y
    self.x = x
    self.width = width
    self.style = style
  }

  /// "y=2 x=0...9 fg=red bold": row, inclusive column range, style.
  public var description: String { "y=\(y) x=\(x)...\(x + width - 1) \(style)" }
}

extension ScreenBuffer {
  /// The text of each row as it reads on screen: continuation cells of wide glyphs skipped,
  /// trailing spaces trimmed.
  public func lines() -> [String] {
    (0..<size.height).map { y in
      var line = ""
      for x in 0..<size.width {
        let cell = self[x: x, y: y]
        if !cell.isContinuation { line.append(cell.grapheme) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// Runs of non-plain style, row by row, left to right.
  public func styleRuns() -> [StyleRun] {
    var runs: [StyleRun] = []
    for y in 0..<size.height {
      var current: StyleRun?
      for x in 0..<size.width {
        let style = self[x: x, y: y].style
        if var run = current, run.style == style {
          run.width += 1
          current = run
          continue
        }
        if let run = current { runs.append(run) }
        current = style == .plain ? nil : StyleRun(y: y, x: x, width: 1, style: style)
      }
      if let run = current { runs.append(run) }
    }
    return runs
  }

  /// A readable, stable rendering for golden tests: the trimmed lines, then a "--" line and
  /// one style run per line. Never contains escape sequences.
  public func snapshot() -> String {
    var text = lines().joined(separator: "\n")
    let runs = styleRuns()
    if !runs.isEmpty {
      text += "\n--\n" + runs.map(\.description).joined(separator: "\n")
    }
    return text + "\n"
  }

  /// A buffer whose rows are `lines` (for expected screens in tests); `width` defaults to the
  /// widest line. Lines longer than the width are clipped.
  public init(lines: [String], width: Int? = nil) {
    let columns = width ?? lines.map(\.displayWidth).max() ?? 0
    self.init(width: columns, height: lines.count)
    for (y, line) in lines.enumerated() { write(line, x: 0, y: y) }
  }
}
