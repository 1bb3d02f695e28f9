import Foundation
import Testing
@testable import TableroCore
import TableroJSON

#if canImport(Glibc)
  import Glibc
#endif

/// Files beside the data keep its privacy; a write-protected file, a dangling symlink and a
/// renamed folder are handled as the user would expect; a dead lock holder is seen at once.
@Suite("Sidecars, protection, links and folders", .serialized)
struct SidecarAndProtectionTests {
  static let host = SessionIdentity.hostName()
  static let day = Day(iso: "2012-07-01")!

  static func session(_ path: String) throws -> PortfolioSession {
    try PortfolioSession.open(path: path, user: "ana", host: host)
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
  }

  static func edit(_ s: PortfolioSession, _ value: Double) throws -> Portfolio {
    var p = s.baseline
    let edit = Edit.setProgress(id: "C1-01", value: value, note: "nota privada", day: day)
    try p.apply(edit)
    try s.record(.edit(edit))
    return p
  }

  @Test(arguments: [0o600, 0o640] as [mode_t]) func sidecarsTakeTheDataFilesPermissions(mode: mode_t) throws {
    let old = umask(0o022)
    defer { umask(old) }
    let data = try DataFolder()
    chmod(data.path, mode)
    let s = try Self.session(data.path)
    defer { s.close() }
    let p = try Self.edit(s, 55)
    #expect(Self.mode(data.path + ".lock") == mode, "lock")
    #expect(Self.mode(s.journalPath) == mode, "journal")
    try s.save(p)
    #expect(Self.mode(s.historyPath) == mode, "history (it holds the notes)")
    #expect(Self.mode(data.path + ".bak") == mode, "backup")
    #expect(Self.mode(data.path) == mode, "data")
    // A journal rewritten after a reload keeps the mode too.
    let q = try Self.edit(s, 56)
    try s.reload(keepingEdits: true)
    #expect(Self.mode(s.journalPath) == mode, "rewritten journal")
    _ = q
  }

  @Test func aWriteProtectedFileIsNotReplacedUnlessForced() throws {
    let data = try DataFolder()
    chmod(data.path, 0o444)
    let before = data.bytes
    let s = try Self.session(data.path)
    defer { s.close() }
    let p = try Self.edit(s, 55)
    #expect(throws: StoreError.writeProtected(path: data.path, mode: "0444 (r--r--r--)")) { try s.save(p) }
    #expect(data.bytes == before)
    #expect(FileManager.default.fileExists(atPath: s.journalPath), "the edit stays journalled")
    try s.save(p, overwriteProtected: true)
    #expect(try data.load().initiatives[0].actualProgress == 55)
    #expect(Self.mode(data.path) == 0o444, "the protection is kept")
  }

  @Test func aDeletedSymlinkTargetIsWrittenThroughTheLink() throws {
    let data = try DataFolder()
    let link = data.folder.file("enlace.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "portafolio.json")
    let s = try Self.session(link)
    defer { s.close() }
    let p = try Self.edit(s, 55)
    unlink(data.path)
    #expect(throws: StoreError.changedOnDisk(path: link)) { try s.save(p) }
    try s.save(p, force: true)  // "sobrescribir"
    var info = stat()
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link was replaced by a file")
    #expect(try data.load().initiatives[0].actualProgress == 55, "the target was not recreated")
  }

  @Test func aRenamedFolderGivesTheRightMessageAndLeavesNoLock() throws {
    let data = try DataFolder()
    let folder = data.folder.file("carpeta")
    let moved = data.folder.file("carpeta-movida")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/portafolio.json"
    try PortfolioStore.save(TestPortfolios.single(progress: 40), to: path, backups: 0)
    let s = try Self.session(path)
    let p = try Self.edit(s, 55)
    #expect(rename(folder, moved) == 0)
    do {
      try s.save(p)
      Issue.record("saved into a folder that is gone")
    } catch {
      #expect(error.describe(.es).contains("ya no existe: ¿se movió, renombró o borró?"), "\(error.describe(.es))")
      #expect(!error.describe(.es).contains("otra sesión"), "\(error.describe(.es))")
    }
    s.close()
    #expect(!FileManager.default.fileExists(atPath: moved + "/portafolio.json.lock"), "lock left in the moved folder")
  }

  /// A real process holds the lock (flock on the lock file, its pid inside) and is killed with
  /// SIGKILL; not yet reaped, its pid still answers kill(pid, 0). The lock is stale at once.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func aHolderKilledAMomentAgoIsStaleAtOnce() throws {
    let data = try DataFolder()
    let lockPath = data.path + ".lock"
    var pid: pid_t = 0
    let args = ["/bin/sh", "-c", "exec 9>>\"$0\"; flock -x 9; exec sleep 30", lockPath]
    let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    #expect(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0)
    defer {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    // Wait until the child holds the flock, then write its identity into the lock file.
    var probe: Int32 = -1
    defer { if probe >= 0 { close(probe) } }
    var held = false
    for _ in 0..<300 {
      if probe < 0 { probe = Glibc.open(lockPath, O_RDWR) }
      if probe >= 0, flock(probe, LOCK_SH | LOCK_NB) != 0 { held = true; break }
      if probe >= 0 { flock(probe, LOCK_UN) }
      usleep(10_000)
    }
    #expect(held)
    let holder = LockInfo(pid: pid, host: Self.host, user: "beto", started: Timestamp.now.iso)
    let text = JSONWriter.compactBytes(holder.json)
    #expect(ftruncate(probe, 0) == 0 && pwrite(probe, text, text.count, 0) == text.count)
    let lock = FileLock(dataPath: data.path, info: LockInfo(pid: getpid(), host: Self.host, user: "ana", started: Timestamp.now.iso))
    #expect(try lock.acquire() == .heldBy(holder))
    kill(pid, SIGKILL)
    usleep(20_000)  // the kernel drops the flock as the process dies; it stays a zombie (not reaped)
    #expect(kill(pid, 0) == 0, "the zombie should still answer")
    #expect(try lock.acquire() == .stale(holder))
  }
}
