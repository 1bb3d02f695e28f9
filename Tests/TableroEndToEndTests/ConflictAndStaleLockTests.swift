import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two writers, one file, through the real binary: a file changed on disk while the TUI edits
/// it is never overwritten silently (other fields are merged in, the same field opens the
/// resolver), and a lock left by a dead process on this host does not stop the save.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct ConflictAndStaleLockTests {
  /// Rewrites `file` as another program would (a git pull: new file renamed over the old one),
  /// setting `id`'s progress to `value`.
  static func changeBehindTheAppsBack(_ file: String, _ id: String, _ value: Int) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var initiatives = try #require(json["initiatives"] as? [[String: Any]])
    let index = try #require(initiatives.firstIndex { $0["id"] as? String == id })
    initiatives[index]["actualProgress"] = value
    json["initiatives"] = initiatives
    let out = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
    try out.write(to: URL(fileURLWithPath: file), options: .atomic)
  }

  @Test func aFileChangedOnDiskIsNeverOverwrittenSilently() throws {
    let run = try TUIRun(label: "changed on disk")
    defer { run.cleanUp() }
    _ = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(try run.edit("PGS-08", 33, on: run.tmux))
    // Another program (no history line: "otra sesión") changes another item: merged in.
    try Self.changeBehindTheAppsBack(run.file, "INTS-12", 44)
    var screen = try run.tmux.waitFor(5) { $0.contains("Cambios de otra sesión") }
    #expect(screen.contains("INTS-12"), "\(screen)")

    // ...and then the very field edited here: the save opens the resolver and writes nothing.
    try Self.changeBehindTheAppsBack(run.file, "PGS-08", 50)
    _ = try run.tmux.waitFor(5) { $0.contains("se decide al guardar") }
    let theirs = try Data(contentsOf: URL(fileURLWithPath: run.file))
    try run.tmux.send("s")
    screen = try run.tmux.waitFor { $0.contains("Conflictos: 1") }
    #expect(screen.contains("PGS-08"), "\(screen)")
    try run.tmux.send("q")
    screen = try run.tmux.waitFor { $0.contains("No se guardó") }
    #expect(try Data(contentsOf: URL(fileURLWithPath: run.file)) == theirs, "the save wrote over the other program's file")

    // Saving again and keeping this session's value (m) writes it, with the other change kept.
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Conflictos: 1") }
    try run.tmux.send("m")
    try run.tmux.send("Enter")
    _ = try run.tmux.waitFor { $0.contains("Guardado") }
    try run.tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")
    #expect(run.terminalIsSane())
    let onDisk = try run.progressOnDisk()
    #expect(onDisk["PGS-08"] == 33, "my edit")
    #expect(onDisk["INTS-12"] == 44, "their edit")
    #expect(FileManager.default.fileExists(atPath: run.file + ".bak"))
    #expect(!FileManager.default.fileExists(atPath: run.file + ".diario.jsonl"))
  }

  /// A lock left by a process that is gone (this host) stops nothing: the session opens
  /// writable and its save takes the lock over.
  @Test func aStaleLockDoesNotStopEditingOrSaving() throws {
    // A lock from a process that is gone, on this host, written before the app starts.
    let folder = NSTemporaryDirectory() + "tablero-stale-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/bin/true")
    try probe.run()
    probe.waitUntilExit()
    var host = [CChar](repeating: 0, count: 256)
    gethostname(&host, 255)
    let lock = #"{"pid":\#(probe.processIdentifier),"host":"\#(String(cString: host))","user":"beto","started":"2026-11-25T09:00:00Z"}"# + "\n"

    let run = try TUIRun(label: "stale lock", beforeStart: { file in
      try lock.write(toFile: file + ".lock", atomically: true, encoding: .utf8)
    })
    defer { run.cleanUp() }
    let screen = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(!screen.contains("Candado abandonado") && !screen.contains("Solo lectura"), "\(screen)")
    #expect(try run.edit("PGS-08", 61, on: run.tmux))
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Guardado en") }
    try run.tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")
    #expect(try run.progressOnDisk()["PGS-08"] == 61)
    #expect(!FileManager.default.fileExists(atPath: run.file + ".lock"))
  }
}
