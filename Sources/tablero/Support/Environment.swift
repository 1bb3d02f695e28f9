import TableroCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Process environment and standard streams.
enum Environment {
  static func value(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    return String(cString: raw)
  }

  static var all: [String: String] {
    var result: [String: String] = [:]
    for name in ["TABLERO_FILE", "TABLERO_USER", "XDG_DATA_HOME", "HOME", "USER", "LOGNAME", "NO_COLOR", "LANG", "LC_ALL", "TERM"] {
      if let v = value(name) { result[name] = v }
    }
    return result
  }

  /// Colour only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org).
  static var stdoutWantsColor: Bool {
    if let noColor = value("NO_COLOR"), !noColor.isEmpty { return false }
    return isatty(STDOUT_FILENO) == 1
  }

  static func printError(_ text: String) {
    var line = TerminalText.sanitized(text)
    if !line.hasSuffix("\n") { line += "\n" }
    // write(2) on fd 2: Swift 6 rejects the C global `stderr`.
    let bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      offset += n
    }
  }
}
