import TableroJSON
import Testing

@testable import TableroCore

/// The pure parts of `tablero sincronizar`: reading git's status, the lines it adds to
/// `.gitattributes`/`.gitignore`, the commit message and the history of settled conflicts.
@Suite("sync: git status, git files, commit message")
struct SyncPartsTests {
  @Test func porcelainStatusWithRenamesAndConflicts() {
    let output = Array(" M portafolio.json\0R  nuevo.md\0viejo.md\0UU notas.txt\0A  con espacio.txt\0".utf8)
    let entries = GitStatus.parse(output)
    #expect(entries.map(\.path) == ["portafolio.json", "nuevo.md", "notas.txt", "con espacio.txt"])
    #expect(entries[1].originalPath == "viejo.md")
    #expect(entries[2].isUnmerged && !entries[0].isUnmerged)
    #expect(entries[0].describe(.es) == "portafolio.json: modificado")
    #expect(entries[1].describe(.en) == "nuevo.md (was viejo.md): renamed")
    #expect(entries[2].describe(.es) == "notas.txt: en conflicto")
    #expect(entries[3].describe(.es) == "con espacio.txt: nuevo")
    #expect(GitStatus.parse(Array("garbage".utf8)).isEmpty)
  }

  @Test func attributeAndIgnorePatternsAreAnchoredAndEscaped() {
    let plain = SyncFiles(name: "portafolio.json")
    #expect(plain.attributeLines == ["/portafolio.json merge=tablero", "/portafolio.json.historial.jsonl merge=tablero-historial"])
    #expect(plain.ignoreLines.contains("/portafolio.json.bak*") && plain.ignoreLines.contains("/portafolio.json.lock"))
    let odd = SyncFiles(name: "mi [copia].json")
    #expect(odd.attributeLines[0] == "\"/mi \\\\[copia\\\\].json\" merge=tablero")
    #expect(odd.ignoreLines[0] == "/mi\\ \\[copia\\].json.lock")
  }

  @Test func addingLinesOnlyWhenMissing() {
    let lines = ["/a.json merge=tablero", "/a.json.historial.jsonl merge=tablero-historial"]
    #expect(SyncFiles.adding(lines, to: "", comment: "Tablero") == "# Tablero\n" + lines.joined(separator: "\n") + "\n")
    #expect(SyncFiles.adding(lines, to: "*.png binary", comment: "T") == "*.png binary\n\n# T\n" + lines.joined(separator: "\n") + "\n")
    #expect(SyncFiles.adding(lines, to: "x\n/a.json merge=tablero\n", comment: "T") == "x\n/a.json merge=tablero\n\n# T\n\(lines[1])\n")
    #expect(SyncFiles.adding(lines, to: lines.joined(separator: "\r\n"), comment: "T") == nil)
  }

  @Test func commitMessageListsOnlyNewLinesInWords() {
    let portfolio = TestPortfolios.single()
    let old = HistoryRecord(at: "2026-12-02T09:00:00Z", user: "ana@l1", id: "C1-01", field: "actualProgress", old: "0", new: "10")
    let new = HistoryRecord(
      at: "2026-12-02T09:41:00Z", user: "ana@l1", id: "C1-01", field: "actualProgress", old: "10", new: "55", note: "licitación")
    let date = HistoryRecord(at: "2026-12-02T09:42:00Z", user: "ana@l1", id: "", field: "reportDate", old: "2012-07-01", new: "2012-08-01")
    func text(_ records: [HistoryRecord]) -> String { records.map { String(decoding: JSONWriter.compactBytes($0.json), as: UTF8.self) + "\n" }.joined() }
    let records = SyncCommitMessage.newRecords(committed: text([old]), current: text([old, new, date]) + "{torn\n")
    #expect(records == [new, date])
    let message = SyncCommitMessage.make(records: records, fileName: "p.json", portfolio: portfolio, language: .es)
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Tablero: 2 cambios en p.json")
    #expect(lines[1] == "")
    #expect(lines[2].hasPrefix("- C1-01 «Iniciativa» · avance real: 10 → 55 — «licitación» (ana@l1, "))
    #expect(lines[3].hasPrefix("- (portafolio) · fecha del reporte: 2012-07-01 → 2012-08-01 (ana@l1, "))
    #expect(SyncCommitMessage.make(records: [], fileName: "p.json", portfolio: portfolio, language: .en) == "Tablero: p.json saved\n")
    let many = Array(repeating: new, count: SyncCommitMessage.listLimit + 3)
    #expect(SyncCommitMessage.make(records: many, fileName: "p.json", portfolio: portfolio, language: .es)
      .hasSuffix("… y 3 cambios más (tablero history)\n"))
  }

  /// A settled conflict gets a line with the kept value, seen from the side that lost it;
  /// fields changed on one side only get none (their own lines already say it).
  @Test func settledConflictsGetALineWithTheKeptValue() {
    let base = TestPortfolios.single(progress: 10)
    var mine = base
    mine.initiatives[0].actualProgress = 65
    mine.initiatives[0].name = "Mía"
    var theirs = base
    theirs.initiatives[0].actualProgress = 60
    var keptTheirs = mine
    keptTheirs.initiatives[0].actualProgress = 60
    let time = Timestamp(seconds: 1_800_000_000)
    let taken = ResolutionHistory.records(base: base, mine: mine, theirs: theirs, merged: keptTheirs, user: "beto@l2", at: time)
    #expect(taken.map { [$0.id, $0.field, $0.old, $0.new, $0.user] } == [["C1-01", "actualProgress", "65", "60", "beto@l2"]])
    let kept = ResolutionHistory.records(base: base, mine: mine, theirs: theirs, merged: mine, user: "beto@l2", at: time)
    #expect(kept.map { [$0.field, $0.old, $0.new] } == [["actualProgress", "60", "65"]])
    #expect(ResolutionHistory.records(base: base, mine: mine, theirs: base, merged: mine, user: "b", at: time).isEmpty)
  }
}
