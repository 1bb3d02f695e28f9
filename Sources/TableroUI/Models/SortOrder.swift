import TableroCore

/// Column a list of initiatives is sorted by (o cycles, O reverses).
public enum SortKey: Int, CaseIterable, Sendable {
  case file, id, name, end, expected, actual, deviation

  var next: SortKey { SortKey(rawValue: (rawValue + 1) % SortKey.allCases.count) ?? .file }

  func label(_ l: Language) -> String {
    switch self {
    case .file: l.pick("orden del archivo", "file order")
    case .id: "id"
    case .name: l.pick("nombre", "name")
    case .end: l.pick("fecha esperada", "expected end")
    case .expected: l.pick("avance esperado", "expected progress")
    case .actual: l.pick("avance real", "actual progress")
    case .deviation: l.pick("desviación", "deviation")
    }
  }
}

public struct SortOrder: Equatable, Sendable {
  public var key: SortKey = .file
  public var descending = false

  /// Sorts initiative indices; ties keep file order so the list never jumps around.
  func sorted(_ indices: [Int], portfolio: Portfolio, status: PortfolioStatus) -> [Int] {
    sorted(indices, id: { portfolio.initiatives[$0].id }, name: { portfolio.initiatives[$0].name }, status: { status.initiatives[$0] })
  }

  /// Sorts the items of one level (components of an imperative, initiatives of a component) by
  /// the current key; ties keep the given order so the list never jumps around.
  func sorted<T>(_ items: [T], id: (T) -> String, name: (T) -> String, status: (T) -> ItemStatus) -> [T] {
    guard key != .file else { return descending ? items.reversed() : items }
    // Items without the value (not started, no dates) go last whichever the direction.
    func numbers(_ x: Double?, _ y: Double?) -> (Bool?, fixed: Bool) {
      switch (x, y) {
      case (nil, nil): return (nil, false)
      case (nil, _): return (false, true)
      case (_, nil): return (true, true)
      case (let x?, let y?): return (x == y ? nil : x < y, false)
      }
    }
    func compare(_ a: T, _ b: T) -> (Bool?, fixed: Bool) {
      switch key {
      case .file: return (nil, false)
      case .id:
        let x = id(a), y = id(b)
        return (x == y ? nil : x < y, false)
      case .name:
        let x = name(a).lowercased(), y = name(b).lowercased()
        return (x == y ? nil : x < y, false)
      case .end: return numbers(status(a).end.map { Double($0.ordinal) }, status(b).end.map { Double($0.ordinal) })
      case .expected: return numbers(status(a).expected, status(b).expected)
      case .actual: return numbers(status(a).actual, status(b).actual)
      case .deviation: return numbers(status(a).deviation, status(b).deviation)
      }
    }
    return items.enumerated().sorted { a, b in
      let (result, fixed) = compare(a.element, b.element)
      if let result { return fixed || !descending ? result : !result }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// "▲" ascending, "▼" descending; empty in file order.
  func arrow(_ unicode: Bool) -> String {
    guard key != .file else { return "" }
    return unicode ? (descending ? "▼" : "▲") : (descending ? "v" : "^")
  }
}
