/// What one screen cell sends to the terminal for its grapheme cluster.
///
/// The screen measures and cuts text by grapheme cluster (an emoji ZWJ sequence, a letter with
/// combining accents), but terminals disagree on how wide a multi-emoji cluster is: tmux 3.3
/// draws "👩‍👩‍👧" as three emoji, or joins the character after a trailing ZWJ into the
/// cell, and the rest of the row shifts (issue 13). So a cell sends its first scalar plus the
/// combining marks every terminal places on it, and nothing that can widen or join: ZWJ,
/// further emoji, variation selectors and skin-tone modifiers are dropped. "é" written as
/// e + U+0301 still shows as é; a ZWJ family shows as its first person, two columns wide, as
/// the screen counted it.
enum CellText {
  static func scalars(of grapheme: Character) -> [UInt32] {
    var out: [UInt32] = []
    for scalar in grapheme.unicodeScalars {
      if out.isEmpty {
        out.append(scalar.value)
        continue
      }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark:
        // Variation selectors are nonspacing marks too, but VS16 turns text glyphs into wide
        // emoji on some terminals: leave them out.
        if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) { continue }
        out.append(scalar.value)
      default:
        continue
      }
    }
    return out
  }
}
