/// Shown instead of a broken layout when the terminal is below `Layout.minimumSize`.
enum TooSmallView {
  static func render(_ state: AppState, theme: Theme, into screen: inout ScreenBuffer) {
    let l = state.language
    let size = state.size
    let lines = [
      l.pick("Terminal demasiado pequeña", "Terminal too small"),
      "\(size.width)×\(size.height) — " + l.pick("se necesita ", "needed: ") + "\(Layout.minimumSize.width)×\(Layout.minimumSize.height)",
      l.pick("Agrande la ventana · q sale", "Enlarge the window · q quits"),
    ]
    let top = max(0, size.height / 2 - 1)
    for (i, line) in lines.enumerated() {
      let width = line.displayWidth
      screen.write(line, x: max(0, (size.width - width) / 2), y: top + i, style: i == 0 ? theme.error : .plain, maxWidth: size.width)
    }
  }
}
