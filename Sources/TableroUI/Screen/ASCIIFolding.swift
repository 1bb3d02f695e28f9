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

  /// One grapheme as ASCII: at least one character, so nothing disappears.
  static func fold(_ character: Character) -> String {
    if character.isASCII { return String(character) }
    if let replacement = replacements[character] { return replacement }
    let stripped = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    let ascii = String(String.UnicodeScalarView(stripped.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }))
    return ascii.isEmpty ? "?" : ascii
  }
}
