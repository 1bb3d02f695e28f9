#if canImport(Glibc)
  import Glibc
#endif
import TableroCore

/// What several sessions on one file cost (issue 11): the poll a TUI makes twice a second when
/// nothing changed (a stat on a settled file), taking in another session's save of one field
/// while this one has an unsaved edit (read, decode, merge, journal rebase), and a save that
/// merges another session's newer save (read, decode, merge, validate, write).
enum ConcurrentPhase {
  static func run(size: Int, directory: String) -> [(String, String)] {
    let source = Phases.path(directory: directory, size: size)
    let file = "\(directory)/concurrent-\(size).json"
    func cleanUp() {
      for suffix in ["", ".bak", ".bak.1", ".bak.2", ".historial.jsonl", ".diario.jsonl", ".diario-2.jsonl", ".revisiones.jsonl"] {
        unlink(file + suffix)
      }
    }
    cleanUp()
    defer { cleanUp() }
    do {
      try PortfolioStore.save(try PortfolioStore.load(from: source).portfolio, to: file, backups: 0)
      usleep(2_100_000)  // a settled ctime, as a file last written a while ago
      let mine = try PortfolioSession.open(path: file, user: "ana", host: "bench", interactive: true)
      let other = try PortfolioSession.open(path: file, user: "mlopez", host: "bench", interactive: true)
      mine.historyGrace = .zero
      defer {
        mine.close()
        other.close()
      }
      var shown = mine.baseline
      let (_, _, idleCPU) = Measure.timeBoth { (try? mine.pollOutsideSave(showing: shown)) ?? nil }
      let ids = shown.initiatives.map(\.id)
      let day = shown.reportDate
      func set(_ s: PortfolioSession, _ p: inout Portfolio, _ id: String, _ v: Double) throws {
        let edit = Edit.setProgress(id: id, value: v, note: nil, day: day)
        try p.apply(edit)
        try s.record(.edit(edit))
      }
      try set(mine, &shown, ids[ids.count / 2], 41)
      var theirs = other.baseline
      try set(other, &theirs, ids[ids.count / 3], 42)
      _ = try other.saveMerging(theirs)
      let (incoming, incomingMS, _) = try Measure.timeBoth { try mine.pollOutsideSave(showing: shown) }
      if let incoming { shown = incoming.portfolio }
      try set(other, &theirs, ids[ids.count / 4], 43)
      _ = try other.saveMerging(theirs)
      let (_, mergedSaveMS, _) = try Measure.timeBoth { try mine.saveMerging(shown) }
      return [
        ("poll_idle_cpu_ms", Phases.fmt(idleCPU)), ("poll_incoming_ms", Phases.fmt(incomingMS)),
        ("merged_save_ms", Phases.fmt(mergedSaveMS)),
      ]
    } catch { fatalError("\(error)") }
  }
}
