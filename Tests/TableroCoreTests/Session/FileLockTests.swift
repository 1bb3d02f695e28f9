import Foundation
import Testing
import TableroCore
import TableroJSON

@Suite("Lock file")
struct FileLockTests {
  static let host = SessionIdentity.hostName()

  func info(_ user: String, pid: Int32 = getpid(), host: String = FileLockTests.host) -> LockInfo {
    LockInfo(pid: pid, host: host, user: user, started: "2025-11-25T16:05:03Z")
  }

  @Test func secondSessionSeesWhoHoldsIt() throws {
    let data = try DataFolder()
    let a = FileLock(dataPath: data.path, info: info("ana"))
    #expect(try a.acquire() == .acquired)
    #expect(a.isHeld && a.stillOwned)
    let text = String(decoding: try data.folder.read("portafolio.json.lock"), as: UTF8.self)
    let json = try JSON.parse(text)
    #expect(json["user"]?.stringValue == "ana")
    #expect(json["pid"]?.intValue == Int(getpid()))
    #expect(json["host"]?.stringValue == Self.host)
    #expect(json["started"]?.stringValue == "2025-11-25T16:05:03Z")

    let b = FileLock(dataPath: data.path, info: info("beto"))
    #expect(try b.acquire() == .heldBy(info("ana")), "same live pid, flock held: not stale")
    #expect(!b.isHeld)
    #expect(FileLock.holder(of: data.path) == info("ana"))

    a.release()
    #expect(!FileManager.default.fileExists(atPath: a.lockPath))
    #expect(try b.acquire() == .acquired)
    b.release()
    #expect(data.temporaries.isEmpty)
  }

  @Test func aDeadProcessOnThisHostIsStaleAndCanBeTakenOver() throws {
    let data = try DataFolder()
    let dead = info("ana", pid: try deadPID())
    try Data(JSONWriter.compactBytes(dead.json)).write(to: URL(fileURLWithPath: data.path + ".lock"))
    let b = FileLock(dataPath: data.path, info: info("beto"))
    #expect(try b.acquire() == .stale(dead))
    #expect(try b.takeOver(dead) == .acquired)
    #expect(FileLock.holder(of: data.path) == info("beto"))
    // A second taker of the same stale lock now finds it held.
    let c = FileLock(dataPath: data.path, info: info("carla"))
    #expect(try c.takeOver(dead) == .heldBy(info("beto")))
    b.release()
  }

  @Test func aLockFromAnotherHostIsNeverStale() throws {
    let data = try DataFolder()
    let foreign = info("ana", pid: try deadPID(), host: "otra-maquina.example")
    try Data(JSONWriter.compactBytes(foreign.json)).write(to: URL(fileURLWithPath: data.path + ".lock"))
    let b = FileLock(dataPath: data.path, info: info("beto"))
    #expect(try b.acquire() == .heldBy(foreign))
    #expect(try b.takeOver(foreign) == .heldBy(foreign), "not even when asked")
    let message = StoreError.locked(path: data.path, holder: foreign).describe(.es)
    #expect(message.contains("ana@otra-maquina.example"))
    #expect(message.contains("otra máquina"), "\(message)")
    #expect(message.contains(data.path + ".lock"), "says which file to delete by hand")
    #expect(StoreError.locked(path: data.path, holder: foreign).describe(.en).contains("never treated as stale"))
  }

  @Test func aLivePidWithoutTheFlockIsStale() throws {
    // After a reboot the pid may belong to another process: nobody holds the flock.
    let data = try DataFolder()
    let reused = info("ana", pid: 1)
    let lockPath = data.path + ".lock"
    try Data(JSONWriter.compactBytes(reused.json)).write(to: URL(fileURLWithPath: lockPath))
    var old = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, lockPath, &old, 0) == 0)
    let b = FileLock(dataPath: data.path, info: info("beto"))
    #expect(try b.acquire() == .stale(reused))
    // Brand new too: a creator takes its flock before the lock file appears, so no grace
    // period is needed (a holder killed a moment ago is seen as gone at once).
    try Data(JSONWriter.compactBytes(reused.json)).write(to: URL(fileURLWithPath: lockPath))
    #expect(try b.acquire() == .stale(reused))
  }

  @Test(.enabled(if: TinyFilesystem.canMount, "needs root and mount(2) to make a tiny tmpfs")) func anUnreadableFolderCannotBeLocked() throws {
    let ro = try #require(TinyFilesystem(readOnly: true), "mount -t tmpfs failed")
    let lock = FileLock(dataPath: ro.path + "/p.json", info: info("ana"))
    #expect(throws: StoreError.self) { try lock.acquire() }
  }

  @Test func releaseLeavesSomeoneElsesLockAlone() throws {
    let data = try DataFolder()
    let a = FileLock(dataPath: data.path, info: info("ana"))
    #expect(try a.acquire() == .acquired)
    // Someone removes our lock by hand and another session takes it.
    try FileManager.default.removeItem(atPath: a.lockPath)
    #expect(!a.stillOwned)
    let b = FileLock(dataPath: data.path, info: info("beto"))
    #expect(try b.acquire() == .acquired)
    a.release()
    #expect(FileLock.holder(of: data.path) == info("beto"))
    b.release()
  }
}
