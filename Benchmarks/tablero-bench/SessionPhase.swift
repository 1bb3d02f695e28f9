#if canImport(Glibc)
  import Glibc
#endif
import TableroCore
import TableroJSON

/// What a user waits for when editing a file: opening it as the TUI and the CLI do
/// (`PortfolioSession.open`: lock, read, hash, decode, validate, journal), then saving one
/// progress edit through the session (changed-on-disk check, encode, write + fsync + rename,
/// backup link, history diff and append), as `s` in the TUI and `tablero set-progress` do.
enum SessionPhase {
  static func run(size: Int, directory: String) -> [(String, String)] {
    let source = Phases.path(directory: directory, size: size)
    let file = "\(directory)/session-\(size).json"
    for suffix in ["", ".bak", ".bak.1", ".bak.2", ".historial.jsonl", ".diario.jsonl", ".revisiones.jsonl"] { unlink(file + suffix) }
    do {
      try PortfolioStore.save(try PortfolioStore.load(from: source).portfolio, to: file, backups: 0)
    } catch { fatalError("\(error)") }
    // A file last written a while ago, as users' files are: its ctime has settled (see
    // FileFingerprint.settledNanoseconds), so the changed-on-disk check needs only a stat.
    usleep(2_100_000)
    let (session, openMS, openCPU) = Measure.timeBoth {
      do { return try PortfolioSession.open(path: file, user: "bench", host: "bench") } catch { fatalError("\(error)") }
    }
    // The check a save starts with, on a settled file (a stat), and reading + hashing it.
    let (_, _, statCheck) = Measure.timeBoth { session.fingerprint.changed(at: file) }
    var portfolio = session.baseline
    let id = portfolio.initiatives[portfolio.initiatives.count / 2].id
    func editAndSave(_ value: Double) -> (Double, Double) {
      do {
        let edit = Edit.setProgress(id: id, value: value, note: "bench", day: portfolio.reportDate)
        try portfolio.apply(edit)
        try session.record(.edit(edit))
        let (_, ms, cpu) = try Measure.timeBoth { try session.save(portfolio) }
        return (ms, cpu)
      } catch { fatalError("\(error)") }
    }
    let firstSave = editAndSave(41)
    // Saved again at once: the file's ctime is our own save's, too recent to trust, so the
    // check reads and hashes the file.
    let resave = editAndSave(42)
    // The parts of a save, old way and new way (CPU ms): the JSON tree then the writer, against
    // writing from the model; hashing the file against a stat; the diff matching by id (forced
    // by reversing the order) against position by position.
    let saved = session.baseline
    let (_, _, treeEncode) = Measure.timeBoth { JSONWriter.bytes(PortfolioEncoder.encode(portfolio)).count }
    let (_, _, streamEncode) = Measure.timeBoth { PortfolioCodec.encode(portfolio).count }
    let (_, _, hashCheck) = Measure.timeBoth { (try? FileFingerprint.current(file))??.hash ?? 0 }
    var edited = portfolio
    _ = try? edited.apply(.setProgress(id: id, value: 43, note: nil, day: portfolio.reportDate))
    var reversed = edited
    reversed.initiatives.reverse()
    let (_, _, diffByID) = Measure.timeBoth { PortfolioDiff.changes(from: saved, to: reversed).count }
    let (_, _, diffInPlace) = Measure.timeBoth { PortfolioDiff.changes(from: saved, to: edited).count }
    // The revision part of a save (docs/MERGE.md): the patch back to the previous revision.
    let (_, _, revisionPatch) = Measure.timeBoth { RevisionPatch.undo(from: edited, to: saved) != .null }
    session.close()
    let concurrent = ConcurrentPhase.run(size: size, directory: directory)
    for suffix in ["", ".bak", ".bak.1", ".bak.2", ".historial.jsonl", ".diario.jsonl", ".revisiones.jsonl"] { unlink(file + suffix) }
    return [
      ("session_open_ms", Phases.fmt(openMS)), ("session_open_cpu_ms", Phases.fmt(openCPU)),
      ("session_save_ms", Phases.fmt(firstSave.0)), ("session_save_cpu_ms", Phases.fmt(firstSave.1)),
      ("session_resave_ms", Phases.fmt(resave.0)), ("session_resave_cpu_ms", Phases.fmt(resave.1)),
      ("tree_encode_cpu_ms", Phases.fmt(treeEncode)), ("stream_encode_cpu_ms", Phases.fmt(streamEncode)),
      ("hash_check_cpu_ms", Phases.fmt(hashCheck)), ("stat_check_cpu_ms", Phases.fmt(statCheck)),
      ("diff_by_id_cpu_ms", Phases.fmt(diffByID)), ("diff_in_place_cpu_ms", Phases.fmt(diffInPlace)),
      ("revision_patch_cpu_ms", Phases.fmt(revisionPatch)),
    ] + concurrent
  }
}
