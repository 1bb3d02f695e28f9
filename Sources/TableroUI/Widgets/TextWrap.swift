/// Word wrapping by display width, for detail panes and dialogs.
enum TextWrap {
  /// Lines of at most `width` columns; words longer than a line are cut.
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      // A line that fits keeps its own spacing: aligned columns and text charts stay aligned.
      if String(paragraph).displayWidth <= width {
        result.append(String(paragraph))
        continue
      }
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var w = String(word)
        var ww = w.displayWidth
        if lineWidth > 0, lineWidth + 1 + ww > width {
          result.append(line)
          line = ""
          lineWidth = 0
        }
        if ww > width {
          // A word longer than a line: cut it in one pass (re-measuring the rest after each
          // cut made pages of unbroken text quadratic).
          let (pieces, rest, restWidth) = cut(w, width: width)
          result += pieces
          w = rest
          ww = restWidth
        }
        if lineWidth > 0 {
          line += " "
          lineWidth += 1
        }
        line += w
        lineWidth += ww
      }
      result.append(line)
    }
    return result
  }

  /// Full lines of `width` columns from `word`, and the last part (shorter than a line) with its width.
  private static func cut(_ word: String, width: Int) -> (lines: [String], rest: String, restWidth: Int) {
    var lines: [String] = []
    var current = ""
    var used = 0
    for character in word {
      let w = DisplayWidth.of(character)
      if used + w > width, used > 0 {
        lines.append(current)
        current = ""
        used = 0
      }
      current.append(character)
      used += w
    }
    return (lines, current, used)
  }
}
