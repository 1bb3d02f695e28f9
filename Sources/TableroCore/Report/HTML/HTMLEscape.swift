/// Escaping for text placed in HTML and SVG (both element content and quoted attribute
/// values): `&`, `<`, `>`, `"` and `'` become entities, control characters other than tab
/// and line breaks are dropped (they are not allowed in HTML), everything else (accents,
/// ñ, ✓) stays as UTF-8.
enum HTML {
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A number for SVG coordinates: at most one decimal, no exponent.
  static func n(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    if tenths == (tenths / 10).rounded() * 10 { return String(Int(tenths / 10)) }
    return Format.oneDecimal(value)
  }

  /// Shortens a label to `limit` characters with an ellipsis.
  static func clip(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
  }
}
