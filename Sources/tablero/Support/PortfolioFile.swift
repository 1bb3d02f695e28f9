import ArgumentParser
import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// Resolves, loads and saves the portfolio file for a command, turning store errors into
/// messages on stderr and the documented exit codes.
struct PortfolioFile {
  let path: String
  let language: Language
  /// True when the path came from the defaults, where a first run creates the file from the seed.
  let isDefaultLocation: Bool
  /// `--force-write`: replace a write-protected file (its permissions are kept).
  let forceWrite: Bool
  /// `--usuario`: who edits, before `$TABLERO_USER` and the login name.
  let user: String?

  init(options: GlobalOptions) {
    let env = Environment.all
    path = DataLocation.resolve(explicit: options.file, environment: env)
    isDefaultLocation = options.file == nil && (env["TABLERO_FILE"]?.isEmpty ?? true)
    language = options.language
    forceWrite = options.forceWrite
    user = options.user
  }

  /// Loads the file; on the first run at the default location creates it from the embedded seed.
  func load(printWarnings: Bool = false) throws -> LoadedPortfolio {
    try createDefaultIfNeeded()
    do {
      let loaded = try PortfolioStore.load(from: path)
      if printWarnings { printWarningsOf(loaded) }
      return loaded
    } catch {
      throw fail(error)
    }
  }

  /// `--usuario`, else `$TABLERO_USER`, else the login name; `@host`; this process.
  var identity: SessionIdentity { SessionIdentity.current(environment: Environment.all, explicit: user) }

  /// Opens the file for a command that writes: takes the lock (a stale lock of a dead process on
  /// this host is taken over, with a note), and refuses with exit 74 when another session holds
  /// it, when the lock cannot be created, or when unsaved edits of an earlier session wait in the
  /// recovery journal (unless `allowPendingRecovery`, for `tablero recover`).
  func openForWriting(allowPendingRecovery: Bool = false) throws -> PortfolioSession {
    try createDefaultIfNeeded()
    let me = identity
    var session: PortfolioSession
    do {
      session = try PortfolioSession.open(path: path, user: me.user, host: me.host)
      // Another command line write holds the file for a moment: wait for it (bounded, saying
      // so), as git does for index.lock, instead of failing at once. A person's TUI session may
      // hold it for hours: no waiting for that.
      if case .readOnlyLocked(let holder) = session.access, !holder.interactive, lockWait > 0 {
        Environment.printError(language.pick(
          "Esperando a que \(holder.user)@\(holder.host) (pid \(holder.pid)) termine de escribir \(path) (hasta \(Format.number(lockWait)) s)…",
          "Waiting for \(holder.user)@\(holder.host) (pid \(holder.pid)) to finish writing \(path) (up to \(Format.number(lockWait)) s)…"))
        let deadline = ContinuousClock.now + .milliseconds(Int(lockWait * 1000))
        while case .readOnlyLocked(let current) = session.access, !current.interactive, ContinuousClock.now < deadline {
          usleep(50_000)
          session.close()
          session = try PortfolioSession.open(path: path, user: me.user, host: me.host)
        }
      }
    } catch {
      throw fail(error)
    }
    if let stale = session.tookOverStaleLock {
      Environment.printError(language.pick(
        "Nota: se tomó el candado abandonado de \(stale.user)@\(stale.host) (pid \(stale.pid), ya no existe).",
        "Note: took over the stale lock of \(stale.user)@\(stale.host) (pid \(stale.pid), no longer running)."))
    }
    switch session.access {
    case .readWrite: break
    case .readOnlyLocked(let holder), .readOnlyStaleLock(let holder):
      session.close()
      throw fail(.locked(path: path, holder: holder))
    case .readOnlyNoLock(let reason):
      session.close()
      throw fail(.lockFailed(path: path, reason: reason))
    case .readOnlyRequested:
      session.close()
      throw fail(.readOnly(path: path))
    }
    if !allowPendingRecovery, let recovery = session.recovery {
      session.close()
      throw fail(.recoveryPending(path: path, journal: recovery.journalPath, entries: recovery.entryCount))
    }
    return session
  }

  /// Seconds a write waits for another command line writer's lock: `TABLERO_LOCK_WAIT`, default 5.
  var lockWait: Double {
    guard let text = Environment.value("TABLERO_LOCK_WAIT"), let seconds = Double(text), seconds.isFinite else { return 5 }
    return min(max(0, seconds), 600)
  }

  /// Opens the file for the TUI: a file locked by another live session, or with a stale lock,
  /// opens read-only (the TUI says who holds it and offers to take a stale lock over).
  func openSession(readOnly: Bool) throws -> PortfolioSession {
    try createDefaultIfNeeded()
    let me = identity
    do {
      return try PortfolioSession.open(
        path: path, user: me.user, host: me.host, readOnly: readOnly, stalePolicy: .leave, interactive: true)
    } catch {
      throw fail(error)
    }
  }

  /// Saves through the session (lock, changed-on-disk check, backup, history); warns when the
  /// history could not be written.
  @discardableResult
  func save(
    _ portfolio: Portfolio, in session: PortfolioSession, notes: [String: [String]]? = nil,
    mergedWith other: Portfolio? = nil, newRevision: Bool = false
  ) throws -> PortfolioSession.SaveReport {
    do {
      let report = try session.save(
        portfolio, notes: notes, overwriteProtected: forceWrite, mergedWith: other, newRevision: newRevision)
      if let problem = report.historyError { Environment.printError(problem.describe(language)) }
      if let problem = report.revisionLogError { Environment.printError(problem.describe(language)) }
      return report
    } catch {
      throw fail(error)
    }
  }

  private func createDefaultIfNeeded() throws {
    if isDefaultLocation, !PortfolioStore.exists(path) {
      do {
        let seed = try EmbeddedPortfolios.load(.seed)
        try PortfolioStore.create(seed.portfolio, at: path, force: false)
        Environment.printError(
          language.pick(
            "Se creó \(path) con el portafolio de la SSA (seed). Use --file o TABLERO_FILE para otro archivo.",
            "Created \(path) with the SSA seed portfolio. Use --file or TABLERO_FILE for another file."))
      } catch {
        throw fail(error)
      }
    }
  }

  func save(_ portfolio: Portfolio) throws {
    do { try PortfolioStore.save(portfolio, to: path) } catch { throw fail(error) }
  }

  func printWarningsOf(_ loaded: LoadedPortfolio) {
    for warning in loaded.warnings { Environment.printError("\(path): " + warning.describe(language)) }
  }

  /// Prints the error and gives the exit code for its kind.
  func fail(_ error: StoreError) -> ExitCode {
    var message = error.describe(language)
    if case .notFound = error, !isDefaultLocation {
      message += language.pick(
        "\nCree uno con: tablero init \(path)", "\nCreate one with: tablero init \(path)")
    }
    Environment.printError(message)
    switch error {
    case .syntax, .invalid, .empty, .journalCorrupt: return Exit.dataError
    default: return Exit.ioError
    }
  }
}
