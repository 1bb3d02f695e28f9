import TableroCore

/// Accent- and case-insensitive search over ids and names, in tree order: imperatives,
/// components, initiatives. Folded text is built once per portfolio change, so each
/// keystroke is a plain byte search.
struct SearchIndex: Sendable {
  struct Position: Equatable, Sendable {
    var kind: ItemKind
    var index: Int
  }
  private var entries: [(position: Position, text: [UInt8])] = []

  init(_ portfolio: Portfolio) {
    entries.reserveCapacity(portfolio.imperatives.count + portfolio.components.count + portfolio.initiatives.count)
    for (i, x) in portfolio.imperatives.enumerated() {
      entries.append((Position(kind: .imperative, index: i), Self.fold("\(x.id) \(x.name)")))
    }
    for (i, x) in portfolio.components.enumerated() {
      entries.append((Position(kind: .component, index: i), Self.fold("\(x.id) \(x.name)")))
    }
    for (i, x) in portfolio.initiatives.enumerated() {
      entries.append((Position(kind: .initiative, index: i), Self.fold("\(x.id) \(x.name)")))
    }
  }

  var count: Int { entries.count }

  func order(of position: Position) -> Int? { entries.firstIndex { $0.position == position } }

  /// The first match at or after `start` (wrapping), or before it when `backwards`.
  func find(_ query: String, from start: Int, backwards: Bool = false) -> Position? {
    let needle = Self.fold(query)
    guard !needle.isEmpty, !entries.isEmpty else { return nil }
    let n = entries.count
    for step in 0..<n {
      let k = backwards ? ((start - step) % n + n) % n : (start + step) % n
      if Self.contains(entries[k].text, needle) { return entries[k].position }
    }
    return nil
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    let first = needle[0]
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first {
        var j = 1
        while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
        if j == needle.count { return true }
      }
      i += 1
    }
    return false
  }

  /// Lower case without accents: "Atención" → "atencion", "Ñ" → "n".
  static func fold(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        let b = UInt8(scalar.value)
        out.append(b >= 65 && b <= 90 ? b + 32 : b)
        continue
      }
      switch scalar {
      case "á", "à", "ä", "â", "Á", "À", "Ä", "Â": out.append(97)
      case "é", "è", "ë", "ê", "É", "È", "Ë", "Ê": out.append(101)
      case "í", "ì", "ï", "î", "Í", "Ì", "Ï", "Î": out.append(105)
      case "ó", "ò", "ö", "ô", "Ó", "Ò", "Ö", "Ô": out.append(111)
      case "ú", "ù", "ü", "û", "Ú", "Ù", "Ü", "Û": out.append(117)
      case "ñ", "Ñ": out.append(110)
      case "\u{0300}"..."\u{036F}": continue  // combining accents of decomposed text
      default: out.append(contentsOf: Array(String(scalar).lowercased().utf8))
      }
    }
    return out
  }
}
