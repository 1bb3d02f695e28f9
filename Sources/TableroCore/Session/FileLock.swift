#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TableroJSON

/// Who holds a data file: the contents of `<file>.lock`.
public struct LockInfo: Equatable, Sendable {
  public var pid: Int32
  public var host: String
  public var user: String
  /// ISO-8601 UTC.
  public var started: String
  /// A person's session (the TUI), which may hold the file for hours; a command line write
  /// holds it for a moment, so another writer waits for it instead of giving up.
  public var interactive: Bool

  public init(pid: Int32, host: String, user: String, started: String, interactive: Bool = false) {
    self.pid = pid
    self.host = host
    self.user = user
    self.started = started
    self.interactive = interactive
  }

  public init(_ identity: SessionIdentity, started: Timestamp, interactive: Bool = false) {
    self.init(pid: identity.pid, host: identity.host, user: identity.user, started: started.iso, interactive: interactive)
  }

  public var json: JSONValue {
    var o: JSONObject = [
      "pid": .number(JSONNumber(Int(pid))), "host": .string(host), "user": .string(user), "started": .string(started),
    ]
    if interactive { o.set("interactive", .bool(true)) }
    return .object(o)
  }

  public init?(json: JSONValue) {
    guard let pid = json["pid"]?.intValue, let host = json["host"]?.stringValue,
      let user = json["user"]?.stringValue
    else { return nil }
    self.init(
      pid: Int32(truncatingIfNeeded: pid), host: host, user: user, started: json["started"]?.stringValue ?? "",
      interactive: json["interactive"]?.boolValue ?? false)
  }

  /// "lo está editando ana@laptop (pid 123, desde 25/11/2026 10:04)" and, for another host,
  /// how to free it by hand.
  public func describe(_ l: Language, lockPath: String) -> String {
    let since = Timestamp(iso: started)?.localDisplay ?? started
    var text = l.pick(
      "lo está editando \(user)@\(host) (pid \(pid), desde \(since))",
      "it is being edited by \(user)@\(host) (pid \(pid), since \(since))")
    if host != SessionIdentity.hostName() {
      text += l.pick(
        "; el candado es de otra máquina y nunca se da por abandonado automáticamente: si está seguro de que esa sesión terminó, borre \(lockPath)",
        "; the lock is from another machine and is never treated as stale automatically: if you are sure that session is over, delete \(lockPath)")
    }
    return text
  }
}

/// `<file>.lock`: marks a data file as being edited, so a second session opens it read-only and
/// says who holds it. The lock file is created complete (written to a temporary file, then
/// hard-linked into place, or O_CREAT|O_EXCL where links are not supported) and, while owned,
/// an `flock(LOCK_EX)` is held on it. A lock whose process is gone on this host is `.stale`
/// and can be taken over; a lock from another host never is.
public final class FileLock {
  public enum Outcome: Equatable, Sendable {
    case acquired
    case heldBy(LockInfo)
    case stale(LockInfo)
  }

  public let dataPath: String
  public let lockPath: String
  public let info: LockInfo
  private var fd: Int32 = -1
  /// The lock's folder, held open so the lock is found and removed even if the folder is
  /// renamed or moved while the session runs.
  private var folderFD: Int32 = -1

  public static func path(for dataPath: String) -> String { dataPath + ".lock" }

  public init(dataPath: String, info: LockInfo) {
    self.dataPath = dataPath
    self.lockPath = Self.path(for: dataPath)
    self.info = info
  }

  deinit { release() }

  public var isHeld: Bool { fd >= 0 }

  /// Tries to take the lock. Throws `.lockFailed` when the lock file cannot be created at all.
  public func acquire() throws(StoreError) -> Outcome {
    if isHeld { return .acquired }
    for _ in 0..<5 {
      if try create() { return .acquired }
      // It exists: who holds it?
      let existing = open(lockPath, O_RDONLY | O_CLOEXEC)
      if existing < 0 {
        if errno == ENOENT { continue }  // released meanwhile: try again
        throw .lockFailed(path: dataPath, reason: FileSystem.errorText())
      }
      defer { close(existing) }
      let holder = Self.read(fd: existing) ?? LockInfo(pid: 0, host: "?", user: "?", started: "")
      if isStale(holder, fd: existing) { return .stale(holder) }
      return .heldBy(holder)
    }
    throw .lockFailed(path: dataPath, reason: "el candado cambia sin cesar / the lock keeps changing")
  }

  /// Takes over a stale lock found by `acquire`: removes it (only if it still is that stale
  /// lock) and acquires. Two sessions taking over at once: one wins, the other gets `.heldBy`.
  public func takeOver(_ stale: LockInfo) throws(StoreError) -> Outcome {
    let existing = open(lockPath, O_RDONLY | O_CLOEXEC)
    if existing >= 0 {
      defer { close(existing) }
      // Whoever gets the flock on the old file decides; it must still be that same stale lock.
      guard flock(existing, LOCK_EX | LOCK_NB) == 0, Self.sameFile(existing, lockPath), stale.host == info.host
      else { return try acquire() }
      let current = Self.read(fd: existing)
      guard current == nil || current == stale else { return try acquire() }
      unlink(lockPath)
      let created = try create()
      if created { return .acquired }
    }
    return try acquire()
  }

  /// Removes the lock if it is still ours (also when its folder was renamed meanwhile).
  public func release() {
    guard fd >= 0 else { return }
    if stillOwned { unlinkat(folderFD, lockName, 0) }
    close(fd)
    fd = -1
    if folderFD >= 0 { close(folderFD) }
    folderFD = -1
  }

  /// True while the lock file on disk (in our folder, wherever it is now) is still the one we created.
  public var stillOwned: Bool {
    guard fd >= 0, folderFD >= 0 else { return false }
    var mine = stat()
    var there = stat()
    guard fstat(fd, &mine) == 0, fstatat(folderFD, lockName, &there, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
    return mine.st_ino == there.st_ino && mine.st_dev == there.st_dev
  }

  private var lockName: String { FileSystem.fileName(of: lockPath) }

  /// The current holder, if any.
  public static func holder(of dataPath: String) -> LockInfo? {
    let fd = open(path(for: dataPath), O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return read(fd: fd)
  }

  // MARK: - Internals

  /// Creates the lock file with our info; false when it already exists. The flock is taken on
  /// the temporary file before it is linked into place, so a lock file that exists is held from
  /// its first moment: whoever finds it unheld knows at once that its owner is gone.
  private func create() throws(StoreError) -> Bool {
    let folder = FileSystem.directory(of: lockPath)
    var text = JSONWriter.compactBytes(info.json)
    text.append(0x0A)
    let temp = "\(folder)/.\(FileSystem.fileName(of: lockPath)).tmp-\(getpid())"
    let tfd = open(temp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if tfd < 0 { throw .lockFailed(path: dataPath, reason: FileSystem.errorText()) }
    FileSystem.matchPermissions(tfd, of: dataPath)
    _ = flock(tfd, LOCK_EX | LOCK_NB)
    var problem = FileSystem.writeAll(tfd, text).map { FileSystem.errorText($0) }
    if problem == nil, fsync(tfd) != 0 { problem = FileSystem.errorText() }
    if let problem {
      close(tfd)
      unlink(temp)
      throw .lockFailed(path: dataPath, reason: problem)
    }
    defer { unlink(temp) }
    var own = tfd
    if link(temp, lockPath) != 0 {
      let code = errno
      close(tfd)
      if code == EEXIST { return false }
      // No hard links here (FAT): create exclusively, lock, then write in place.
      let xfd = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if xfd < 0 {
        if errno == EEXIST { return false }
        throw .lockFailed(path: dataPath, reason: FileSystem.errorText())
      }
      _ = flock(xfd, LOCK_EX | LOCK_NB)
      FileSystem.matchPermissions(xfd, of: dataPath)
      _ = FileSystem.writeAll(xfd, text)
      _ = fsync(xfd)
      own = xfd
    }
    fd = own
    folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    FileSystem.syncDirectory(folder)
    return true
  }

  /// Same host, and nobody holds the lock's flock (its owner died: the kernel dropped the flock
  /// at once, even while the process is still a zombie; or its pid was reused) or the pid is
  /// gone. No waiting for a timeout: a holder killed a moment ago is seen as gone now.
  private func isStale(_ holder: LockInfo, fd: Int32) -> Bool {
    guard holder.host == info.host else { return false }
    if holder.pid <= 0 || (kill(holder.pid, 0) != 0 && errno == ESRCH) { return true }
    if flock(fd, LOCK_SH | LOCK_NB) == 0 {
      _ = flock(fd, LOCK_UN)
      return true
    }
    return false
  }

  private static func read(fd: Int32) -> LockInfo? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    _ = lseek(fd, 0, SEEK_SET)
    while bytes.count < 65536 {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      bytes += chunk[0..<n]
    }
    guard let value = try? JSON.parse(bytes) else { return nil }
    return LockInfo(json: value)
  }

  private static func sameFile(_ fd: Int32, _ path: String) -> Bool {
    var a = stat()
    var b = stat()
    guard fstat(fd, &a) == 0, stat(path, &b) == 0 else { return false }
    return a.st_ino == b.st_ino && a.st_dev == b.st_dev
  }
}
