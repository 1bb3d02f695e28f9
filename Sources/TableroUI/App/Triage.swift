import TableroCore

/// The triage list (T): every red and yellow item, worst first, shown over the current view
/// and ready to edit; Esc or T returns.
public struct TriageState: Equatable, Sendable {
  public var entries: [TriageEntry] = []
  public var cursor = ListCursor()
  /// `o`: largest forecast delay first instead of worst deviation first.
  public var byForecast = false
}

extension AppState {
  /// `]`/`[`: the next (or previous) red, then yellow, item after the selected one, in any view.
  mutating func jumpToAttention(forward: Bool) {
    let l = language
    let entries = TriageModel.entries(portfolio, status: status)
    guard !entries.isEmpty else {
      message = StatusMessage(l.pick("Ningún elemento en rojo ni en amarillo.", "No red or yellow items."))
      return
    }
    if triage != nil {
      moveTriage(by: forward ? 1 : -1)
      return
    }
    // Continue from the item of the last jump (its old place if an edit moved it out of the
    // list); the first jump goes to the worst.
    let next: Int
    if let last = lastAttention {
      if let current = entries.firstIndex(where: { $0.kind == last.kind && $0.id == last.id }) {
        next = (current + (forward ? 1 : entries.count - 1)) % entries.count
      } else {
        next = forward ? min(last.position, entries.count - 1) : (last.position + entries.count - 1) % entries.count
      }
    } else {
      next = forward ? 0 : entries.count - 1
    }
    let entry = entries[next]
    lastAttention = (entry.kind, entry.id, next)
    if view == .help || view == .agreements { view = .tree }
    select(SearchIndex.Position(kind: entry.kind, index: entry.index))
    let reds = entries.filter { $0.status.level == .majorDeviation }.count
    let place = entry.status.level == .majorDeviation
      ? l.pick("Rojo \(next + 1) de \(reds)", "Red \(next + 1) of \(reds)")
      : l.pick("Amarillo \(next - reds + 1) de \(entries.count - reds)", "Yellow \(next - reds + 1) of \(entries.count - reds)")
    message = StatusMessage(place + ": " + entry.id + " · " + l.pick("desviación ", "deviation ") + Format.percent(entry.status.deviation))
  }

  mutating func toggleTriage() {
    if triage != nil {
      triage = nil
      return
    }
    // Opens at the worst item, like the meeting goes.
    let state = TriageState(entries: TriageModel.entries(portfolio, status: status, history: progressHistory))
    triage = state
    clampTriage()
    message = StatusMessage(language.pick(
      "Triage: \(state.entries.count) en rojo o amarillo, peor primero. e avance · Intro abrir · Esc volver",
      "Triage: \(state.entries.count) red or yellow, worst first. e progress · Enter open · Esc back"))
  }

  /// A page of entries, for PgUp/PgDn (entries take three to five rows).
  var triageVisible: Int { max(1, (bodyHeight - 1) / 4) }

  mutating func moveTriage(by delta: Int) {
    guard var t = triage else { return }
    t.cursor.selected = min(max(0, t.cursor.selected + delta), max(0, t.entries.count - 1))
    triage = t
    clampTriage()
  }

  /// Keeps the selected entry whole on screen (entries differ in height).
  mutating func clampTriage() {
    guard var t = triage else { return }
    let count = t.entries.count
    t.cursor.selected = count == 0 ? 0 : min(max(0, t.cursor.selected), count - 1)
    t.cursor.offset = min(max(0, t.cursor.offset), t.cursor.selected)
    let room = bodyHeight - 1
    let width = TriageView.textWidth(size.width)
    func height(_ i: Int) -> Int { TriageView.lines(t.entries[i], state: self, width: width).count }
    if count > 0 {
      var used = (t.cursor.offset...t.cursor.selected).reduce(0) { $0 + height($1) }
      while used > room, t.cursor.offset < t.cursor.selected {
        used -= height(t.cursor.offset)
        t.cursor.offset += 1
      }
    }
    triage = t
  }

  /// After an edit the list is rebuilt (an item may turn green and leave it); the selection
  /// stays on its item, or the nearest one.
  mutating func refreshTriage() {
    guard let old = triage else { return }
    let fresh = TriageModel.entries(portfolio, status: status, history: progressHistory)
    var t = TriageState(entries: old.byForecast ? TriageModel.byForecastDelay(fresh) : fresh, cursor: old.cursor, byForecast: old.byForecast)
    t.cursor.follow(from: old.entries, selected: old.cursor.selected, to: t.entries, visible: t.entries.count) { "\($0.kind)/\($0.id)" }
    triage = t
    clampTriage()
  }

  /// `o` in the triage list: worst deviation first ⇄ largest forecast delay first; the
  /// selection stays on its item.
  mutating func toggleTriageOrder() {
    guard let old = triage else { return }
    let byForecast = !old.byForecast
    let worstFirst = TriageModel.entries(portfolio, status: status, history: progressHistory)
    var t = TriageState(entries: byForecast ? TriageModel.byForecastDelay(worstFirst) : worstFirst, cursor: old.cursor, byForecast: byForecast)
    t.cursor.follow(from: old.entries, selected: old.cursor.selected, to: t.entries, visible: t.entries.count) { "\($0.kind)/\($0.id)" }
    triage = t
    clampTriage()
    message = StatusMessage(byForecast
      ? language.pick("Triage: mayor retraso pronosticado primero", "Triage: largest forecast delay first")
      : language.pick("Triage: peor desviación primero", "Triage: worst deviation first"))
  }

  var selectedTriageEntry: TriageEntry? {
    guard let t = triage, t.entries.indices.contains(t.cursor.selected) else { return nil }
    return t.entries[t.cursor.selected]
  }

  /// Keys of the triage list; nil lets the global table handle the key.
  mutating func handleTriageKey(_ key: Key) -> [Effect]? {
    switch key {
    case .escape, .backspace, .character("T"):
      triage = nil
    case .up, .character("k"): moveTriage(by: -1)
    case .down, .character("j"): moveTriage(by: 1)
    case .pageUp, .control("b"): moveTriage(by: -triageVisible)
    case .pageDown, .control("f"): moveTriage(by: triageVisible)
    case .home, .character("g"): moveTriage(by: -Int.max / 4)
    case .end, .character("G"): moveTriage(by: Int.max / 4)
    case .character("o"), .character("O"): toggleTriageOrder()
    case .enter:
      // Open the item in the Portafolio tree, with its detail pane.
      guard let entry = selectedTriageEntry else { return [] }
      triage = nil
      view = .tree
      select(SearchIndex.Position(kind: entry.kind, index: entry.index))
    default:
      guard let binding = KeyBinding.byKey[key] else { return nil }
      switch binding.action {
      case .show, .nextView, .previousView, .present, .search:
        triage = nil
        return nil
      default:
        return nil
      }
    }
    return []
  }
}
