import TableroCore

/// Accent- and case-insensitive search over ids and names, in tree order: imperatives,
/// components, initiatives. Folded text is built once per portfolio change, so each
/// keystroke is a plain byte search.
///
/// The folded texts sit end to end in one byte array, each followed by a newline (which no
/// query contains, so no match spans two items): a keystroke is one scan over contiguous
/// memory (≈ 8 MB at 100 000 initiatives), not 100 000 small arrays.
struct SearchIndex: Sendable {
  struct Position: Equatable, Sendable {
    var kind: ItemKind
    var index: Int
  }
  private var text: [UInt8] = []
  /// Where each item's text starts in `text`, in tree order; one more entry marks the end.
  private var starts: [Int] = []
  private var imperativeCount = 0
  private var componentCount = 0

  static let separator: UInt8 = 0x0A

  init(_ portfolio: Portfolio) {
    imperativeCount = portfolio.imperatives.count
    componentCount = portfolio.components.count
    let total = imperativeCount + componentCount + portfolio.initiatives.count
    starts.reserveCapacity(total + 1)
    text.reserveCapacity(total * 64)
    func add(_ id: String, _ name: String) {
      starts.append(text.count)
      Self.fold(id, into: &text)
      text.append(0x20)
      Self.fold(name, into: &text)
      text.append(Self.separator)
    }
    for x in portfolio.imperatives { add(x.id, x.name) }
    for x in portfolio.components { add(x.id, x.name) }
    for x in portfolio.initiatives { add(x.id, x.name) }
    starts.append(text.count)
  }

  var count: Int { starts.count - 1 }

  func position(at order: Int) -> Position {
    if order < imperativeCount { return Position(kind: .imperative, index: order) }
    if order < imperativeCount + componentCount {
      return Position(kind: .component, index: order - imperativeCount)
    }
    return Position(kind: .initiative, index: order - imperativeCount - componentCount)
  }

  func order(of position: Position) -> Int? {
    let order: Int
    switch position.kind {
    case .imperative: order = position.index
    case .component: order = imperativeCount + position.index
    case .initiative: order = imperativeCount + componentCount + position.index
    }
    return position.index >= 0 && order < count && self.position(at: order) == position ? order : nil
  }

  /// The first match at or after `start` (wrapping), or before it when `backwards`.
  func find(_ query: String, from start: Int, backwards: Bool = false) -> Position? {
    let needle = Self.fold(query)
    let n = count
    guard !needle.isEmpty, n > 0 else { return nil }
    let first = ((start % n) + n) % n
    return text.withUnsafeBufferPointer { hay -> Position? in
      needle.withUnsafeBufferPointer { pattern -> Position? in
        if backwards {
          for step in 0..<n {
            let k = ((first - step) % n + n) % n
            if Self.firstMatch(pattern, in: hay, from: starts[k], to: starts[k + 1]) != nil { return position(at: k) }
          }
          return nil
        }
        // From the start item to the end, then from the top back to it.
        if let offset = Self.firstMatch(pattern, in: hay, from: starts[first], to: starts[n]) {
          return position(at: item(containing: offset))
        }
        if first > 0, let offset = Self.firstMatch(pattern, in: hay, from: 0, to: starts[first]) {
          return position(at: item(containing: offset))
        }
        return nil
      }
    }
  }

  /// The item whose text holds byte `offset` (binary search over `starts`).
  private func item(containing offset: Int) -> Int {
    var low = 0
    var high = count  // starts[high] > offset
    while high - low > 1 {
      let mid = (low + high) / 2
      if starts[mid] <= offset { low = mid } else { high = mid }
    }
    return low
  }

  /// Offset of the first occurrence of `needle` within `haystack[from..<to]`.
  static func firstMatch(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    let m = needle.count
    guard m > 0, to - from >= m else { return nil }
    let head = needle[0]
    let last = to - m
    var i = from
    while i <= last {
      guard let found = firstByte(head, in: haystack, from: i, to: last + 1) else { return nil }
      var j = 1
      while j < m, haystack[found + j] == needle[j] { j += 1 }
      if j == m { return found }
      i = found + 1
    }
    return nil
  }

  /// Offset of the first `byte` in `buffer[from..<to]`, eight bytes at a time.
  static func firstByte(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    var i = from
    guard let base = buffer.baseAddress else { return nil }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let pattern = ones &* UInt64(byte)
    while i + 8 <= to {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern
      // A zero byte in `word` is a match (the classic "has zero byte" test).
      if (word &- ones) & ~word & highs != 0 { break }
      i += 8
    }
    while i < to {
      if base[i] == byte { return i }
      i += 1
    }
    return nil
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { firstMatch($0, in: hay, from: 0, to: hay.count) != nil }
    }
  }

  /// Lower case without accents: "Atención" → "atencion", "Ñ" → "n".
  static func fold(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    fold(text, into: &out)
    return out
  }

  static func fold(_ text: String, into out: inout [UInt8]) {
    // Bytes for ASCII and Latin-1 letters (nearly all Spanish text); any other non-ASCII
    // text goes scalar by scalar. Both give the same bytes.
    let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          i += 1
          continue
        }
        if b == 0xC3, i + 1 < bytes.count, (0x80...0xBF).contains(bytes[i + 1]) {
          i += 2
          continue
        }
        return false
      }
      out.reserveCapacity(out.count + bytes.count)
      i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          out.append(b >= 65 && b <= 90 ? b + 32 : b)
          i += 1
        } else {
          out.append(contentsOf: latin1Folded[Int(bytes[i + 1] - 0x80)])
          i += 2
        }
      }
      return true
    }
    if done == true { return }
    for scalar in text.unicodeScalars { fold(scalar, into: &out) }
  }

  /// Folded bytes of U+00C0…U+00FF (UTF-8 0xC3 0x80…0xBF), from `fold(_:into:)` itself.
  static let latin1Folded: [[UInt8]] = (0xC0...0xFF).map { value in
    var out: [UInt8] = []
    fold(Unicode.Scalar(UInt32(value))!, into: &out)
    return out
  }

  static func fold(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
    if scalar.isASCII {
      let b = UInt8(scalar.value)
      out.append(b >= 65 && b <= 90 ? b + 32 : b)
      return
    }
    switch scalar {
    case "á", "à", "ä", "â", "Á", "À", "Ä", "Â": out.append(97)
    case "é", "è", "ë", "ê", "É", "È", "Ë", "Ê": out.append(101)
    case "í", "ì", "ï", "î", "Í", "Ì", "Ï", "Î": out.append(105)
    case "ó", "ò", "ö", "ô", "Ó", "Ò", "Ö", "Ô": out.append(111)
    case "ú", "ù", "ü", "û", "Ú", "Ù", "Ü", "Û": out.append(117)
    case "ñ", "Ñ": out.append(110)
    case "\u{0300}"..."\u{036F}": return  // combining accents of decomposed text
    default: out.append(contentsOf: Array(String(scalar).lowercased().utf8))
    }
  }
}
