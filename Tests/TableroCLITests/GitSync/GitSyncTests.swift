import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `tablero sincronizar` against real git repositories: a bare server and two clones.
@Suite("sincronizar con git")
struct GitSyncTests {
  @Test func firstSyncInstallsTheDriverCommitsAndPushes() throws {
    let team = try GitTeam()
    let ana = try team.laptop("ana")
    #expect(try ana.tablero("init", ana.data, "--demo").status == 0)
    let sync = try ana.tablero("sincronizar")
    #expect(sync.status == 0, "\(sync.stderr)")
    #expect(sync.stdout.contains("se instaló el controlador de fusión"), "\(sync.stdout)")
    #expect(sync.stdout.contains("Enviado a origin/main."), "\(sync.stdout)")
    #expect(try ana.git("config", "merge.tablero.driver").hasSuffix("merge-driver %O %A %B %P"))
    #expect(try ana.git("config", "merge.tablero-historial.driver").contains("merge-driver --historial"))
    #expect(try ana.git("check-attr", "merge", "--", "portafolio.json") == "portafolio.json: merge: tablero")
    #expect(
      try ana.git("check-attr", "merge", "--", "portafolio.json.historial.jsonl")
        == "portafolio.json.historial.jsonl: merge: tablero-historial")
    // Local files stay out; what the server has is the portfolio and the git files.
    for local in ["portafolio.json.lock", "portafolio.json.diario.jsonl", "portafolio.json.bak", "portafolio.json.bak.2"] {
      #expect(try ana.gitStatus("check-ignore", "--quiet", "--no-index", local) == 0, "\(local) not ignored")
    }
    #expect(try ana.git("ls-tree", "--name-only", "origin/main").split(separator: "\n").sorted()
      == [".gitattributes", ".gitignore", "portafolio.json"])
    try ana.expectSettled()

    // Nothing new: nothing committed, nothing pushed, and no second installation message.
    let again = try ana.tablero("sincronizar")
    #expect(again.status == 0)
    #expect(!again.stdout.contains("se instaló"))
    #expect(again.stdout.contains("Sin cambios nuevos") && again.stdout.contains("Al día con origin/main"), "\(again.stdout)")
  }

  @Test func theCommitMessageListsTheSavedEditsInWords() throws {
    let team = try GitTeam()
    let (ana, _) = try team.anaAndBeto()
    #expect(try ana.tablero("set-progress", "ACMI-04", "55", "--note", "Licitación publicada").status == 0)
    #expect(try ana.tablero("set-progress", "PGS-05", "70").status == 0)
    #expect(try ana.tablero("sincronizar").status == 0)
    let message = try ana.git("log", "-1", "--format=%B")
    #expect(message.hasPrefix("Tablero: 2 cambios en portafolio.json\n\n"), "\(message)")
    #expect(message.contains("- ACMI-04 «Definir lineamientos y…» · avance real: 40 → 55 — «Licitación publicada» (ana@"), "\(message)")
    #expect(message.contains("- PGS-05 «"), "\(message)")
    // Only what is new since the last sync commit.
    #expect(try ana.tablero("set-progress", "ACMI-04", "60").status == 0)
    #expect(try ana.tablero("sync", "--lang", "en").status == 0)
    let next = try ana.git("log", "-1", "--format=%B")
    #expect(next.hasPrefix("Tablero: 1 change in portafolio.json\n\n- ACMI-04"), "\(next)")
    #expect(!next.contains("PGS-05"))
  }

  /// Different edits on both laptops, synced in either order: after everyone synced, both
  /// clones hold the same bytes and every edit.
  @Test(arguments: [false, true])
  func editsOnBothSidesMergeInEitherOrder(betoFirst: Bool) throws {
    let team = try GitTeam()
    let (ana, beto) = try team.anaAndBeto()
    #expect(try ana.tablero("set-progress", "ACMI-04", "55", "--note", "licitación").status == 0)
    #expect(try beto.tablero("set-progress", "PGS-05", "70").status == 0)
    #expect(try beto.tablero("set-progress", "ACMI-01", "90").status == 0)
    let (first, second) = betoFirst ? (beto, ana) : (ana, beto)
    let one = try first.tablero("sincronizar")
    #expect(one.status == 0, "\(one.stderr)")
    let two = try second.tablero("sincronizar")
    #expect(two.status == 0, "\(two.stderr)")
    #expect(two.stdout.contains("Recibido"), "\(two.stdout)")
    #expect(two.stdout.contains("Enviado a origin/main."), "\(two.stdout)")
    let three = try first.tablero("sincronizar")
    #expect(three.status == 0, "\(three.stderr)")

    for laptop in [ana, beto] {
      #expect(try laptop.progress("ACMI-04") == 55)
      #expect(try laptop.progress("PGS-05") == 70)
      #expect(try laptop.progress("ACMI-01") == 90)
      try laptop.expectSettled()
      #expect(try laptop.tablero("validate").status == 0)
    }
    #expect(try ana.bytes(ana.data) == beto.bytes(beto.data))
    #expect(try ana.bytes(ana.history) == beto.bytes(beto.history))
    #expect(try ana.git("rev-parse", "HEAD") == beto.git("rev-parse", "HEAD"))
    // The history holds the three edits, each once, with who made it.
    let history = try ana.text(ana.history)
    #expect(history.split(separator: "\n").count == 3, "\(history)")
    #expect(history.contains("\"user\":\"ana@") && history.contains("\"user\":\"beto@"))
  }

  /// The same field changed on both laptops: without a terminal and without `--preferir` the
  /// sync stops and the merge is undone; `--preferir` settles it and both end equal.
  @Test(arguments: ["suya", "mia"])
  func sameFieldConflict(preference: String) throws {
    let team = try GitTeam()
    let (ana, beto) = try team.anaAndBeto()
    #expect(try ana.tablero("set-progress", "ACMI-04", "60").status == 0)
    #expect(try ana.tablero("sincronizar").status == 0)
    #expect(try beto.tablero("set-progress", "ACMI-04", "65").status == 0)
    #expect(try beto.tablero("set-progress", "PGS-05", "75").status == 0)

    let stopped = try beto.tablero("sincronizar")
    #expect(stopped.status == 65, "\(stopped.stdout)\n\(stopped.stderr)")
    #expect(stopped.stderr.contains("initiatives[ACMI-04].actualProgress"), "\(stopped.stderr)")
    #expect(stopped.stderr.contains("--preferir mia") && stopped.stderr.contains("La fusión se canceló"), "\(stopped.stderr)")
    try beto.expectSettled()
    // Back at Beto's own commit, his values in the file, nothing pushed.
    #expect(try beto.git("log", "-1", "--format=%s") == "Tablero: 2 cambios en portafolio.json")
    #expect(try beto.progress("ACMI-04") == 65)
    #expect(try beto.git("rev-parse", "origin/main") == ana.git("rev-parse", "HEAD"))

    let settled = try beto.tablero("sincronizar", "--preferir", preference)
    #expect(settled.status == 0, "\(settled.stdout)\n\(settled.stderr)")
    #expect(settled.stdout.contains(preference == "suya" ? "(elegido: otro)" : "(elegido: mío)"), "\(settled.stdout)")
    #expect(try ana.tablero("sincronizar").status == 0)
    let kept: Double = preference == "suya" ? 60 : 65
    for laptop in [ana, beto] {
      #expect(try laptop.progress("ACMI-04") == kept)
      #expect(try laptop.progress("PGS-05") == 75)
      try laptop.expectSettled()
    }
    #expect(try ana.bytes(ana.data) == beto.bytes(beto.data))
    #expect(try ana.bytes(ana.history) == beto.bytes(beto.history))
    // The history's latest line for the field says the value kept, whoever edited last.
    let lines = try ana.tablero("history", "ACMI-04").stdout.lines
    #expect(lines.last?.contains("→ \(Int(kept))") == true, "\(lines)")
  }

  @Test func offlineItCommitsAndPushesOnTheNextSync() throws {
    let team = try GitTeam()
    let (ana, beto) = try team.anaAndBeto()
    try team.goOffline()
    #expect(try ana.tablero("set-progress", "ACMI-04", "55").status == 0)
    let offline = try ana.tablero("sincronizar")
    #expect(offline.status == 0, "\(offline.stderr)")
    #expect(offline.stdout.contains("Commit local: Tablero: 1 cambio en portafolio.json"), "\(offline.stdout)")
    #expect(offline.stdout.contains("Sin conexión con origin") && offline.stdout.contains("(1 por enviar)"), "\(offline.stdout)")
    #expect(offline.stdout.contains("próxima sincronización"), "\(offline.stdout)")
    try ana.expectSettled()
    // A second edit offline: a second local commit.
    #expect(try ana.tablero("set-progress", "PGS-05", "70").status == 0)
    #expect(try ana.tablero("sincronizar").stdout.contains("(2 por enviar)"))
    // Beto, offline too, edits something else.
    #expect(try beto.tablero("set-progress", "ACMI-01", "90").status == 0)
    #expect(try beto.tablero("sincronizar").stdout.contains("(1 por enviar)"))

    try team.goOnline()
    let online = try ana.tablero("sincronizar")
    #expect(online.status == 0, "\(online.stderr)")
    #expect(online.stdout.contains("Sin cambios nuevos") && online.stdout.contains("Enviado a origin/main."), "\(online.stdout)")
    let betoOnline = try beto.tablero("sincronizar")
    #expect(betoOnline.stdout.contains("Recibidos 2 cambios de origin/main"), "\(betoOnline.stdout)")
    #expect(betoOnline.stdout.contains("Enviado a origin/main."), "\(betoOnline.stdout)")
    let back = try ana.tablero("sincronizar")
    #expect(back.stdout.contains("Recibido 1 cambio de origin/main"), "\(back.stdout)")
    for laptop in [ana, beto] {
      #expect(try laptop.progress("ACMI-04") == 55)
      #expect(try laptop.progress("PGS-05") == 70)
      #expect(try laptop.progress("ACMI-01") == 90)
      try laptop.expectSettled()
    }
    #expect(try ana.bytes(ana.data) == beto.bytes(beto.data))
  }

  /// A conflict in a file that is not the portfolio's: the merge is aborted, not left half done.
  @Test func aConflictElsewhereAbortsTheMerge() throws {
    let team = try GitTeam()
    let (ana, beto) = try team.anaAndBeto()
    for (laptop, text) in [(ana, "de Ana\n"), (beto, "de Beto\n")] {
      try Data(text.utf8).write(to: URL(fileURLWithPath: laptop.path + "/notas.txt"))
      try laptop.git("add", "notas.txt")
      try laptop.git("commit", "--quiet", "-m", "notas")
    }
    #expect(try ana.tablero("sincronizar").status == 0)
    #expect(try beto.tablero("set-progress", "ACMI-04", "55").status == 0)
    let before = try beto.bytes(beto.data)
    let result = try beto.tablero("sincronizar", "--preferir", "mia")
    #expect(result.status == 74, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("notas.txt") && result.stderr.contains("La fusión se canceló"), "\(result.stderr)")
    try beto.expectSettled()
    #expect(try beto.text(beto.path + "/notas.txt") == "de Beto\n")
    #expect(try beto.bytes(beto.data) == before)
    #expect(try beto.git("log", "-1", "--format=%s") == "Tablero: 1 cambio en portafolio.json")
  }

  @Test func refusesWhatItCannotSyncSafely() throws {
    let team = try GitTeam()
    let (ana, _) = try team.anaAndBeto()

    // Unrelated changes in the work tree: named, nothing committed.
    try Data("x\n".utf8).write(to: URL(fileURLWithPath: ana.path + "/LEEME.md"))
    try ana.git("add", "LEEME.md")
    #expect(try ana.tablero("set-progress", "ACMI-04", "55").status == 0)
    let head = try ana.git("rev-parse", "HEAD")
    let dirty = try ana.tablero("sincronizar")
    #expect(dirty.status == 74)
    #expect(dirty.stderr.contains("cambios que no son del portafolio") && dirty.stderr.contains("LEEME.md: nuevo"), "\(dirty.stderr)")
    #expect(try ana.git("rev-parse", "HEAD") == head)
    try ana.git("reset", "--quiet", "LEEME.md")

    // Unsaved edits of a session that ended, in any session's journal (one per session).
    for journal in [ana.data + ".diario.jsonl", ana.data + ".diario-2.jsonl"] {
      try Data("{}\n".utf8).write(to: URL(fileURLWithPath: journal))
      let unsaved = try ana.tablero("sincronizar")
      #expect(unsaved.status == 74)
      #expect(unsaved.stderr.contains("sesión que terminó") && unsaved.stderr.contains(journal), "\(unsaved.stderr)")
      #expect(try ana.git("rev-parse", "HEAD") == head)
      try FileManager.default.removeItem(atPath: journal)
    }

    // No remote.
    try ana.git("remote", "remove", "origin")
    let alone = try ana.tablero("sincronizar")
    #expect(alone.status == 74)
    #expect(alone.stderr.contains("no tiene remoto"), "\(alone.stderr)")

    // Not a repository at all.
    let outside = team.root.appendingPathComponent("suelto.json").path
    #expect(try ana.tablero("init", outside, "--demo").status == 0)
    let loose = try ana.tablero("sincronizar", "--file", outside)
    #expect(loose.status == 74)
    #expect(loose.stderr.contains("no está en un repositorio git"), "\(loose.stderr)")
  }

  @Test func gitInstallWritesConfigAndAttributesOnce() throws {
    let team = try GitTeam()
    let ana = try team.laptop("ana")
    #expect(try ana.tablero("init", ana.data, "--demo").status == 0)
    let install = try ana.tablero("git", "instalar")
    #expect(install.status == 0, "\(install.stderr)")
    #expect(install.stdout.contains("merge.tablero.driver") && install.stdout.contains(".gitattributes"), "\(install.stdout)")
    #expect(try ana.git("check-attr", "merge", "--", "portafolio.json") == "portafolio.json: merge: tablero")
    let attributes = try ana.text(ana.path + "/.gitattributes")
    let again = try ana.tablero("git", "install", "--lang", "en")
    #expect(again.status == 0)
    #expect(again.stdout.contains("already installed"), "\(again.stdout)")
    #expect(try ana.text(ana.path + "/.gitattributes") == attributes)
    // A plain git pull in a clone with the driver merges by field too.
    #expect(try ana.tablero("sincronizar").status == 0)
    let beto = try team.laptop("beto")
    #expect(try beto.tablero("git", "instalar").status == 0)
    #expect(try ana.tablero("set-progress", "ACMI-04", "55").status == 0)
    #expect(try ana.tablero("sincronizar").status == 0)
    #expect(try beto.tablero("set-progress", "PGS-05", "70").status == 0)
    try beto.git("add", "portafolio.json", "portafolio.json.historial.jsonl")
    try beto.git("commit", "--quiet", "-m", "Beto")
    try beto.git("pull", "--quiet", "--no-rebase", "--no-edit")
    #expect(try beto.progress("ACMI-04") == 55)
    #expect(try beto.progress("PGS-05") == 70)
    try beto.expectSettled()
  }

  /// An open session's unsaved edits (its journal held by the session) do not stop a sync:
  /// the saved state is committed and pushed, and a note names that session.
  @Test func anOpenSessionsUnsavedEditsAreNamedNotBlocking() throws {
    let team = try GitTeam()
    let (ana, beto) = try team.anaAndBeto()
    #expect(try ana.tablero("set-progress", "ACMI-04", "55").status == 0)
    let journal = ana.data + ".diario-3.jsonl"
    try Data("{}\n".utf8).write(to: URL(fileURLWithPath: journal))
    // Hold it as a running session does (flock on the journal).
    let fd = open(journal, O_RDONLY)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let sync = try ana.tablero("sincronizar")
    #expect(sync.status == 0, "\(sync.stderr)")
    #expect(sync.stdout.contains("sesiones abiertas con cambios sin guardar") && sync.stdout.contains(journal), "\(sync.stdout)")
    #expect(sync.stdout.contains("Enviado a origin/main."), "\(sync.stdout)")
    #expect(try beto.tablero("sincronizar").status == 0)
    #expect(try beto.progress("ACMI-04") == 55)
  }
}
