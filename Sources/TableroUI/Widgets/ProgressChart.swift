import TableroCore

/// Expected vs actual progress over time in a small area: expected as a braille line, actual
/// as ● marks, the report date as a vertical rule. Shapes differ, so it reads without colour.
enum ProgressChart {
  static func render(
    _ series: ProgressSeries, reportDate: Day, theme: Theme, language l: Language, in rect: Rect,
    into screen: inout ScreenBuffer
  ) {
    guard rect.width >= 20, rect.height >= 6, let first = series.days.first, let last = series.days.last, last > first else {
      screen.write(l.pick("Sin espacio o sin fechas para la gráfica.", "No room or no dates for the chart."), x: rect.x, y: rect.y, style: theme.dim, maxWidth: rect.width)
      return
    }
    // Legend on the first row.
    let expectedMark = theme.useUnicode ? "⠒⠒" : ".."
    let actualMark = theme.useUnicode ? "●" : "*"
    var x = rect.x
    x += screen.write(expectedMark, x: x, y: rect.y, style: theme.useColor ? CellStyle(foreground: .cyan) : .plain)
    x += screen.write(l.pick(" esperado  ", " expected  "), x: x, y: rect.y)
    x += screen.write(actualMark, x: x, y: rect.y, style: CellStyle(bold: true))
    x += screen.write(l.pick(" real  ", " actual  "), x: x, y: rect.y)
    screen.write(String(theme.marker) + l.pick(" fecha del reporte", " report date"), x: x, y: rect.y, style: theme.dim, maxWidth: max(0, rect.maxX - x))

    let labelWidth = 5
    let plot = Rect(x: rect.x + labelWidth, y: rect.y + 1, width: rect.width - labelWidth, height: rect.height - 2)
    for (row, label) in [(0, "100%"), (plot.height / 2, " 50%"), (plot.height - 1, "  0%")] {
      screen.write(label, x: rect.x, y: plot.y + row, style: theme.dim)
    }
    let span = Double(first.days(to: last))
    func column(_ day: Day) -> Double { Double(first.days(to: day)) / span * Double(plot.width * 2 - 1) }
    func dotRow(_ value: Double) -> Int {
      let dots = plot.height * 4 - 1
      return Int((Double(dots) * (1 - min(max(value, 0), 100) / 100)).rounded())
    }

    // Expected: braille dots, interpolated so the line has no gaps.
    var cells = [UInt8](repeating: 0, count: plot.width * plot.height)
    let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    for dx in 0..<(plot.width * 2) {
      let fraction = Double(dx) / Double(plot.width * 2 - 1)
      let day = first.adding(days: Int(fraction * span))
      guard let value = interpolate(series.days, series.expected, at: day) else { continue }
      let dy = dotRow(value)
      let cell = (dy / 4) * plot.width + dx / 2
      if cells.indices.contains(cell) { cells[cell] |= bits[dx % 2][dy % 4] }
    }
    let expectedStyle = theme.useColor ? CellStyle(foreground: .cyan) : .plain
    for (i, mask) in cells.enumerated() where mask != 0 {
      let glyph = theme.useUnicode ? String(Character(Unicode.Scalar(0x2800 + UInt32(mask)) ?? " ")) : "."
      screen.write(glyph, x: plot.x + i % plot.width, y: plot.y + i / plot.width, style: expectedStyle)
    }

    // Report date marker, under the data.
    if reportDate >= first, reportDate <= last {
      let mx = plot.x + Int(column(reportDate)) / 2
      for y in plot.y..<plot.maxY where screen[x: mx, y: y].grapheme == " " {
        screen.write(String(theme.marker), x: mx, y: y, style: theme.dim)
      }
    }

    // Actual: a mark at each known point (one per column at most).
    var lastColumn = -1
    for (i, day) in series.days.enumerated() {
      guard let value = series.actual[i] else { continue }
      let cx = Int(column(day)) / 2
      if cx == lastColumn { continue }
      lastColumn = cx
      screen.write(actualMark, x: plot.x + cx, y: plot.y + dotRow(value) / 4, style: CellStyle(bold: true))
    }

    // Time labels under the plot.
    let bottom = plot.maxY
    screen.write(first.display, x: plot.x, y: bottom, style: theme.dim)
    let end = last.display
    screen.write(end, x: plot.maxX - end.displayWidth, y: bottom, style: theme.dim)
  }

  /// Linear interpolation of a series at a day; nil outside it.
  static func interpolate(_ days: [Day], _ values: [Double], at day: Day) -> Double? {
    guard let firstDay = days.first, day >= firstDay, days.count == values.count else { return nil }
    guard let upper = days.firstIndex(where: { $0 >= day }) else { return values.last }
    if upper == 0 || days[upper] == day { return values[upper] }
    let a = days[upper - 1], b = days[upper]
    let t = Double(a.days(to: day)) / Double(max(1, a.days(to: b)))
    return values[upper - 1] + (values[upper] - values[upper - 1]) * t
  }
}
