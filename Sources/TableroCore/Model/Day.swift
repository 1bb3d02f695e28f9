/// A calendar day without time or time zone: portfolio dates are civil dates, and
/// doing arithmetic on day numbers keeps status computation exact and fast.
public struct Day: Hashable, Comparable, Sendable {
  /// Days since 1970-01-01 (proleptic Gregorian).
  public let ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  /// Nil when the date does not exist (31/02, 29/02 of a common year, month 13…).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    ordinal = Day.ordinal(year: year, month: month, day: day)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Howard Hinnant's days_from_civil.
  private static func ordinal(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Year, month and day (civil_from_days).
  public var components: (year: Int, month: Int, day: Int) {
    let z = ordinal + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public var year: Int { components.year }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: Day) -> Int { other.ordinal - ordinal }
}

extension Day {
  /// `YYYY-MM-DD`, the file format.
  public var iso: String {
    let c = components
    return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
  }

  /// `DD/MM/YYYY`, as the seed's Cuadro 9 shows dates.
  public var display: String {
    let c = components
    return "\(Day.pad(c.day, 2))/\(Day.pad(c.month, 2))/\(Day.pad(c.year, 4))"
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  /// Parses `YYYY-MM-DD` only (the file format): strict, so files stay canonical.
  public init?(iso text: String) {
    self.init(isoUTF8: text.utf8)
  }

  /// `init(iso:)` on the bytes of the text (the loader reads dates straight from the file).
  init?(isoUTF8 bytes: some Sequence<UInt8>) {
    // Fixed positions, no allocation: YYYY-MM-DD is exactly 10 ASCII bytes.
    var digits = (0, 0, 0)
    var count = 0
    for byte in bytes {
      switch count {
      case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
      case 0..<10:
        guard byte >= 48, byte <= 57 else { return nil }
        let v = Int(byte - 48)
        if count < 4 { digits.0 = digits.0 * 10 + v } else if count < 7 { digits.1 = digits.1 * 10 + v } else { digits.2 = digits.2 * 10 + v }
      default: return nil
      }
      count += 1
    }
    guard count == 10 else { return nil }
    self.init(year: digits.0, month: digits.1, day: digits.2)
  }

  /// What a person types: `DD/MM/YYYY` (also `D/M/YYYY`) or `YYYY-MM-DD`.
  public init?(userText raw: String) {
    let text = raw.trimmingSpaces()
    if let iso = Day(iso: text) { self = iso; return }
    let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
      parts[2].count == 4,
      let d = Day.number(parts[0]), let m = Day.number(parts[1]), let y = Day.number(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  private static func number(_ digits: Substring.UTF8View) -> Int? {
    var value = 0
    for byte in digits {
      guard byte >= 48, byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return digits.isEmpty ? nil : value
  }
}

extension String {
  /// Trims ASCII spaces and tabs without Foundation.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" })
    else { return "" }
    let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" }) ?? first
    return String(scalars[first...last])
  }
}
