import TableroJSON

/// Merges two history files (`<file>.historial.jsonl`, one change per line, JSON with an
/// `"at"` timestamp): every distinct line once (by full line identity), ordered by `at`.
/// The order is stable: lines with the same time keep their file order, mine's first; a line
/// without a readable `at` stays after the line that precedes it in its file.
public enum HistoryMerge {
  public struct Outcome: Equatable, Sendable {
    /// The merged file, each line ending in a newline.
    public var text: String
    /// Lines taken from theirs that mine did not have.
    public var added: Int
  }

  public static func merge(mine: String, theirs: String) -> Outcome {
    let mineLines = lines(mine)
    let theirsLines = lines(theirs)
    var seen = Set<Substring>()
    var rows: [(key: String, order: Int, line: Substring)] = []
    var added = 0
    for (source, list) in [(0, mineLines), (1, theirsLines)] {
      var key = ""
      for line in list {
        if let at = timestamp(of: line) { key = at }
        guard seen.insert(line).inserted else { continue }
        if source == 1 { added += 1 }
        rows.append((key, rows.count, line))
      }
    }
    rows.sort { $0.key != $1.key ? $0.key < $1.key : $0.order < $1.order }
    return Outcome(text: rows.map { $0.line + "\n" }.joined(), added: added)
  }

  /// Merges the history beside `theirsData` into the one beside `outputData` (starting from the
  /// one beside `mineData`). Nil when there is no history beside theirs and none to carry over;
  /// otherwise the number of lines added. The file is written atomically, only if it changes.
  @discardableResult
  public static func mergeFiles(mineData: String, theirsData: String, outputData: String) throws(StoreError) -> Int? {
    let minePath = historyPath(for: mineData)
    let theirsPath = historyPath(for: theirsData)
    let outputPath = historyPath(for: outputData)
    let mineText = PortfolioStore.exists(minePath) ? String(decoding: try TextFile.read(minePath), as: UTF8.self) : nil
    let theirsText =
      PortfolioStore.exists(theirsPath) ? String(decoding: try TextFile.read(theirsPath), as: UTF8.self) : nil
    guard theirsText != nil || (mineText != nil && outputPath != minePath) else { return nil }
    let outcome = merge(mine: mineText ?? "", theirs: theirsText ?? "")
    let current = PortfolioStore.exists(outputPath) ? String(decoding: try TextFile.read(outputPath), as: UTF8.self) : nil
    if current != outcome.text { try TextFile.write(Array(outcome.text.utf8), to: outputPath) }
    return outcome.added
  }

  /// `<file>.historial.jsonl`, the history beside a portfolio file.
  public static func historyPath(for dataPath: String) -> String { dataPath + ".historial.jsonl" }

  static func lines(_ text: String) -> [Substring] {
    // "\r\n" is one Character in Swift: split on both.
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
  }

  static func timestamp(of line: Substring) -> String? {
    guard let value = try? JSON.parse(Array(line.utf8)) else { return nil }
    return value["at"]?.stringValue
  }
}
