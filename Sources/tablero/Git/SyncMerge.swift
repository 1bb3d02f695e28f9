import TableroCore
import TableroUI

#if canImport(Glibc)
  import Glibc
#endif

/// The merge of the remote branch into the local one, with the tablero drivers. Conflicts in
/// the portfolio are settled by `--preferir`, or in the resolver when there is a terminal;
/// without either, and on any failure, the merge is aborted: the repository goes back to the
/// local commit, never stays half-merged.
struct SyncMerge {
  let steps: SyncSteps
  /// The remote-tracking ref to merge.
  let tracking: String

  private var repo: GitRepository { steps.repo }
  private var l: Language { steps.language }
  private var shownRemote: String { "\(steps.remote)/\(steps.branch)" }

  /// History lines written for settled conflicts (this machine's, not received ones).
  private(set) var settled: [HistoryRecord] = []

  /// Between `git merge` and its commit or abort, Ctrl-C, SIGTERM and SIGHUP (an SSH link
  /// that drops) wait: the merge is finished or aborted first, then the process ends.
  mutating func run() throws(SyncError) {
    SignalShield.hold()
    defer { SignalShield.release() }
    try merge()
    if let signal = SignalShield.pending {
      endInterrupted(signal, l.pick(
        "Interrumpido después de la fusión (ya registrada en un commit local); nada se envió: vuelva a sincronizar.",
        "Interrupted after the merge (already in a local commit); nothing was pushed: sync again."))
    }
  }

  private mutating func merge() throws(SyncError) {
    let message = l.pick("Tablero: sincronización con \(shownRemote)", "Tablero: sync with \(shownRemote)")
    let merged = steps.gitWithDrivers.run(["merge", "--no-ff", "--no-edit", "--quiet", "-m", message, tracking])
    if merged.ok { return }
    guard repo.isMerging else {
      if let signal = SignalShield.pending {
        // Git was killed before it recorded the merge: put back what it may have touched
        // (the tree was clean apart from the commit just made).
        _ = repo.git.run(["reset", "--merge", "--quiet"])
        endInterrupted(signal, l.pick("Interrumpido: no se fusionó nada.", "Interrupted: nothing was merged."))
      }
      // Git refused before merging (an untracked file in the way, …): nothing to undo.
      throw .refused(l.pick("No se pudo fusionar con \(shownRemote); el repositorio quedó como estaba: ",
        "Could not merge with \(shownRemote); the repository is as it was: ") + merged.message)
    }
    do throws(SyncError) {
      // A Ctrl-C that reached git too (same terminal) ends here, before anything is decided.
      if SignalShield.pending != nil {
        throw .refused(l.pick("Interrumpido durante la fusión.", "Interrupted during the merge."))
      }
      try finish()
    } catch {
      let clean = repo.abortMerge()
      var text = error.message
      text += clean
        ? l.pick("\nLa fusión se canceló: el repositorio volvió a su commit local (sus cambios están ahí), nada se envió.",
          "\nThe merge was aborted: the repository is back at its local commit (your changes are there), nothing was pushed.")
        : l.pick("\nNo se pudo cancelar la fusión: ejecute git merge --abort en \(repo.top).",
          "\nThe merge could not be aborted: run git merge --abort in \(repo.top).")
      if let signal = SignalShield.pending { endInterrupted(signal, text) }
      switch error {
      case .refused: throw .refused(text)
      case .undecided: throw .undecided(text)
      }
    }
  }

  /// Settles what git left conflicted and commits the merge; throws, without aborting, when it
  /// cannot (the caller aborts).
  private mutating func finish() throws(SyncError) {
    let unmerged = repo.unmergedPaths()
    let foreign = unmerged.filter { $0 != steps.paths.data && $0 != steps.paths.history }
    if !foreign.isEmpty {
      throw .refused(l.pick(
        "Conflictos en archivos que no son del portafolio: \(foreign.joined(separator: ", ")). Resuélvalos con git (git pull) y vuelva a sincronizar.",
        "Conflicts in files that are not the portfolio's: \(foreign.joined(separator: ", ")). Resolve them with git (git pull), then sync again."))
    }
    if unmerged.contains(steps.paths.history) { try settleHistory() }
    if unmerged.contains(steps.paths.data) { try settlePortfolio() }
    let committed = steps.gitWithDrivers.run(["commit", "--no-edit", "--quiet"])
    guard committed.ok else {
      throw .refused(l.pick("git commit de la fusión falló: ", "git commit of the merge failed: ") + committed.message)
    }
  }

  /// The history's driver never conflicts; if git still left it conflicted (the driver could
  /// not run), the union is made here.
  private func settleHistory() throws(SyncError) {
    let path = steps.paths.history
    let mine = repo.show(":2:" + path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let theirs = repo.show(":3:" + path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    try write(Array(HistoryMerge.merge(mine: mine, theirs: theirs).text.utf8), to: path, atomically: false)
  }

  private mutating func settlePortfolio() throws(SyncError) {
    let path = steps.paths.data
    let mineName = l.pick("\(steps.name) (este equipo)", "\(steps.name) (this machine)")
    let theirsName = "\(steps.name) (\(shownRemote))"
    let mine = try version(":2:" + path, mineName)
    let theirs = try version(":3:" + path, theirsName)
    // A file added on both sides has no common version: a merge without a base.
    let base = repo.show(":1:" + path).flatMap { try? PortfolioCodec.decode($0, path: path).portfolio }
    var result = PortfolioMerge.merge(base: base, mine: mine, theirs: theirs)
    let report = MergeReport(language: l, mineName: mineName, theirsName: theirsName)
    if !result.isClean {
      if let prefer {
        result.resolveAll(with: prefer)
      } else if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
        let runner = MergeTUIRunner(language: l, mineName: mineName, theirsName: theirsName)
        let outcome: MergeResolverOutcome
        // The resolver handles signals itself (Ctrl-C asks, a hang-up cancels): let them through.
        if SignalShield.pending != nil {
          throw .refused(l.pick("Interrumpido durante la fusión.", "Interrupted during the merge."))
        }
        SignalShield.release()
        defer { SignalShield.hold() }
        do { outcome = try runner.run(result) } catch {
          throw .refused(l.pick("No se pudo abrir la terminal para resolver los conflictos.", "Could not open the terminal to resolve the conflicts."))
        }
        switch outcome {
        case .apply(let resolved): result = resolved
        case .cancel:
          throw .undecided(l.pick("Resolución cancelada (\(result.conflicts.count) conflictos).", "Resolution cancelled (\(result.conflicts.count) conflicts)."))
        }
      } else {
        // The "→ value (by default)" lines would suggest something was chosen: nothing was.
        let listed = report.conflictLines(result).filter { !$0.hasPrefix("       → ") }
        throw .undecided(
          (listed + [
            l.pick(
              "Hay conflictos y no hay terminal para resolverlos. Sincronice en una terminal (se abre el resolvedor) o elija un lado para todos: tablero sincronizar --preferir mia (este equipo) | suya (\(shownRemote)).",
              "There are conflicts and no terminal to resolve them. Sync in a terminal (the resolver opens) or pick a side for all: tablero sync --prefer ours (this machine) | theirs (\(shownRemote))."),
          ]).joined(separator: "\n"))
      }
    }
    let portfolio: Portfolio
    do { portfolio = try result.validated() } catch {
      throw .refused(l.pick("La fusión daría un portafolio no válido: ", "The merge would give an invalid portfolio: ") + error.describe(l))
    }
    try write(PortfolioCodec.encode(portfolio), to: path, atomically: true)
    // The settled values are the latest history lines of their fields, whoever edited last.
    settled = ResolutionHistory.records(
      base: base, mine: mine, theirs: theirs, merged: portfolio, user: steps.identity.userAtHost, at: .now)
    if !settled.isEmpty {
      do { try History.append(settled, to: repo.top + "/" + steps.paths.history) } catch {
        throw .refused(error.describe(l))
      }
      let added = repo.git.run(["add", "--", steps.paths.history])
      guard added.ok else { throw .refused(l.pick("git add falló: ", "git add failed: ") + added.message) }
    }
    for line in report.conflictLines(result) { print(line) }
  }

  private var prefer: MergeSide? { steps.prefer }

  private func version(_ spec: String, _ shown: String) throws(SyncError) -> Portfolio {
    guard let bytes = repo.show(spec) else {
      throw .refused(l.pick("\(shown): no está en la fusión (¿se borró en un lado?).", "\(shown): missing from the merge (deleted on one side?)."))
    }
    do { return try PortfolioCodec.decode(bytes, path: shown).portfolio } catch {
      throw .refused(error.describe(l))
    }
  }

  /// Writes the settled file and marks it resolved (`git add`).
  private func write(_ bytes: [UInt8], to path: String, atomically: Bool) throws(SyncError) {
    let full = repo.top + "/" + path
    do {
      if atomically { try PortfolioStore.write(bytes, to: full) } else { try TextFile.write(bytes, to: full) }
    } catch {
      throw .refused(error.describe(l))
    }
    let added = repo.git.run(["add", "--", path])
    guard added.ok else { throw .refused(l.pick("git add falló: ", "git add failed: ") + added.message) }
  }

  /// Says what happened and ends the process as the signal would have (128 + its number).
  private func endInterrupted(_ signal: Int32, _ text: String) -> Never {
    Environment.printError(text)
    exit(128 + signal)
  }
}
