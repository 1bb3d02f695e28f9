import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// `tablero sincronizar`: commits the saved portfolio (and its history) with a message listing
/// the edits, fetches, merges with the tablero drivers (conflicts in the resolver, or by
/// `--preferir`), and pushes. Offline it keeps the commit and says so; the next sync pushes.
/// It never leaves the repository in the middle of a merge: any failure aborts the merge.
///
/// The data file's lock is held from the start to the end, so no other command or session
/// saves while git rewrites the file.
struct GitSync {
  let file: PortfolioFile
  let prefer: MergeSide?
  /// Attempts at push when the server keeps moving (someone pushes between our fetch and push).
  static let pushAttempts = 3

  private var l: Language { file.language }

  func run() throws(SyncError) {
    let l = self.l
    let dataPath = GitSetup.realPath(file.path)
    guard PortfolioStore.exists(dataPath) else {
      throw .refused(l.pick("\(file.path) no existe.", "\(file.path) does not exist."))
    }
    let (folder, name) = GitRepository.folderAndName(of: dataPath)
    guard let repo = GitRepository.containing(folder) else {
      throw .refused(l.pick(
        "\(file.path) no está en un repositorio git (o git no está instalado). Clone el repositorio del equipo (git clone …) y abra el archivo de ese clon, o cree uno con git init y git remote add.",
        "\(file.path) is not in a git repository (or git is not installed). Clone the team's repository (git clone …) and use the file in that clone, or create one with git init and git remote add."))
    }
    if let operation = repo.operationInProgress(l) {
      throw .refused(l.pick(
        "El repositorio \(repo.top) está a mitad de \(operation): termínelo o cancélelo con git antes de sincronizar.",
        "The repository \(repo.top) is in the middle of \(operation): finish or abort it with git before syncing."))
    }
    guard let branch = repo.currentBranch else {
      throw .refused(l.pick(
        "El repositorio no está en una rama (HEAD separado): cambie a una rama con git switch.",
        "The repository is not on a branch (detached HEAD): switch to a branch with git switch."))
    }
    guard let remote = repo.remote(for: branch) else {
      throw .refused(repo.hasRemotes
        ? l.pick("Hay varios remotos y la rama \(branch) no tiene uno configurado: git push -u REMOTO \(branch) una vez.",
          "There are several remotes and branch \(branch) has none configured: git push -u REMOTE \(branch) once.")
        : l.pick("El repositorio no tiene remoto con quien sincronizar: git remote add origin URL.",
          "The repository has no remote to sync with: git remote add origin URL."))
    }
    try refuseEndedSessionsEdits(dataPath)
    let session: PortfolioSession
    do {
      session = try file.openForWriting()
    } catch {
      throw .refused(l.pick("No se sincronizó: el archivo está en uso o no se puede leer (ver arriba).",
        "Not synced: the file is in use or cannot be read (see above)."))
    }
    defer { session.close() }

    let prefix = GitProcess(directory: folder).run("rev-parse", "--show-prefix").text
    let files = SyncFiles(name: name)
    let paths = SyncPaths(data: prefix + name, history: prefix + files.historyName,
      attributes: prefix + ".gitattributes", ignore: prefix + ".gitignore")

    let unrelated = repo.trackedChanges().filter { !paths.shared.contains($0.path) || $0.isUnmerged }
    if !unrelated.isEmpty {
      let listed = unrelated.prefix(10).map { "  " + $0.describe(l) }
      let more = unrelated.count > 10 ? [l.pick("  … y \(unrelated.count - 10) más", "  … and \(unrelated.count - 10) more")] : []
      throw .refused(
        (l.pick("El repositorio tiene cambios que no son del portafolio; guárdelos con git (commit o stash) antes de sincronizar:",
          "The repository has changes that are not the portfolio's; commit or stash them with git before syncing:")
          + "\n" + (listed + more).joined(separator: "\n")))
    }

    let setup = GitSetup(repository: repo, prefix: prefix, files: files, language: l)
    let installed = try setup.install(replaceDrivers: false)
    if !installed.lines.isEmpty {
      print(l.pick("Primera sincronización en este clon: se instaló el controlador de fusión de Tablero.",
        "First sync in this clone: Tablero's merge driver was installed."))
      for line in installed.lines { print("  " + line) }
    }

    let step = SyncSteps(repo: repo, paths: paths, dataPath: dataPath, name: name, branch: branch, remote: remote,
      identity: session.identity, prefer: prefer, language: l)
    try step.commitSaved(portfolio: session.baseline)
    try step.exchange()
  }

  /// Edits left by a session that ended without saving (its journal: one per session,
  /// `<file>.diario.jsonl`, `<file>.diario-2.jsonl`, …) stop the sync: they must be recovered
  /// or discarded first. An open session's unsaved edits do not: sessions hold no lock while
  /// editing (several people on one file), so only what was saved is committed, a note names
  /// them, and that session's next save merges with what the sync brought in. A journal with
  /// no edits left does not count.
  private func refuseEndedSessionsEdits(_ dataPath: String) throws(SyncError) {
    var ended: [String] = []
    var open: [String] = []
    for journal in Journal.existingPaths(for: dataPath) {
      let contents = try? Journal.read(journal)
      if let contents, contents.records.isEmpty { continue }
      let who = contents?.header.map { "\($0.user)@\($0.host), pid \($0.pid)" } ?? "?"
      let count = contents.map { String($0.records.count) } ?? "?"
      let line = l.pick("  \(journal): \(count) cambio(s) de \(who)", "  \(journal): \(count) change(s) by \(who)")
      if Journal.isHeldByLiveSession(journal) { open.append(line) } else { ended.append(line) }
    }
    if !open.isEmpty {
      print(l.pick(
        "Nota: hay sesiones abiertas con cambios sin guardar; no van en este commit (irán en una sincronización después de guardarlos):",
        "Note: open sessions have unsaved changes; they are not in this commit (a sync after they are saved takes them):"))
      for line in open { print(line) }
    }
    guard !ended.isEmpty else { return }
    throw .refused(
      l.pick(
        "Hay cambios sin guardar de una sesión que terminó; recupérelos o descártelos con tablero recover (o abriendo Tablero) y vuelva a sincronizar:",
        "There are unsaved changes of a session that ended; recover or discard them with tablero recover (or by opening Tablero), then sync again:")
        + "\n" + ended.joined(separator: "\n"))
  }
}

/// The repository paths sync commits: the portfolio, its history, and the two git files
/// `tablero git instalar` writes next to them.
struct SyncPaths {
  let data: String
  let history: String
  let attributes: String
  let ignore: String
  var shared: [String] { [data, history, attributes, ignore] }
}
