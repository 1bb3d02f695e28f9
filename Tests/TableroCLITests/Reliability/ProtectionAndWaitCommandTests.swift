import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A write-protected file is not replaced behind the user's back, and a write waits (bounded,
/// saying so) for another command line writer instead of giving up at once.
@Suite("CLI: write protection and waiting for a brief lock")
struct ProtectionAndWaitCommandTests {
  @Test func aWriteProtectedFileIsRefusedUnlessForced() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    chmod(sandbox.path("demo.json"), 0o444)
    let before = try sandbox.bytes("demo.json")
    let refused = try sandbox.run("set-progress", "ACMI-04", "55")
    #expect(refused.status == 74, "\(refused.stderr)")
    #expect(refused.stderr.contains("protegido contra escritura (permisos 0444 (r--r--r--))"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--force-write"))
    #expect(try sandbox.bytes("demo.json") == before, "the protected file was replaced")
    #expect(!sandbox.exists("demo.json.lock"))

    let forced = try sandbox.run("set-progress", "ACMI-04", "55", "--force-write")
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try sandbox.json("demo.json").initiative("ACMI-04")?["actualProgress"] as? Double == 55)
    var info = stat()
    stat(sandbox.path("demo.json"), &info)
    #expect(info.st_mode & 0o777 == 0o444, "forcing keeps the protection")
  }

  /// Another writer (not a person's TUI) holds the lock for a second: the write waits, says so
  /// on stderr, and then succeeds.
  @Test func aWriteWaitsForABriefLockAndThenWrites() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let lockPath = sandbox.path("demo.json.lock")
    let fd = open(lockPath, O_RDWR | O_CREAT | O_TRUNC, 0o644)
    #expect(fd >= 0)
    #expect(flock(fd, LOCK_EX) == 0)
    let text = Reliability.lockJSON(pid: getpid(), host: Reliability.hostName, user: "beto")
    _ = text.withCString { write(fd, $0, strlen($0)) }
    let release = Thread {
      Thread.sleep(forTimeInterval: 1.0)
      unlink(lockPath)
      close(fd)
    }
    let started = Date()
    release.start()
    let result = try sandbox.run("set-progress", "ACMI-04", "55")
    let elapsed = Date().timeIntervalSince(started)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("Esperando a que beto@\(Reliability.hostName) (pid \(getpid())) termine de escribir"), "\(result.stderr)")
    #expect(elapsed >= 0.9 && elapsed < 5, "\(elapsed) s")
    #expect(try sandbox.json("demo.json").initiative("ACMI-04")?["actualProgress"] as? Double == 55)
    while release.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
  }

  /// The wait is bounded: a writer that keeps the lock makes the write fail after
  /// TABLERO_LOCK_WAIT seconds with the usual message.
  @Test func theWaitIsBounded() throws {
    let sandbox = try Sandbox(file: "demo.json")
    try sandbox.demo()
    let lockPath = sandbox.path("demo.json.lock")
    let fd = open(lockPath, O_RDWR | O_CREAT | O_TRUNC, 0o644)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX) == 0)
    let text = Reliability.lockJSON(pid: getpid(), host: Reliability.hostName, user: "beto")
    _ = text.withCString { write(fd, $0, strlen($0)) }
    var env = sandbox.environment
    env["TABLERO_LOCK_WAIT"] = "0.5"
    let started = Date()
    let result = try TableroProcess.run(["set-progress", "ACMI-04", "55"], environment: env, directory: sandbox.root)
    let elapsed = Date().timeIntervalSince(started)
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("Esperando"), "\(result.stderr)")
    #expect(result.stderr.contains("lo está editando beto@"), "\(result.stderr)")
    #expect(elapsed >= 0.4 && elapsed < 4, "\(elapsed) s")
  }
}
