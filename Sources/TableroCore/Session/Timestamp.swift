#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A moment in UTC to the second, written `2026-11-25T16:05:03Z` in journal, lock and history
/// files so they read the same on every machine and sort as text.
public struct Timestamp: Hashable, Comparable, Sendable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int64

  public init(seconds: Int64) { self.seconds = seconds }

  public static var now: Timestamp {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Timestamp(seconds: Int64(spec.tv_sec))
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

  /// The UTC calendar day.
  public var utcDay: Day { Day(ordinal: Int(floorDiv(seconds, 86_400))) }

  /// `YYYY-MM-DDTHH:MM:SSZ`.
  public var iso: String {
    let secondOfDay = Int(seconds - floorDiv(seconds, 86_400) * 86_400)
    return "\(utcDay.iso)T\(Day.pad(secondOfDay / 3600, 2)):\(Day.pad(secondOfDay / 60 % 60, 2)):\(Day.pad(secondOfDay % 60, 2))Z"
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` (what `iso` writes); also accepts fractional seconds.
  public init?(iso text: String) {
    let u = Array(text.utf8)
    guard u.count >= 20, u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
      u.last == UInt8(ascii: "Z"),
      let day = Day(iso: String(decoding: u[0..<10], as: UTF8.self)),
      let h = Self.digits(u[11..<13]), let m = Self.digits(u[14..<16]), let s = Self.digits(u[17..<19]),
      h < 24, m < 60, s < 61
    else { return nil }
    if u.count > 20 {
      guard u[19] == UInt8(ascii: "."), u.count > 21, Self.digits(u[20..<(u.count - 1)]) != nil else { return nil }
    }
    seconds = Int64(day.ordinal) * 86_400 + Int64(h * 3600 + m * 60 + s)
  }

  /// The local date and time (TZ of this process), for showing to a person.
  public var local: (day: Day, hour: Int, minute: Int) {
    var t = time_t(seconds)
    var parts = tm()
    localtime_r(&t, &parts)
    let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? utcDay
    return (day, Int(parts.tm_hour), Int(parts.tm_min))
  }

  /// `DD/MM/YYYY HH:MM` in local time.
  public var localDisplay: String {
    let l = local
    return "\(l.day.display) \(Day.pad(l.hour, 2)):\(Day.pad(l.minute, 2))"
  }

  private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
    var v = 0
    for b in bytes {
      guard b >= 48, b <= 57 else { return nil }
      v = v * 10 + Int(b - 48)
    }
    return bytes.isEmpty ? nil : v
  }

  private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// Who is editing: `$USER@host`, and the process, as written in lock, journal and history.
public struct SessionIdentity: Equatable, Sendable {
  public var user: String
  public var host: String
  public var pid: Int32

  public init(user: String, host: String, pid: Int32 = getpid()) {
    self.user = user
    self.host = host
    self.pid = pid
  }

  /// Who edits, first of: `explicit` (`--usuario`), `$TABLERO_USER`, `$USER`, `$LOGNAME`, the
  /// login name of the uid, "uid<n>"; and `gethostname`. A shared SSH account (everyone logs in
  /// as `tablero`) still records the person through `--usuario` or `TABLERO_USER`.
  public static func current(environment: [String: String], explicit: String? = nil) -> SessionIdentity {
    let candidates = [explicit, environment["TABLERO_USER"], environment["USER"], environment["LOGNAME"]]
    var user = candidates.lazy.compactMap { $0.map(userName) }.first { !$0.isEmpty } ?? ""
    if user.isEmpty, let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { user = userName(String(cString: name)) }
    if user.isEmpty { user = "uid\(getuid())" }
    return SessionIdentity(user: user, host: hostName(), pid: getpid())
  }

  /// A user name as written in the files: no control characters (they would reach the screen
  /// from the history), no surrounding spaces, no `@` (it separates the host).
  public static func userName(_ raw: String) -> String {
    let kept = raw.unicodeScalars.filter { !$0.properties.generalCategory.isControlLike && $0 != "@" }
    return String(String.UnicodeScalarView(kept)).trimmingSpaces()
  }

  /// `mlopez@laptop` → `mlopez` (history records write `user@host`; people read the name).
  public static func person(fromUserAtHost text: String) -> String {
    guard let at = text.lastIndex(of: "@"), at != text.startIndex else { return text }
    return String(text[..<at])
  }

  public static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "localhost" : name
  }

  /// `user@host`.
  public var userAtHost: String { "\(user)@\(host)" }
}

extension Unicode.GeneralCategory {
  /// Control, format and separator characters that are not plain spaces.
  var isControlLike: Bool {
    switch self {
    case .control, .format, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }
}
