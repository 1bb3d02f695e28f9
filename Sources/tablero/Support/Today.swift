#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TableroCore

/// The local calendar date, read once where a command needs "today" (notes on progress).
enum Today {
  static var day: Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(ordinal: Int(now) / 86_400)
  }
}
