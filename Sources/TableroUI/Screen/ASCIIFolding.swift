import Foundation

/// Text for terminals without UTF-8 (LANG=C, some ssh clients): every character sent is
/// ASCII. Typographic marks get their usual ASCII spelling (… → "...", · → "-", — → "--",
/// › → ">"), accents are folded (á → a, ñ → n), anything else becomes "?".
enum ASCIIFolding {
  static let replacements: [Character: String] = [
    "…": "...", "·": "-", "—": "--", "–": "-", "›": ">", "‹": "<", "«": "\"", "»": "\"",
    "→": "->", "←": "<-", "↑": "^", "↓": "v", "⇧": "S-", "×": "x", "≤": "<=", "≥": ">=",
    "“": "\"", "”": "\"", "‘": "'", "’": "'", "¿": "?", "¡": "!", "°": "o", "º": "o", "ª": "a",
    "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
    "█": "#", "▓": "#", "▒": "=", "░": "-", "●": "*", "○": "o", "✓": "+", "✗": "X", "▲": "!", "▼": "v",
    "▾": "v", "▸": ">", "▶": ">", "◀": "<", "•": "*", "⏎": "Enter", "€": "EUR", "\u{A0}": " ",
  ]

  static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

  static func fold(_ text: String) -> String {
    if isASCII(text) { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text { out += fold(character) }
    return out
  }

  /// Like `fold`, but a text cut to its columns with a final "…" stays in those columns: the
  /// "..." takes the place of the "…" and the two characters before it, so a name cut to fit a
  /// list column does not run over the separator beside it.
  static func foldKeepingCut(_ text: String) -> String {
    guard text.last == "…", !isASCII(text) else { return fold(text) }
    let columns = DisplayWidth.of(text)
    guard columns > 3 else { return String(repeating: ".", count: max(1, columns)) }
    var kept = ""
    var used = 0
    for character in fold(String(text.dropLast())) {
      let width = DisplayWidth.of(character)
      if used + width > columns - 3 { break }
      kept.append(character)
      used += width
    }
    return kept + "..."
  }

  /// One grapheme as ASCII: at least one character, so nothing disappears.
  static func fold(_ character: Character) -> String {
    if character.isASCII { return String(character) }
    if let replacement = replacements[character] { return replacement }
    let stripped = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    let ascii = String(String.UnicodeScalarView(stripped.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }))
    return ascii.isEmpty ? "?" : ascii
  }
}
