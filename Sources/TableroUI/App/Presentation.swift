import TableroCore

/// Presentation mode for the status-review meeting: one imperative at a time, red and
/// yellow first, wider spacing, report date and legend always on screen; read-only until
/// explicitly unlocked.
public struct PresentationState: Equatable, Sendable {
  /// Index into the portfolio's imperatives.
  public var imperative = 0
  public var cursor = ListCursor()
  /// Edits were unlocked during the meeting (L).
  public var unlocked = false
  /// The component (portfolio index) whose initiatives are listed under it (Intro).
  public var openComponent: Int?

  public init() {}
}

/// A row of the presentation: a component of the shown imperative, worst first.
struct PresentationRow: Equatable {
  var componentIndex: Int
  var weight: Double
}

extension AppState {
  /// Components of the imperative on show, ordered red, yellow, not started, green; within a
  /// state by deviation, worst first.
  var presentationRows: [PresentationRow] {
    guard let p = presentation, portfolio.imperatives.indices.contains(p.imperative) else { return [] }
    let members = portfolio.imperatives[p.imperative].members
    let rows = members.compactMap { m in componentIndex[m.componentID].map { PresentationRow(componentIndex: $0, weight: m.weight) } }
    func rank(_ level: StatusLevel) -> Int {
      switch level {
      case .majorDeviation: 0
      case .minorDeviation: 1
      case .notStarted: 2
      case .onTrack: 3
      case .noComponents: 4
      }
    }
    return rows.sorted { a, b in
      let sa = status.components[a.componentIndex], sb = status.components[b.componentIndex]
      if rank(sa.level) != rank(sb.level) { return rank(sa.level) < rank(sb.level) }
      return (sa.deviation ?? 0) < (sb.deviation ?? 0)
    }
  }

  public var isPresenting: Bool { presentation != nil }

  mutating func startPresentation() {
    var p = PresentationState()
    // Start with the first imperative that has something to discuss.
    p.imperative = status.imperatives.firstIndex { $0.level == .majorDeviation }
      ?? status.imperatives.firstIndex { $0.level == .minorDeviation } ?? 0
    presentation = p
    if !config.readOnly { config.readOnly = true }
    message = StatusMessage(language.pick(
      "Presentación: ← → cambia de imperativo · L desbloquea la edición · Esc sale",
      "Presentation: ← → next imperative · L unlocks editing · Esc leaves"))
  }

  mutating func handlePresentationKey(_ key: Key) -> [Effect] {
    guard var p = presentation else { return [] }
    let count = portfolio.imperatives.count
    let rows = presentationRows.count
    switch key {
    case .right, .character("l"), .pageDown, .character(" "), .character("n"):
      p.imperative = count == 0 ? 0 : (p.imperative + 1) % count
      p.cursor = ListCursor()
      p.openComponent = nil
    case .left, .character("h"), .pageUp, .character("p"), .backspace:
      p.imperative = count == 0 ? 0 : (p.imperative + count - 1) % count
      p.cursor = ListCursor()
      p.openComponent = nil
    case .enter:
      // Opens (or closes) the selected component: its initiatives, worst first, under it.
      let shown = presentationRows
      guard shown.indices.contains(p.cursor.selected) else { break }
      let c = shown[p.cursor.selected].componentIndex
      p.openComponent = p.openComponent == c ? nil : c
      message = nil
    case .down, .character("j"): p.cursor.move(by: 1, count: rows, visible: rows)
    case .up, .character("k"): p.cursor.move(by: -1, count: rows, visible: rows)
    case .character("L"):
      p.unlocked.toggle()
      config.readOnly = !p.unlocked
      message = StatusMessage(p.unlocked
        ? language.pick("Edición desbloqueada: los cambios se pueden guardar.", "Editing unlocked: changes can be saved.")
        : language.pick("Edición bloqueada.", "Editing locked."), p.unlocked ? .success : .info)
    case .escape, .character("P"):
      presentation = nil
      message = nil
      return []
    case .character("q"), .control("c"):
      presentation = p
      return requestQuit()
    default:
      message = StatusMessage(presentationRefusal(key))
    }
    presentation = p
    return []
  }

  /// Why a key does nothing in the presentation: which view it belongs to, or that editing is
  /// locked, and what works here instead.
  func presentationRefusal(_ key: Key) -> String {
    let l = language
    let here = l.pick(
      "← → imperativo · ↑ ↓ componente · Intro iniciativas · L desbloquear · Esc salir",
      "← → imperative · ↑ ↓ component · Enter initiatives · L unlock · Esc leave")
    guard let binding = KeyBinding.byKey[key] else {
      if case .character(let c) = key { return l.pick("Tecla «\(c)» sin función en la presentación: ", "Key «\(c)» does nothing in the presentation: ") + here }
      return l.pick("Esa tecla no se usa en la presentación: ", "That key is not used in the presentation: ") + here
    }
    let name = binding.keyLabel.split(separator: " ").last.map(String.init) ?? binding.keyLabel
    if binding.edits {
      return l.pick(
        "«\(name)»: en la presentación no se edita; Esc vuelve a las vistas (L desbloquea la edición).",
        "«\(name)»: no editing in the presentation; Esc returns to the views (L unlocks editing).")
    }
    return l.pick("«\(name)» es de las vistas; Esc vuelve a ellas. Aquí: ", "«\(name)» belongs to the views; Esc returns to them. Here: ") + here
  }
}
