import Testing
import TableroJSON

@testable import TableroCore

/// `report --format json` is written row by row (issue 13: memory at 100k); the bytes must be
/// those of the tree the report was built from before.
@Suite struct StreamedReportTests {
  @Test(arguments: [false, true])
  func streamedJSONReportEqualsTheTree(_ detail: Bool) throws {
    let p = try EmbeddedPortfolios.load(.demo).portfolio
    let status = StatusEngine().evaluate(p)
    let dashboard = Dashboard(p, status: status, detail: detail)
    for language in [Language.es, .en] {
      let f = ReportFormatter(language: language)
      let tree = JSONWriter.write(.object(f.jsonRoot(p, status: status, rows: dashboard.rows)))
      #expect(f.render(p, status: status, dashboard: dashboard, as: .json) == tree)
    }
  }
}

/// `report` hands its output over in pieces (issue 13: `report --detail` at 100k held the whole
/// text, then a copy); the pieces put together are the report, and each can be made safe for a
/// terminal on its own.
@Suite struct ReportPiecesTests {
  /// The demo with 3 000 more initiatives whose names hold escape sequences and CR LF.
  static func large() throws -> Portfolio {
    var p = try EmbeddedPortfolios.load(.demo).portfolio
    let model = p.initiatives[0]
    for i in 0..<3000 {
      var copy = model
      copy.id = "X-\(i)"
      copy.name = i % 7 == 0 ? "Título \u{1B}]0;evil\u{7} fila \(i)\r\nsegunda" : "Iniciativa número \(i) — ñandú"
      copy.actualProgress = Double(i % 101)
      p.initiatives.append(copy)
    }
    return p
  }

  @Test(arguments: [ReportFormat.text, .json, .markdown, .csv])
  func piecesMakeTheReport(_ format: ReportFormat) throws {
    let p = try Self.large()
    let status = StatusEngine().evaluate(p)
    let dashboard = Dashboard(p, status: status, detail: true)
    for useColor in format == .text ? [false, true] : [false] {
      let f = ReportFormatter(language: .es, useColor: useColor)
      var pieces: [String] = []
      f.write(p, status: status, dashboard: dashboard, as: format, comparison: nil) { pieces.append($0) }
      let whole = f.render(p, status: status, dashboard: dashboard, as: format, comparison: nil)
      #expect(pieces.joined() == whole)
      #expect(TerminalText.sanitized(whole) == pieces.map { TerminalText.sanitized($0) }.joined())
      #expect(
        TerminalText.sanitized(whole, keeping: ["\n", "\r", "\t"])
          == pieces.map { TerminalText.sanitized($0, keeping: ["\n", "\r", "\t"]) }.joined())
      switch format {
      case .text:
        #expect(pieces.count > dashboard.rows.count, "one piece per line")
        #expect(pieces.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().firstIndex(of: "\n") == nil })
      case .json:
        #expect(pieces.count > 3, "the JSON goes out in several pieces")
        #expect(pieces.allSatisfy { $0.utf8.count < (1 << 16) + 4096 })
        let tree = JSONWriter.write(.object(f.jsonRoot(p, status: status, rows: dashboard.rows)))
        #expect(pieces.joined() == tree)
      default:
        #expect(pieces.count == 1)
      }
    }
  }
}
