/// Word wrapping by display width, for detail panes and dialogs.
enum TextWrap {
  /// Lines of at most `width` columns; words longer than a line are cut.
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
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
        while ww > width {
          let head = w.truncated(toWidth: width)
          result.append(head)
          w = String(w.dropFirst(head.count))
          ww = w.displayWidth
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
}
