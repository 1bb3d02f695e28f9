import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// The git steps of one sync, once the checks passed and the data file's lock is held:
/// commit what is saved, then fetch, merge and push.
struct SyncSteps {
  let repo: GitRepository
  let paths: SyncPaths
  /// The data file (absolute).
  let dataPath: String
  let name: String
  let branch: String
  let remote: String
  let identity: SessionIdentity
  let prefer: MergeSide?
  let language: Language

  private var l: Language { language }
  private var tracking: String { "refs/remotes/\(remote)/\(branch)" }
  private var shownRemote: String { "\(remote)/\(branch)" }

  // MARK: Commit

  /// Commits the data file, its history and the git files if any of them changed, with a
  /// message listing the history records the last commit did not have.
  func commitSaved(portfolio: Portfolio) throws(SyncError) {
    let present = paths.shared.filter { PortfolioStore.exists(repo.top + "/" + $0) }
    let added = repo.git.run(["add", "--"] + present)
    guard added.ok else { throw .refused(l.pick("git add falló: ", "git add failed: ") + added.message) }
    // Exit 1: something is staged.
    guard !repo.run("diff", "--cached", "--quiet").ok else {
      print(l.pick("Sin cambios nuevos que registrar en git.", "No new changes to record in git."))
      return
    }
    let committedHistory = repo.show("HEAD:" + paths.history).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let currentHistory = (try? TextFile.read(repo.top + "/" + paths.history)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let records = SyncCommitMessage.newRecords(committed: committedHistory, current: currentHistory)
    let message = SyncCommitMessage.make(records: records, fileName: name, portfolio: portfolio, language: l)
    var git = repo.git
    git.settings = repo.identitySettings(identity)
    let commit = git.run(["commit", "--quiet", "-m", message])
    guard commit.ok else {
      // Leave nothing half-staged: the next sync stages again.
      _ = repo.git.run(["reset", "--quiet", "--"] + present)
      throw .refused(l.pick("git commit falló: ", "git commit failed: ") + commit.message)
    }
    let subject = message.split(separator: "\n").first.map(String.init) ?? message
    print(l.pick("Commit local: \(subject)", "Local commit: \(subject)"))
  }

  // MARK: Fetch, merge, push

  func exchange() throws(SyncError) {
    guard fetch() else { return }
    for _ in 1...GitSync.pushAttempts {
      try takeRemoteChanges()
      let head = repo.commit("HEAD")
      if let head, head == repo.commit(tracking) {
        print(l.pick("Al día con \(shownRemote): nada que enviar.", "Up to date with \(shownRemote): nothing to send."))
        return
      }
      var arguments = ["push", "--quiet"]
      if !repo.hasUpstream(branch) { arguments.append("--set-upstream") }
      arguments += [remote, "refs/heads/\(branch):refs/heads/\(branch)"]
      let pushed = repo.git.run(arguments)
      if pushed.ok {
        print(l.pick("Enviado a \(shownRemote).", "Pushed to \(shownRemote)."))
        return
      }
      // Rejected because someone pushed meanwhile (fetch again and merge), or unreachable now.
      let before = repo.commit(tracking)
      guard fetch() else { return }
      if repo.commit(tracking) == before {
        throw .refused(l.pick("git push falló: ", "git push failed: ") + pushed.message)
      }
    }
    throw .refused(l.pick(
      "\(shownRemote) siguió cambiando mientras se enviaba; sus cambios están en un commit local. Vuelva a sincronizar.",
      "\(shownRemote) kept changing while pushing; your changes are in a local commit. Sync again."))
  }

  /// False when the remote cannot be reached: then says that the commits wait for the next sync.
  private func fetch() -> Bool {
    let fetched = repo.git.run(["fetch", "--quiet", remote])
    if fetched.ok { return true }
    let waiting = repo.commit(tracking).map { repo.count(from: $0, to: "HEAD") }
      ?? (Int(repo.run("rev-list", "--count", "HEAD").text) ?? 0)
    let firstLine = fetched.message.split(separator: "\n").first.map(String.init) ?? ""
    print(l.pick(
      "Sin conexión con \(remote) (\(firstLine)). Los cambios guardados quedan en commits locales\(waiting > 0 ? " (\(waiting) por enviar)" : ""); se enviarán en la próxima sincronización: tablero sincronizar.",
      "Cannot reach \(remote) (\(firstLine)). The saved changes stay in local commits\(waiting > 0 ? " (\(waiting) to push)" : ""); they will be pushed on the next sync: tablero sync."))
    return false
  }

  /// Brings the remote branch in: nothing, a fast-forward, or a merge.
  private func takeRemoteChanges() throws(SyncError) {
    guard let theirs = repo.commit(tracking), let head = repo.commit("HEAD") else { return }
    if repo.isAncestor(theirs, of: head) { return }
    let historyBefore = historyText()
    var ownLines: [HistoryRecord] = []
    if repo.isAncestor(head, of: theirs) {
      let forward = repo.git.run(["merge", "--ff-only", "--quiet", tracking])
      guard forward.ok else {
        throw .refused(l.pick("No se pudieron traer los cambios de \(shownRemote): ", "Could not bring in the changes of \(shownRemote): ") + forward.message)
      }
    } else {
      var merge = SyncMerge(steps: self, tracking: tracking)
      try merge.run()
      ownLines = merge.settled
    }
    reportReceived(since: historyBefore, excluding: ownLines)
  }

  /// "Recibidos 2 cambios de otros: …", from the history lines the merge brought.
  private func reportReceived(since before: String, excluding own: [HistoryRecord]) {
    let records = SyncCommitMessage.newRecords(committed: before, current: historyText()).filter { !own.contains($0) }
    guard !records.isEmpty else {
      print(l.pick("Se incorporaron los cambios de \(shownRemote).", "Brought in the changes of \(shownRemote)."))
      return
    }
    print(records.count == 1
      ? l.pick("Recibido 1 cambio de \(shownRemote):", "Received 1 change from \(shownRemote):")
      : l.pick("Recibidos \(records.count) cambios de \(shownRemote):", "Received \(records.count) changes from \(shownRemote):"))
    let portfolio = (try? PortfolioStore.load(from: dataPath).portfolio) ?? Portfolio(name: "", reportDate: Day(ordinal: 0))
    let names = EditDescription(l, before: portfolio)
    for record in records.prefix(SyncCommitMessage.listLimit) { print("  " + SyncCommitMessage.line(record, names, l)) }
    if records.count > SyncCommitMessage.listLimit {
      print(l.pick("  … y \(records.count - SyncCommitMessage.listLimit) más (tablero history)", "  … and \(records.count - SyncCommitMessage.listLimit) more (tablero history)"))
    }
  }

  func historyText() -> String {
    (try? TextFile.read(repo.top + "/" + paths.history)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  /// Git with this binary as the merge drivers, whatever the clone's config says: the sync
  /// must merge with the tablero it runs as.
  var gitWithDrivers: GitProcess {
    var git = repo.git
    let me = GitSetup.shellQuoted(GitSetup.executablePath())
    git.settings = repo.identitySettings(identity) + [
      "merge.\(SyncFiles.portfolioDriver).driver=\(me) merge-driver --lang \(l.rawValue) %O %A %B %P",
      "merge.\(SyncFiles.historyDriver).driver=\(me) merge-driver --historial %O %A %B",
    ]
    return git
  }
}
