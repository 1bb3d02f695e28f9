import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Crashes of the real binary at the worst moments (SIGKILL from outside, or at a named point
/// with `TABLERO_CRASH_AT`), then the next start: every edit is offered back exactly once.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct CrashRecoveryTests {
  /// How many times `text` occurs in the data file.
  static func occurrences(of text: String, in file: String) throws -> Int {
    let content = try String(contentsOfFile: file, encoding: .utf8)
    return content.components(separatedBy: text).count - 1
  }

  /// Kill -9, restart: the dead session's journal is offered at once (no lock stands in the
  /// way: a session holds it only while saving). Then one more edit, another kill -9, and both
  /// edits come back.
  @Test func aStaleLockTakeoverOffersTheJournalAndLaterEditsSurviveTheNextKill() throws {
    let run = try TUIRun(label: "takeover recovery")
    defer { run.cleanUp() }
    _ = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(try run.edit("PGS-08", 33, on: run.tmux))
    let first = try #require(run.pid(1))
    kill(first, SIGKILL)
    #expect(run.waitForExit(1) == "EXIT=137")

    let second = try run.restart(2)
    defer { second.kill() }
    var screen = try second.waitFor { $0.contains("Cambios sin guardar de una sesión anterior") }
    #expect(screen.contains("Hay 1 cambio"), "no recovery offered:\n\(screen)")
    try second.send("a")
    _ = try second.waitFor { $0.contains("Cambios recuperados") }
    #expect(try run.edit("PGS-09", 44, on: second))
    #expect(FileManager.default.fileExists(atPath: run.file + ".diario.jsonl"))
    let secondPid = try #require(run.pid(2))
    kill(secondPid, SIGKILL)
    #expect(run.waitForExit(2) == "EXIT=137")

    let third = try run.restart(3)
    defer { third.kill() }
    screen = try third.waitFor { $0.contains("Cambios sin guardar de una sesión anterior") }
    #expect(screen.contains("Hay 2 cambios"), "\(screen)")
    try third.send("a")
    _ = try third.waitFor { $0.contains("Cambios recuperados") }
    try third.send("s")
    _ = try third.waitFor { $0.contains("Guardado en") }
    try third.send("q")
    #expect(run.waitForExit(3) == "EXIT=0")
    let onDisk = try run.progressOnDisk()
    #expect(onDisk["PGS-08"] == 33)
    #expect(onDisk["PGS-09"] == 44)
    #expect(!FileManager.default.fileExists(atPath: run.file + ".diario.jsonl"))
  }

  /// Killed right after the save's rename, before the journal is removed: the file already has
  /// the edit, so the next start must not apply it again (the note used to be appended twice).
  @Test func aKillBetweenTheSaveAndTheJournalRemovalAppliesNothingTwice() throws {
    let note = "Nota única 7f3a"
    let run = try TUIRun(label: "kill after rename", environment: ["TABLERO_CRASH_AT": "save-renamed"])
    defer { run.cleanUp() }
    _ = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    try run.tmux.send("/")
    try run.tmux.type("PGS-08")
    try run.tmux.send("Enter")
    _ = try run.tmux.waitFor { $0.contains("PGS-08 · esperado") }
    try run.tmux.send("e")
    _ = try run.tmux.waitFor { $0.contains("Avance real de PGS-08") }
    try run.tmux.send("C-u")
    try run.tmux.type("37")
    try run.tmux.send("Tab")
    try run.tmux.type(note)
    try run.tmux.send("Enter")
    _ = try run.tmux.waitFor { $0.contains("PGS-08: avance") }
    try run.tmux.send("s")
    #expect(run.waitForExit(1) == "EXIT=137", "the crash point did not fire")
    #expect(try Self.occurrences(of: note, in: run.file) == 1, "the save did not reach the file")
    #expect(FileManager.default.fileExists(atPath: run.file + ".diario.jsonl"), "the crash came too late to test anything")

    let result = try Tmux.run([Tmux.tableroBinary, "recover", "--apply", "--file", run.file])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("No hay cambios pendientes"), "\(result.output)")
    #expect(try Self.occurrences(of: note, in: run.file) == 1, "the saved edit was applied again")
    #expect(try run.progressOnDisk()["PGS-08"] == 37)
    #expect(!FileManager.default.fileExists(atPath: run.file + ".diario.jsonl"))
  }

  /// SIGTERM while the app is busy with long text (the edit form over 400 note lines, keys
  /// arriving): it ends within the budget, exit 143, and the confirmed edit is in the journal.
  @Test func sigtermDuringHeavyInputOnLongNotesEndsAtOnceAndKeepsTheJournal() throws {
    let run = try TUIRun(label: "sigterm long notes") { file in
      var text = try String(contentsOfFile: file, encoding: .utf8)
      let lines = (1...400).map { "\($0): " + String(repeating: "avance de obra según acta ", count: 3) }.joined(separator: "\\n")
      // PGS-08's one-line notes become 400 lines.
      let id = try #require(text.range(of: "\"id\": \"PGS-08\""))
      let notes = try #require(text.range(of: "\"notes\": \"", range: id.upperBound..<text.endIndex))
      let end = try #require(text.range(of: "\"", range: notes.upperBound..<text.endIndex))
      text.replaceSubrange(notes.upperBound..<end.lowerBound, with: lines)
      try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
    defer { run.cleanUp() }
    _ = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(try run.edit("PGS-09", 44, on: run.tmux))
    try run.tmux.send("/")
    try run.tmux.type("PGS-08")
    try run.tmux.send("Enter")
    _ = try run.tmux.waitFor { $0.contains("PGS-08 · esperado") }
    try run.tmux.send("E")
    _ = try run.tmux.waitFor(20) { $0.contains("Editar PGS-08") }
    for _ in 0..<7 { try run.tmux.send("Tab") }
    try run.tmux.send("End")
    let burst = Thread {
      for _ in 0..<40 { _ = try? run.tmux.type("más texto ") }
    }
    burst.start()
    Thread.sleep(forTimeInterval: 0.3)
    let pid = try #require(run.pid(1))
    let sent = Date()
    kill(pid, SIGTERM)
    var gone = false
    while Date().timeIntervalSince(sent) < 10 {
      if kill(pid, 0) != 0 { gone = true; break }
      Thread.sleep(forTimeInterval: 0.002)
    }
    let elapsed = Date().timeIntervalSince(sent) * 1000
    print("SIGTERM during heavy input: process gone after \(Int(elapsed)) ms")
    #expect(gone && elapsed < 500, "still running \(Int(elapsed)) ms after SIGTERM")
    #expect(run.waitForExit(1) == "EXIT=143")
    #expect(run.terminalIsSane(1))
    let journal = try String(contentsOfFile: run.file + ".diario.jsonl", encoding: .utf8)
    #expect(journal.contains("PGS-09") && journal.contains("44"), "\(journal)")
    while burst.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
  }

  /// A command line write holds the file for a moment: the TUI still opens writable, and its
  /// save waits for the lock and writes as soon as it is free.
  @Test func aSaveWaitsForABriefLockThenWrites() throws {
    var lockFD: Int32 = -1
    var lockPath = ""
    var host = [CChar](repeating: 0, count: 256)
    gethostname(&host, 255)
    let run = try TUIRun(label: "upgrade") { file in
      lockPath = file + ".lock"
      lockFD = open(lockPath, O_RDWR | O_CREAT | O_TRUNC, 0o644)
      #expect(flock(lockFD, LOCK_EX) == 0)
      let text = #"{"pid":\#(getpid()),"host":"\#(String(cString: host))","user":"script","started":"2026-12-01T09:00:00Z"}"# + "\n"
      _ = text.withCString { write(lockFD, $0, strlen($0)) }
    }
    defer { run.cleanUp() }
    let screen = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(!screen.contains("Solo lectura"), "\(screen)")
    #expect(try run.edit("PGS-08", 61, on: run.tmux))
    try run.tmux.send("s")
    Thread.sleep(forTimeInterval: 1)
    #expect(try run.progressOnDisk()["PGS-08"] != 61, "written while another process held the lock")
    unlink(lockPath)
    close(lockFD)
    _ = try run.tmux.waitFor { $0.contains("Guardado en") }
    try run.tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")
    #expect(try run.progressOnDisk()["PGS-08"] == 61)
    #expect(!FileManager.default.fileExists(atPath: lockPath))
  }

  /// Another process holds the lock and dies without releasing it (kill -9): the TUI's save
  /// takes the abandoned lock over by itself (its process is gone on this host) and writes.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func aLockWhoseHolderDiedIsTakenOverByTheSave() throws {
    var holder: pid_t = 0
    var host = [CChar](repeating: 0, count: 256)
    gethostname(&host, 255)
    let run = try TUIRun(label: "holder dies") { file in
      let lockPath = file + ".lock"
      let args = ["/bin/sh", "-c", "exec 9>>\"$0\"; flock -x 9; exec sleep 60", lockPath]
      let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
      defer { for p in argv { free(p) } }
      #expect(posix_spawn(&holder, "/bin/sh", nil, nil, argv, environ) == 0)
      // Once it holds the flock, write its identity into the lock.
      for _ in 0..<300 {
        let probe = open(lockPath, O_RDWR)
        if probe >= 0 {
          defer { close(probe) }
          if flock(probe, LOCK_SH | LOCK_NB) != 0 {
            let text = #"{"pid":\#(holder),"host":"\#(String(cString: host))","user":"script","started":"2026-12-01T09:00:00Z"}"# + "\n"
            _ = ftruncate(probe, 0)
            _ = text.withCString { pwrite(probe, $0, strlen($0), 0) }
            break
          }
          flock(probe, LOCK_UN)
        }
        usleep(10_000)
      }
    }
    defer {
      run.cleanUp()
      kill(holder, SIGKILL)
      var status: Int32 = 0
      waitpid(holder, &status, 0)
    }
    _ = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(try run.edit("PGS-08", 62, on: run.tmux))
    kill(holder, SIGKILL)
    var status: Int32 = 0
    waitpid(holder, &status, 0)
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Guardado en") }
    try run.tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")
    #expect(try run.progressOnDisk()["PGS-08"] == 62)
  }
}
