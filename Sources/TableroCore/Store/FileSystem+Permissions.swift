#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files beside the data (journal, history, lock, backups) take the data file's permissions,
/// so a private (0600) portfolio does not leak its notes through a world-readable sidecar; and a
/// write-protected data file is not replaced without being asked.
extension FileSystem {
  /// The data file's read/write bits (no execute, no setuid), or nil when it does not exist.
  static func sidecarMode(for dataPath: String) -> mode_t? {
    mode(of: resolvingSymlink(dataPath)).map { $0 & 0o666 }
  }

  /// Gives a sidecar just created the data file's permissions and, where allowed, its group.
  static func matchPermissions(_ fd: Int32, of dataPath: String) {
    var info = stat()
    guard stat(resolvingSymlink(dataPath), &info) == 0 else { return }
    _ = fchown(fd, uid_t.max, info.st_gid)  // only possible for a group we belong to; else kept
    _ = fchmod(fd, info.st_mode & 0o666)
  }

  /// The file exists and may not be written by us: no write bit for anyone (chmod a-w, as `rm`
  /// and editors treat it even for root), or no write permission for this user.
  static func isWriteProtected(_ path: String) -> Bool {
    let target = resolvingSymlink(path)
    var info = stat()
    guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
    return info.st_mode & 0o222 == 0 || access(target, W_OK) != 0
  }

  /// "0444 (r--r--r--)".
  static func describeMode(of path: String) -> String {
    guard let mode = mode(of: resolvingSymlink(path)) else { return "?" }
    let octal = String(mode & 0o777, radix: 8)
    var letters = ""
    for shift in [6, 3, 0] {
      let bits = (mode >> mode_t(shift)) & 0o7
      letters += (bits & 4 != 0 ? "r" : "-") + (bits & 2 != 0 ? "w" : "-") + (bits & 1 != 0 ? "x" : "-")
    }
    return String(repeating: "0", count: max(0, 4 - octal.count)) + octal + " (" + letters + ")"
  }
}
