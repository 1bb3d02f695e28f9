import ArgumentParser
import TableroCore
import TableroTerminal
import TableroUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the terminal UI: the pure `update`/`render` of TableroUI driven by the ncurses event
/// loop. Effects are carried out here through a `PortfolioSession`: every edit is journalled
/// before the next key, saves take the lock for a moment and merge what others saved, history
/// is appended; while idle, others' saves are polled for and brought onto the screen.
struct TUIRunner {
  let file: PortfolioFile
  let readOnly: Bool
  var presenting = false
  /// Clicks and the wheel (off with --sin-raton, so the terminal keeps its own text selection).
  var mouse = true

  /// UTF-8 locale: Unicode glyphs and borders; otherwise ASCII.
  static var localeIsUTF8: Bool {
    let value = Environment.value("LC_ALL") ?? Environment.value("LC_CTYPE") ?? Environment.value("LANG") ?? ""
    let lower = value.lowercased()
    return lower.contains("utf-8") || lower.contains("utf8")
  }

  /// Histories longer than this are read after the first frame (4 MiB ≈ 35 000 lines).
  static let historyReadLaterBytes = 4 << 20

  func run() throws {
    let l = file.language
    let session = try file.openSession(readOnly: readOnly)
    defer { session.close() }
    // Another save holds the file for a moment; longer than this (a `merge --interactivo`
    // being resolved), the save says who has it and the edits stay unsaved.
    session.saveLockWait = .milliseconds(Int(file.lockWait * 1000))
    // A long history (300 000 lines: ≈ 630 ms) is read in the first idle moment, after the first
    // frame: nothing on that frame needs it (it feeds the forecast, the detail pane's "actualizado
    // por" and the charts). A short one is read now, as before.
    let historyPath = session.historyPath
    var historyStat = stat()
    let historyBytes = stat(historyPath, &historyStat) == 0 ? Int(historyStat.st_size) : 0
    var historyPending = historyBytes > Self.historyReadLaterBytes
    let history = historyPending ? [] : ((try? History.read(historyPath).records) ?? [])

    // What to ask before the first frame: a pending journal. (A person's session holds no lock
    // while editing, so another session never makes it read-only; a folder where no lock can
    // be made does.)
    var startup: Modal?
    var readOnlyNote: String?
    if let prompt = Self.recoveryPrompt(session, l) { startup = .recovery(prompt) }
    if case .readOnlyNoLock(let reason) = session.access {
      readOnlyNote = l.pick("Solo lectura: no se pudo marcar el archivo en uso (\(reason)).", "Read-only: could not lock the file (\(reason)).")
    }

    /// The journal's path is known once the first edit claims a slot (`.diario.jsonl`,
    /// `.diario-2.jsonl`… when several sessions edit the file).
    var abortJournal = ""
    func setAbortMessage() {
      guard abortJournal != session.journalPath else { return }
      abortJournal = session.journalPath
      NcursesTerminal.setAbortMessage(l.pick(
        "Sesión terminada por una señal mientras la pantalla estaba ocupada. Los cambios confirmados sin guardar están en \(session.journalPath); al abrir de nuevo se ofrecerá recuperarlos.",
        "Session ended by a signal while the screen was busy. Confirmed unsaved changes are in \(session.journalPath); the next start offers to recover them."))
    }
    setAbortMessage()
    var exitNote: String?
    var exitSignal: Int32?
    var discardOnExit = false
    do {
      try TerminalGuard.withTerminal { terminal in
        var config = AppConfig(
          language: l, useColor: terminal.supportsColor, useUnicode: Self.localeIsUTF8, filePath: file.path,
          readOnly: session.isReadOnly, today: Today.day)
        config.presenting = presenting
        config.userName = file.identity.user
        config.clock = { Timestamp.now }
        var state = AppState(
          loaded: LoadedPortfolio(portfolio: session.baseline, warnings: session.warnings), config: config,
          size: terminal.size, history: history, startup: startup)
        if let readOnlyNote { _ = update(&state, with: .notice(readOnlyNote, isError: false)) }
        if mouse { _ = terminal.enableMouse() }
        if let fallback = terminal.fallbackType {
          let term = terminal.settings.term ?? ""
          _ = update(&state, with: .notice(l.pick(
            "Terminal desconocido (TERM=\(term)): se usa \(fallback), sin colores.",
            "Unknown terminal (TERM=\(term)): using \(fallback), without colours."), isError: false))
        }

        /// Saves, merging what other sessions saved since this one's base; a conflict opens the
        /// resolver (nothing written), and its answer comes back as `.saveResolved`.
        func save(_ mine: Portfolio, resolved: MergeResult? = nil, overwriteProtected: Bool = false) -> [Effect] {
          var effects: [Effect] = []
          do {
            switch try session.saveMerging(mine, resolved: resolved, overwriteProtected: overwriteProtected) {
            case .saved(let report):
              effects += update(&state, with: .historyAppended(report.changes))
              if let merge = report.merge {
                effects += update(&state, with: .saveMerged(IncomingChanges(
                  portfolio: session.baseline, saved: session.baseline, taken: merge.summary.fromTheirs,
                  records: report.othersRecords)))
              } else {
                effects += update(&state, with: .saveFinished(error: nil))
              }
              if let problem = report.historyError {
                effects += update(&state, with: .notice(problem.describe(l), isError: true))
              }
            case .needsResolution(let merge):
              effects += update(&state, with: .saveNeedsResolution(merge))
            }
          } catch {
            if case .writeProtected = error {
              effects += update(&state, with: .saveWriteProtected(message: error.describe(l)))
            } else {
              effects += update(&state, with: .saveFinished(error: error.describe(l)))
            }
          }
          return effects
        }

        /// Carries out effects; false when the session should end.
        func perform(_ effects: [Effect]) -> Bool {
          var queue = effects
          while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .record(let entry):
              do {
                try session.record(entry)
                setAbortMessage()
              } catch {
                // Not in the journal, so not made: a crash now would lose it.
                queue += update(&state, with: .recordFailed(entry, message: error.describe(l)))
              }
            case .save(let portfolio):
              queue += save(portfolio)
            case .saveOverProtection(let portfolio):
              queue += save(portfolio, overwriteProtected: true)
            case .saveResolved(let merge):
              queue += save(merge.mine, resolved: merge)
            case .saveCopy(let portfolio, let path):
              do {
                try session.saveCopy(portfolio, to: path)
                queue += update(&state, with: .notice(l.pick("Copia guardada en ", "Copy saved to ") + path, isError: false))
              } catch {
                queue += update(&state, with: .notice(error.describe(l), isError: true))
              }
            case .applyRecovery:
              do {
                let replayed = try session.recover()
                queue += update(&state, with: .accessChanged(readOnly: session.isReadOnly || readOnly, message: ""))
                queue += update(&state, with: .documentReplaced(
                  portfolio: replayed.portfolio, saved: session.baseline,
                  message: l.pick("Cambios recuperados; s los guarda", "Changes recovered; s saves them")
                    + (replayed.skipped.isEmpty ? "" : l.pick(" (\(replayed.skipped.count) ya no aplican)", " (\(replayed.skipped.count) no longer apply)"))))
              } catch {
                queue += update(&state, with: .notice(error.describe(l), isError: true))
              }
            case .discardRecovery:
              do {
                try session.discardRecovery()
                queue += update(&state, with: .accessChanged(
                  readOnly: session.isReadOnly || readOnly,
                  message: l.pick("Diario descartado (copia en ", "Journal discarded (copy at ")
                    + PortfolioSession.discardedJournalPath(for: file.path) + ")"))
              } catch {
                queue += update(&state, with: .notice(error.describe(l), isError: true))
              }
            case .quit:
              // Undone back to the saved version: the journal holds nothing worth recovering.
              if !state.isDirty, session.hasUnsavedEdits {
                discardOnExit = true
                return false
              }
              if session.hasUnsavedEdits {
                exitNote = l.pick(
                  "Los cambios sin guardar quedan en \(session.journalPath); al abrir de nuevo se ofrecerá recuperarlos.",
                  "Unsaved changes are kept in \(session.journalPath); the next start offers to recover them.")
              }
              return false
            case .quitDiscarding:
              discardOnExit = true
              return false
            }
          }
          return true
        }

        /// Others' saves, within about a second: a stat of the file twice a second while idle
        /// (the file is read only when it changed), merged onto the screen with this session's
        /// unsaved edits on top. Not while a dialog is open (a form holds values read before)
        /// or a save is under way. True when the screen changed.
        var lastPoll = ContinuousClock.now
        func pollOthersSaves() -> Bool {
          guard state.modal == nil, !state.isSaving else { return false }
          guard ContinuousClock.now - lastPoll >= .milliseconds(500) else { return false }
          lastPoll = ContinuousClock.now
          do {
            guard let outside = try session.pollOutsideSave(showing: state.portfolio) else { return false }
            _ = perform(update(&state, with: .othersSaved(IncomingChanges(
              portfolio: outside.portfolio, saved: session.baseline, taken: outside.merge.summary.fromTheirs,
              records: outside.records, conflicts: outside.conflicts))))
          } catch {
            _ = perform(update(&state, with: .notice(
              l.pick("Otra sesión dejó el archivo ilegible por ahora: ", "Another session left the file unreadable for now: ")
                + error.describe(l), isError: true)))
          }
          return true
        }

        EventLoop.run(
          on: terminal,
          render: { size in
            if size != state.size { _ = update(&state, with: .resized(size)) }
            return render(state)
          },
          handle: { event in
            switch event {
            case .key(let key): return perform(update(&state, with: .key(key)))
            case .resized(let size): return perform(update(&state, with: .resized(size)))
            case .resumed: return true
            case .mouse(let event): return perform(update(&state, with: .mouse(event)))
            case .signal(let number):
              // Ctrl-C behaves like q. Other signals end the session: every edit is already in
              // the journal, which the next start offers to recover.
              if number == SIGINT { return perform(update(&state, with: .interrupt)) }
              exitSignal = number
              if session.hasUnsavedEdits {
                exitNote = l.pick(
                  "Sesión terminada (señal \(number)). Los cambios sin guardar están en \(session.journalPath); al abrir de nuevo se ofrecerá recuperarlos.",
                  "Session ended (signal \(number)). Unsaved changes are in \(session.journalPath); the next start offers to recover them.")
              }
              return false
            }
          },
          idle: {
            // A forecast recomputed while idle shows at once (the total row), not at the next key.
            if historyPending {
              historyPending = false
              _ = update(&state, with: .historyLoaded((try? History.read(historyPath).records) ?? []))
            }
            let forecastWasStale = state.portfolioForecastIsStale
            _ = update(&state, with: .idle)
            let polled = pollOthersSaves()
            return polled || (forecastWasStale && !state.portfolioForecastIsStale && state.view == .dashboard)
          })
      }
    } catch let error as TerminalError {
      Environment.printError(error.description)
      throw Exit.ioError
    }
    if discardOnExit { session.close(discardingUnsaved: true) }
    if let exitNote { Environment.printError(exitNote) }
    // Ended by SIGTERM/SIGHUP: 128 + signal, as a shell reports it, so scripts can tell.
    if let exitSignal { throw ExitCode(128 + exitSignal) }
  }

  /// The question about a pending journal, when there is one.
  static func recoveryPrompt(_ session: PortfolioSession, _ l: Language) -> RecoveryPrompt? {
    guard let recovery = session.recovery else { return nil }
    let entries = (try? session.recoveryContents().records.map { describe($0.entry, l, before: session.baseline) }) ?? []
    return RecoveryPrompt(summary: recovery.describe(l), entries: entries)
  }

  /// One journal entry as a line of the "show" list, in the user's words (never an edit's
  /// internal name such as "rename (+2)").
  static func describe(_ entry: JournalEntry, _ l: Language, before portfolio: Portfolio) -> String {
    switch entry {
    case .undo: return l.pick("deshacer el cambio anterior", "undo the previous change")
    case .redo: return l.pick("rehacer", "redo")
    case .edit(let edit): return EditDescription(l, before: portfolio).describe(edit)
    }
  }
}
