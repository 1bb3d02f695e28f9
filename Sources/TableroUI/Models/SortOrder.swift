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
    guard key != .file else { return descending ? indices.reversed() : indices }
    let items = portfolio.initiatives
    let states = status.initiatives
    func less(_ a: Int, _ b: Int) -> Bool? {
      switch key {
      case .file: return nil
      case .id: return items[a].id == items[b].id ? nil : items[a].id < items[b].id
      case .name:
        let x = items[a].name.lowercased(), y = items[b].name.lowercased()
        return x == y ? nil : x < y
      case .end: return items[a].end == items[b].end ? nil : items[a].end < items[b].end
      case .expected:
        let x = states[a].expected ?? -1, y = states[b].expected ?? -1
        return x == y ? nil : x < y
      case .actual:
        let x = states[a].actual ?? -1, y = states[b].actual ?? -1
        return x == y ? nil : x < y
      case .deviation:
        let x = states[a].deviation ?? .infinity, y = states[b].deviation ?? .infinity
        return x == y ? nil : x < y
      }
    }
    return indices.sorted { a, b in
      if let result = less(a, b) { return descending ? !result : result }
      return a < b
    }
  }
}
