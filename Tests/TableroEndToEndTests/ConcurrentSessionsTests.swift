import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Several people on one file at once through the real binary (issue 11): every TUI session is
/// writable, a save by one appears on the others' screens within about a second (marked, with
/// who made it), command line writes come in the same way, and a field changed on both sides
/// opens the resolver at the save instead of being overwritten.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct ConcurrentSessionsTests {
  /// `tablero set-progress` as user `user`.
  static func setProgress(_ file: String, _ id: String, _ value: Int, user: String) throws -> (status: Int32, output: String) {
    try Tmux.run(["USER=\(user)", Tmux.tableroBinary, "set-progress", id, String(value), "--file", file])
  }

  @Test func twoPeopleAndACommandEditAtOnceAndSeeEachOthersSaves() throws {
    let run = try TUIRun(label: "two people", environment: ["USER": "ana"])
    defer { run.cleanUp() }
    let mlopez = try run.restart(2, environment: ["USER": "mlopez"])
    defer { mlopez.kill() }
    let first = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    let second = try mlopez.waitFor { $0.contains("Fecha del reporte") }
    #expect(!first.contains("SOLO LECTURA") && !second.contains("SOLO LECTURA"), "\(second)")

    // ana saves; mlopez sees it within about a second, with who and what.
    #expect(try run.edit("PGS-08", 33, on: run.tmux))
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Guardado en") }
    var screen = try mlopez.waitFor(5) { $0.contains("Cambios de ana: PGS-08 avance real") }
    #expect(screen.contains("Cambios de ana: PGS-08 avance real 0% → 33%"), "\(screen)")

    // mlopez edits another item and saves: both edits are in the file.
    #expect(try run.edit("INTS-12", 44, on: mlopez))
    try mlopez.send("s")
    _ = try mlopez.waitFor { $0.contains("Guardado") }
    screen = try run.tmux.waitFor(5) { $0.contains("Cambios de mlopez") }
    #expect(screen.contains("INTS-12 avance real"), "\(screen)")

    // A command line write while both are open: not refused, and seen by both.
    let cli = try Self.setProgress(run.file, "PGS-09", 55, user: "beto")
    #expect(cli.status == 0, "\(cli.output)")
    _ = try run.tmux.waitFor(5) { $0.contains("Cambios de beto") }
    screen = try mlopez.waitFor(5) { $0.contains("Cambios de beto") }
    #expect(screen.contains("PGS-09 avance real"), "\(screen)")

    // ana has an unsaved 70 on PGS-10 when beto sets 80: her screen keeps 70 and says the save
    // will ask; the save opens the resolver, nothing is overwritten until she chooses.
    #expect(try run.edit("PGS-10", 70, on: run.tmux))
    let conflicting = try Self.setProgress(run.file, "PGS-10", 80, user: "beto")
    #expect(conflicting.status == 0, "\(conflicting.output)")
    screen = try run.tmux.waitFor(5) { $0.contains("se decide al guardar") }
    #expect(screen.contains("se decide al guardar"), "\(screen)")
    try run.tmux.send("s")
    screen = try run.tmux.waitFor { $0.contains("Conflictos: 1") }
    #expect(screen.contains("Fusión"), "\(screen)")
    #expect(try run.progressOnDisk()["PGS-10"] == 80, "the save wrote before the conflict was settled")
    try run.tmux.send("t")
    try run.tmux.send("Enter")
    screen = try run.tmux.waitFor { $0.contains("Guardado") }
    #expect(try run.progressOnDisk()["PGS-10"] == 80, "beto's value, chosen in the resolver")

    for (tmux, n) in [(run.tmux, 1), (mlopez, 2)] {
      try tmux.send("q")
      #expect(run.waitForExit(n) == "EXIT=0", "run \(n)")
    }
    let onDisk = try run.progressOnDisk()
    #expect(onDisk["PGS-08"] == 33 && onDisk["INTS-12"] == 44 && onDisk["PGS-09"] == 55 && onDisk["PGS-10"] == 80)
    let validate = try Tmux.run([Tmux.tableroBinary, "validate", "--file", run.file])
    #expect(validate.status == 0, "\(validate.output)")
    #expect(JournalFiles.leftovers(run.file).isEmpty, "journals left: \(JournalFiles.leftovers(run.file))")
  }

  /// Killed between the merge and the write (`TABLERO_CRASH_AT=save-merged`): the file is the
  /// other writer's version, and the next start offers this session's edits from its journal.
  @Test func aCrashBetweenTheMergeAndTheWriteLosesNoEdit() throws {
    let run = try TUIRun(label: "kill after merge", environment: ["TABLERO_CRASH_AT": "save-merged", "USER": "ana"])
    defer { run.cleanUp() }
    _ = try run.tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(try run.edit("PGS-08", 33, on: run.tmux))
    #expect(try run.edit("PGS-09", 44, on: run.tmux))
    #expect(try Self.setProgress(run.file, "PGS-08", 50, user: "beto").status == 0)
    #expect(try Self.setProgress(run.file, "INTS-12", 60, user: "beto").status == 0)
    _ = try run.tmux.waitFor(5) { $0.contains("se decide al guardar") }
    try run.tmux.send("s")
    _ = try run.tmux.waitFor { $0.contains("Conflictos: 1") }
    try run.tmux.send("m")
    try run.tmux.send("Enter")
    #expect(run.waitForExit(1) == "EXIT=137", "the crash point did not fire")
    var onDisk = try run.progressOnDisk()
    #expect(onDisk["PGS-08"] == 50 && onDisk["INTS-12"] == 60 && onDisk["PGS-09"] != 44, "nothing of ana's was written")

    let again = try run.restart(2)
    defer { again.kill() }
    let screen = try again.waitFor { $0.contains("Cambios sin guardar de una sesión anterior") }
    #expect(screen.contains("Hay 2 cambios"), "\(screen)")
    try again.send("a")
    _ = try again.waitFor { $0.contains("Cambios recuperados") }
    try again.send("s")
    _ = try again.waitFor { $0.contains("Guardado") }
    try again.send("q")
    #expect(run.waitForExit(2) == "EXIT=0")
    onDisk = try run.progressOnDisk()
    #expect(onDisk["PGS-08"] == 33 && onDisk["PGS-09"] == 44, "ana's edits recovered")
    #expect(onDisk["INTS-12"] == 60, "beto's other change kept")
    #expect(JournalFiles.leftovers(run.file).isEmpty)
  }
}

/// The journals beside a data file (`.diario.jsonl`, `.diario-2.jsonl`…).
enum JournalFiles {
  static func leftovers(_ file: String) -> [String] {
    let folder = (file as NSString).deletingLastPathComponent
    let name = (file as NSString).lastPathComponent
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return entries.filter { $0.hasPrefix(name + ".diario") && !$0.contains("descartado") }.sorted()
  }
}
