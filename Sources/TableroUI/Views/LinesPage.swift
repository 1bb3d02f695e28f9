import TableroCore

/// A long read-only text in a dialog (the comparison list): wrapped to the dialog, one page
/// shown from `offset`, moved with the usual keys.
struct LinesPage {
  let wrapped: [String]
  /// Text rows the dialog has room for.
  let room: Int
  let offset: Int

  /// `optionRows`: rows the dialog's choices take once wrapped (the room shrinks past two).
  init(_ lines: [String], state: AppState, offset: Int, optionRows: Int = 1) {
    wrapped = lines.flatMap { TextWrap.lines($0, width: ModalView.innerWidth(state)) }
    // Dialog: two border rows, a blank row above the text, the options row and a spare row.
    room = max(1, state.size.height - 5 - max(2, optionRows))
    self.offset = min(max(0, offset), max(0, wrapped.count - room))
  }

  var visible: [String] { Array(wrapped.dropFirst(offset).prefix(room)) }

  var scrolls: Bool { wrapped.count > room }

  /// "↑↓ AvPág RePág: 1–16 de 21 · Esc cerrar" when it scrolls.
  func options(_ l: Language) -> String {
    guard scrolls else { return l.pick("Esc cerrar", "Esc close") }
    return position(l) + " · " + l.pick("Esc cerrar", "Esc close")
  }

  /// "↑↓ AvPág RePág Inicio Fin: 1–16 de 21".
  func position(_ l: Language) -> String {
    let last = min(wrapped.count, offset + room)
    return l.pick("↑↓ AvPág RePág Inicio Fin: ", "↑↓ PgDn PgUp Home End: ") + "\(offset + 1)–\(last)"
      + l.pick(" de ", " of ") + "\(wrapped.count)"
  }

  /// The new offset for a scrolling key, nil for other keys.
  func scrolled(by key: Key) -> Int? {
    let page = max(1, room - 1)
    let delta: Int
    switch key {
    case .down, .character("j"): delta = 1
    case .up, .character("k"): delta = -1
    case .pageDown, .character(" "), .control("f"): delta = page
    case .pageUp, .control("b"): delta = -page
    case .home, .character("g"): return 0
    case .end, .character("G"): return max(0, wrapped.count - room)
    default: return nil
    }
    return min(max(0, offset + delta), max(0, wrapped.count - room))
  }
}
