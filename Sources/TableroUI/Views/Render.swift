import TableroCore

/// Draws the whole screen for a state: frame, current view, dialog on top.
public func render(_ state: AppState, into screen: inout ScreenBuffer) {
  screen.clear()
  screen.asciiOnly = !state.config.useUnicode
  let theme = Theme(useColor: state.config.useColor, useUnicode: state.config.useUnicode)
  if Layout.isTooSmall(state.size) {
    TooSmallView.render(state, theme: theme, into: &screen)
    return
  }
  if state.presentation != nil {
    PresentationView.render(state, theme: theme, into: &screen)
    if let modal = state.modal { ModalView.render(modal, state: state, theme: theme, into: &screen) }
    return
  }
  let area = Rect(size: state.size)
  let (header, rest) = area.splitTop(Layout.headerRows)
  let (body, footer) = rest.splitBottom(Layout.footerRows)
  HeaderView.render(state, theme: theme, in: header, into: &screen)
  if state.triage != nil {
    TriageView.render(state, theme: theme, in: body, into: &screen)
  } else {
    switch state.view {
    case .dashboard: DashboardView.render(state, theme: theme, in: body, into: &screen)
    case .tree: TreeView.render(state, theme: theme, in: body, into: &screen)
    case .timeline: TimelineView.render(state, theme: theme, in: body, into: &screen)
    case .help: HelpView.render(state, theme: theme, in: body, into: &screen)
    case .agreements: AgreementsView.render(state, theme: theme, in: body, into: &screen)
    case .indicators: IndicatorsView.render(state, theme: theme, in: body, into: &screen)
    }
  }
  FooterView.render(state, theme: theme, in: footer, into: &screen)
  if let modal = state.modal { ModalView.render(modal, state: state, theme: theme, into: &screen) }
}

/// Convenience for tests and the runner: a fresh screen of the state's size.
public func render(_ state: AppState) -> ScreenBuffer {
  var screen = ScreenBuffer(size: state.size)
  render(state, into: &screen)
  return screen
}
