import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two writers, one file, through the real binary: a file changed on disk while the TUI edits
/// it is never overwritten silently (the save asks; reload re-applies the edits and keeps both),
/// and a lock left by a dead process on this host is offered for takeover.
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
    try Self.changeBehindTheAppsBack(run.file, "INTS-12", 44)
    let theirs = try Data(contentsOf: URL(fileURLWithPath: run.file))

    try run.tmux.send("s")
    let screen = try run.tmux.waitFor { $0.contains("El archivo cambió en disco") }
    #expect(screen.contains("No se sobrescribió nada"), "\(screen)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: run.file)) == theirs, "the save wrote over the other program's file")

    try run.tmux.send("r")
    _ = try run.tmux.waitFor { $0.contains("Archivo recargado; sus cambios se reaplicaron") }
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Guardado en") }
    try run.tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")
    #expect(run.terminalIsSane())
    let onDisk = try run.progressOnDisk()
    #expect(onDisk["PGS-08"] == 33, "my edit")
    #expect(onDisk["INTS-12"] == 44, "their edit")
    #expect(FileManager.default.fileExists(atPath: run.file + ".bak"))
    #expect(!FileManager.default.fileExists(atPath: run.file + ".diario.jsonl"))
  }

  @Test func aStaleLockIsOfferedForTakeoverAndThenTheFileIsEditable() throws {
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
    let screen = try run.tmux.waitFor { $0.contains("Candado abandonado") }
    #expect(screen.contains("beto@"), "\(screen)")
    try run.tmux.send("t")
    _ = try run.tmux.waitFor { $0.contains("Candado tomado") }
    #expect(try run.edit("PGS-08", 61, on: run.tmux))
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Guardado en") }
    try run.tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")
    #expect(try run.progressOnDisk()["PGS-08"] == 61)
    #expect(!FileManager.default.fileExists(atPath: run.file + ".lock"))
  }
}
