import ArgumentParser
import TableroCore

/// The merge of another copy into the file in use, as `tablero merge` and `tablero campo
/// integrar` run it: find the base (given, or the newest shared revision), merge, settle
/// conflicts (`--take`, `--interactivo`), write through the session, merge the history.
struct MergeAction {
  let file: PortfolioFile
  let other: String
  /// `--base`: the common version as a file; nil finds it from the revisions.
  var basePath: String?
  var take: MergeSide?
  var output: String?
  var dryRun = false
  var interactive = false
  /// What to say when conflicts stop the merge; nil says how `tablero merge` resolves them.
  var resolveHint: [String]? = nil

  /// What happened, for a caller that tells it again in plain words.
  struct Outcome {
    var fromTheirs = 0
    var fromMine = 0
    var conflicts = 0
    var threeWay = false
    var written: String?
    var revision: Revision?
  }

  func run() throws -> Outcome {
    let l = file.language
    let mine = try file.load().portfolio
    let theirs = try MergeFiles.load(other, l)
    var basePortfolio = try basePath.map { try MergeFiles.load($0, l) }
    if basePath == nil {
      for line in findBase(mine: mine, theirs: theirs, into: &basePortfolio) { print(line) }
    }
    var result = PortfolioMerge.merge(base: basePortfolio, mine: mine, theirs: theirs)
    if let take { result.resolveAll(with: take) }
    var outcome = Outcome(threeWay: result.isThreeWay)

    // --interactivo: the conflicts are settled in the terminal first; the report is printed
    // after the terminal is restored, with the choices made.
    var resolvedInTerminal = false
    if interactive, !result.isClean {
      let runner = MergeTUIRunner(language: l, mineName: file.path, theirsName: other)
      switch try runner.run(result) {
      case .apply(let resolved):
        result = resolved
        resolvedInTerminal = true
      case .cancel:
        Environment.printError(
          l.pick(
            "Fusión cancelada: no se escribió nada (\(result.conflicts.count) conflictos sin resolver).",
            "Merge cancelled: nothing was written (\(result.conflicts.count) conflicts not resolved)."))
        throw Exit.dataError
      }
    }
    outcome.fromTheirs = result.summary.fromTheirs.count
    outcome.fromMine = result.summary.fromMine.count
    outcome.conflicts = result.conflicts.count

    let report = MergeReport(language: l, mineName: file.path, theirsName: other)
    for line in report.summaryLines(result) + report.conflictLines(result) { print(line) }

    if !result.isClean, take == nil, !resolvedInTerminal {
      for line in resolveHint ?? report.howToResolve() { Environment.printError(line) }
      throw Exit.dataError
    }
    var merged: Portfolio
    do {
      merged = try result.validated()
    } catch {
      Environment.printError(error.describe(l))
      throw Exit.dataError
    }
    if dryRun {
      print(l.pick("Simulación (--dry-run): no se escribió nada.", "Dry run (--dry-run): nothing was written."))
      return outcome
    }
    // The result descends from both copies: the next merge of either finds its base here.
    merged.lineage.mergedFrom = theirs.lineage.chain
    let target = output ?? file.path
    if target == file.path, merged == mine {
      print(l.pick("\(file.path) ya contiene todo: no hay nada que escribir.", "\(file.path) already has everything: nothing to write."))
      return outcome
    } else if target == file.path {
      // Through the session: the lock, a check that nobody saved meanwhile, a backup, and
      // the merged-in changes recorded in the history as this user's merge.
      let session = try file.openForWriting()
      defer { session.close() }
      guard session.baseline == mine else {
        Environment.printError(
          l.pick(
            "\(file.path) cambió mientras se fusionaba; no se escribió nada. Vuelva a ejecutar tablero merge.",
            "\(file.path) changed during the merge; nothing was written. Run tablero merge again."))
        throw Exit.ioError
      }
      let saved = try file.save(merged, in: session, notes: [:], mergedWith: theirs)
      outcome.revision = saved.revision
      print(l.pick("Escrito: \(target)", "Written: \(target)"))
    } else {
      let stamped = RevisionStamp.stamp(merged, over: mine.lineage, user: file.identity.userAtHost, at: .now)
      do {
        try PortfolioStore.save(stamped, to: target)
      } catch {
        throw MergeFiles.fail(error, l)
      }
      outcome.revision = stamped.lineage.revision
      print(l.pick("Escrito: \(target)", "Written: \(target)"))
    }
    outcome.written = target
    do {
      if let added = try HistoryMerge.mergeFiles(mineData: file.path, theirsData: other, outputData: target) {
        print(
          l.pick(
            "Historial: \(added) entradas nuevas en \(HistoryMerge.historyPath(for: target))",
            "History: \(added) new entries in \(HistoryMerge.historyPath(for: target))"))
      }
    } catch {
      // The portfolio is written; a history that could not be merged is reported, not fatal.
      Environment.printError(error.describe(l))
    }
    recordSettledFields(base: basePortfolio, mine: mine, theirs: theirs, merged: merged, target: target)
    return outcome
  }

  /// After a conflict the losing side's history line can be the field's latest (charts and
  /// minutes would read its value): one more line, written now, says the value kept
  /// (ResolutionHistory, as `sincronizar` does). The session's save already logged what
  /// changed from mine, so only the fields where mine's value was kept are added here.
  private func recordSettledFields(base: Portfolio?, mine: Portfolio, theirs: Portfolio, merged: Portfolio, target: String) {
    var settled = ResolutionHistory.records(
      base: base, mine: mine, theirs: theirs, merged: merged, user: file.identity.userAtHost, at: .now)
    if target == file.path {
      let logged = Set(PortfolioDiff.changes(from: mine, to: merged).map { $0.itemID + "\u{1F}" + $0.field })
      settled.removeAll { logged.contains($0.id + "\u{1F}" + $0.field) }
    }
    guard !settled.isEmpty else { return }
    do { try History.append(settled, to: History.path(for: target)) } catch {
      Environment.printError(error.describe(file.language))
    }
  }

  /// The newest revision both copies descend from, as the base; or why there is none (then
  /// the merge goes two ways). The lines say which.
  private func findBase(mine: Portfolio, theirs: Portfolio, into base: inout Portfolio?) -> [String] {
    let l = file.language
    let found = MergeBase.find(mine: MergeFiles.copy(file.path, mine), theirs: MergeFiles.copy(other, theirs))
    switch found {
    case .success(let f):
      base = f.base
      return [f.describe(l, mineName: file.path, theirsName: other)]
    case .failure(let missing):
      return missing.describe(l, mineName: file.path, theirsName: other)
    }
  }
}

extension MergeFiles {
  /// A copy as `MergeBase` reads it: the loaded portfolio, the file's bytes and its revision log.
  static func copy(_ path: String, _ portfolio: Portfolio) -> MergeBase.Copy {
    MergeBase.Copy(portfolio: portfolio, bytes: (try? TextFile.read(path)) ?? [], log: RevisionLog.read(dataPath: path))
  }
}
