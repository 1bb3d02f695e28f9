import Testing
import TableroCore
@testable import TableroUI

/// The fast paths of the performance work give the same results as the plain ones.
@Suite struct PerformancePathTests {
  /// The folding the search index used before it worked on bytes: scalar by scalar.
  static func referenceFold(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    for scalar in text.unicodeScalars { SearchIndex.fold(scalar, into: &out) }
    return out
  }

  @Test func foldOnBytesMatchesFoldOnScalars() {
    let samples = [
      "", "ACMI-04 Atención Médica", "ÁÉÍÓÚ áéíóú ÀÈÌÒÙ àèìòù ÄËÏÖÜ äëïöü ÂÊÎÔÛ âêîôû Ññ",
      "Ç ç Ã ã Õ õ Å å Æ æ Ø ø ß × ÷ Ý ý ÿ Þ þ Ð ð", "Atencio\u{0301}n descompuesta", "İstanbul Σίσυφος 東京 🙂",
      "Querétaro, Yucatán y Michoacán", "\u{00C0}\u{00FF}",
    ]
    for text in samples {
      #expect(SearchIndex.fold(text) == Self.referenceFold(text), "\(text)")
    }
    for value in 0xC0...0xFF {
      let text = String(Unicode.Scalar(UInt32(value))!)
      #expect(SearchIndex.fold(text) == Self.referenceFold(text), "\(text)")
    }
  }

  @Test func searchFindsInTreeOrderAndWraps() throws {
    let loaded = try EmbeddedPortfolios.load(.demo)
    let index = SearchIndex(loaded.portfolio)
    let p = loaded.portfolio
    var texts: [[UInt8]] = []
    for x in p.imperatives { texts.append(Self.referenceFold("\(x.id) \(x.name)")) }
    for x in p.components { texts.append(Self.referenceFold("\(x.id) \(x.name)")) }
    for x in p.initiatives { texts.append(Self.referenceFold("\(x.id) \(x.name)")) }
    #expect(index.count == texts.count)
    func reference(_ query: String, _ start: Int, _ backwards: Bool) -> Int? {
      let needle = SearchIndex.fold(query)
      let n = texts.count
      for step in 0..<n {
        let k = backwards ? ((start - step) % n + n) % n : (start + step) % n
        if SearchIndex.contains(texts[k], needle) { return k }
      }
      return nil
    }
    for query in ["a", "atencion", "ACMI", "zzz", "-0", "medic", " de "] {
      for start in stride(from: 0, to: texts.count, by: 7) {
        for backwards in [false, true] {
          let found = index.find(query, from: start, backwards: backwards).flatMap { index.order(of: $0) }
          #expect(found == reference(query, start, backwards), "\(query) from \(start) backwards \(backwards)")
        }
      }
    }
  }

  @Test func treeAndTimelineRowsSkipNoVisibleRow() throws {
    // Expanding and collapsing everything gives the rows a full scan would.
    var app = try AppHarness(.demo)
    app.press(.character("2"))
    for _ in 0..<60 {
      app.press(.enter)
      app.press(.down)
    }
    let rows = app.state.treeRows
    #expect(rows.contains { $0.kind == .initiative })
    for row in rows where row.kind == .component {
      let c = try #require(app.state.componentIndex[row.id])
      #expect(row.hasChildren == !app.state.status.initiativesByComponent[c].isEmpty)
      if row.isExpanded {
        let listed = rows.filter { $0.kind == .initiative && $0.path.hasPrefix(row.path + "/") }.map(\.index)
        #expect(listed == app.state.status.initiativesByComponent[c])
      }
    }
  }
}
