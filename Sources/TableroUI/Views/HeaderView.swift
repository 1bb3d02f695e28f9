import TableroCore

/// Three rows: view tabs and file state; portfolio name with report date and tolerance; legend.
enum HeaderView {
  static func tabTitle(_ view: ViewID, _ l: Language) -> String {
    switch view {
    case .dashboard: l.pick("Tablero", "Dashboard")
    case .tree: l.pick("Portafolio", "Portfolio")
    case .timeline: l.pick("Cronograma", "Timeline")
    case .help: l.pick("Ayuda", "Help")
    case .agreements: l.pick("Acuerdos", "Agreements")
    case .indicators: l.pick("Indicadores", "Indicators")
    }
  }

  static func shortTabTitle(_ view: ViewID, _ l: Language) -> String {
    switch view {
    case .dashboard: l.pick("Tablero", "Dashb.")
    case .tree: l.pick("Portaf.", "Portf.")
    case .timeline: l.pick("Cronog.", "Timeline")
    case .help: l.pick("Ayuda", "Help")
    case .agreements: l.pick("Acuerdos", "Agreem.")
    case .indicators: l.pick("Indic.", "Indic.")
    }
  }

  static func render(_ state: AppState, theme: Theme, in area: Rect, into screen: inout ScreenBuffer) {
    let l = state.language
    let width = area.width
    screen.fill(Rect(x: area.x, y: area.y, width: width, height: 1), style: theme.titleBar)
    let fileState: String
    if state.config.readOnly {
      fileState = l.pick("SOLO LECTURA", "READ-ONLY")
    } else if state.isSaving {
      fileState = l.pick("guardando...", "saving...")
    } else if state.isDirty {
      fileState = theme.dirtyMark + l.pick(" sin guardar", " unsaved")
    } else {
      fileState = l.pick("guardado", "saved")
    }
    let right = fileState + " "
    // Six tabs and the file state do not fit in 80 columns: shorter titles then, never a tab
    // cut by the file state ("6 Indicadoguardado").
    let longTabs = ViewID.allCases.map { " \($0.rawValue) \(tabTitle($0, l)) " }
    let lastShort = Array(longTabs.dropLast()) + [" \(ViewID.indicators.rawValue) \(shortTabTitle(.indicators, l)) "]
    let allShort = ViewID.allCases.map { " \($0.rawValue) \(shortTabTitle($0, l)) " }
    func fits(_ t: [String]) -> Bool { t.reduce(0) { $0 + $1.displayWidth } + right.displayWidth + 1 <= width }
    let tabs = fits(longTabs) ? longTabs : fits(lastShort) ? lastShort : allShort
    var x = area.x
    for (view, text) in zip(ViewID.allCases, tabs) {
      x += screen.write(text, x: x, y: area.y, style: view == state.view ? theme.activeTab : theme.titleBar, maxWidth: max(0, area.maxX - right.displayWidth - 1 - x))
    }
    screen.write(right, x: area.maxX - right.displayWidth, y: area.y, style: state.isDirty ? CellStyle(foreground: theme.useColor ? .yellow : .default, background: theme.useColor ? .blue : .default, bold: true, reverse: !theme.useColor) : theme.titleBar)

    // Row 2: the meeting in progress, name, report date, tolerance.
    let meeting = meetingMark(state, theme)
    var dates = l.pick("Fecha del reporte ", "Report date ") + state.portfolio.reportDate.display + " · "
      + l.pick("Desviación aceptable ", "Acceptable deviation ") + Format.percent(state.portfolio.tolerance)
    if !meeting.isEmpty, dates.displayWidth + meeting.displayWidth + 2 > width {
      dates = l.pick("Reporte ", "Report ") + state.portfolio.reportDate.display + " · "
        + l.pick("Desv. aceptable ", "Acc. deviation ") + Format.percent(state.portfolio.tolerance)
    }
    let datesWidth = dates.displayWidth
    screen.write(dates, x: area.maxX - datesWidth, y: area.y + 1, style: theme.label)
    var nameX = area.x
    if !meeting.isEmpty {
      nameX += screen.write(meeting, x: nameX, y: area.y + 1, style: theme.key, maxWidth: max(0, width - datesWidth - 1))
      nameX += 1
    }
    screen.write(state.portfolio.name, x: nameX, y: area.y + 1, style: .plain, maxWidth: max(0, area.maxX - nameX - datesWidth - 2))

    // Row 3: legend (full words when they fit) and the active filter, which has priority.
    let filterText = state.filter.isActive ? l.pick("Filtro: ", "Filter: ") + state.filterDescription : ""
    let legendLimit = area.maxX - (filterText.isEmpty ? 0 : filterText.displayWidth + 2)
    let levels: [StatusLevel] = [.onTrack, .minorDeviation, .majorDeviation, .notStarted]
    let full = width >= 100
    x = area.x
    for level in levels {
      let word = full ? level.label(l, tolerance: state.portfolio.tolerance) : shortLegend(level, l, state.portfolio.tolerance)
      let entry = " " + word + "  "
      guard x + theme.glyph(level).displayWidth + entry.displayWidth - 2 <= legendLimit else { break }
      x += screen.write(theme.glyph(level), x: x, y: area.y + 2, style: theme.status(level))
      x += screen.write(entry, x: x, y: area.y + 2)
    }
    if !filterText.isEmpty {
      screen.write(filterText, x: max(area.x, area.maxX - filterText.displayWidth), y: area.y + 2, style: theme.key)
    }
  }

  /// "● Reunión desde 10:02" while a meeting runs (local time of its start), else empty.
  static func meetingMark(_ state: AppState, _ theme: Theme) -> String {
    guard let meeting = state.portfolio.openMeeting else { return "" }
    let l = state.language
    let since = Timestamp(iso: meeting.started).map { String($0.localDisplay.suffix(5)) }
    let dot = theme.useUnicode ? "●" : "*"
    return dot + l.pick(" Reunión", " Meeting") + (since.map { l.pick(" desde ", " since ") + $0 } ?? "")
  }

  static func shortLegend(_ level: StatusLevel, _ l: Language, _ tolerance: Double) -> String {
    let limit = Format.number(abs(tolerance))
    switch level {
    case .onTrack: return l.pick("Conforme", "On track")
    case .minorDeviation: return l.pick("Desv. hasta \(limit)%", "Dev. up to \(limit)%")
    case .majorDeviation: return l.pick("Desv. mayor al \(limit)%", "Dev. over \(limit)%")
    case .notStarted: return l.pick("No iniciado", "Not started")
    case .noComponents: return l.pick("Sin componentes", "No components")
    }
  }
}
