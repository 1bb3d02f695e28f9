#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Named moments where the fault-injection tests kill the real binary (SIGKILL to itself) to
/// check what a crash exactly there leaves behind. Set `TABLERO_CRASH_AT=<name>`; unset (always,
/// for users) nothing happens.
public enum CrashPoint: String, Sendable {
  /// A save renamed the new file into place; the journal is not removed yet.
  case saveRenamed = "save-renamed"
  /// A save merged another session's version in memory (the lock held); nothing written yet.
  case saveMerged = "save-merged"

  private static let armed: String? = getenv("TABLERO_CRASH_AT").map { String(cString: $0) }

  static func hit(_ point: CrashPoint) {
    guard armed == point.rawValue else { return }
    kill(getpid(), SIGKILL)
  }
}
