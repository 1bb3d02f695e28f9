/// A bordered box (dialogs). ASCII borders where Unicode is off.
enum Box {
  static func draw(_ rect: Rect, title: String, style: CellStyle, theme: Theme, into screen: inout ScreenBuffer) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    screen.fill(rect, style: style)
    let h: Character = theme.useUnicode ? "─" : "-"
    let v: Character = theme.useUnicode ? "│" : "|"
    let corners: [Character] = theme.useUnicode ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
    let line = String(repeating: h, count: rect.width - 2)
    screen.write(String(corners[0]) + line + String(corners[1]), x: rect.x, y: rect.y, style: style)
    screen.write(String(corners[2]) + line + String(corners[3]), x: rect.x, y: rect.maxY - 1, style: style)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      screen.write(String(v), x: rect.x, y: y, style: style)
      screen.write(String(v), x: rect.maxX - 1, y: y, style: style)
    }
    if !title.isEmpty {
      var bold = style
      bold.bold = true
      screen.write(" \(title) ", x: rect.x + 2, y: rect.y, style: bold, maxWidth: rect.width - 4)
    }
  }
}
