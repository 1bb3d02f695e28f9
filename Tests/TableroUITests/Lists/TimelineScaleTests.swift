import Testing
import TableroCore
@testable import TableroUI

/// The timeline's axis gives every column the same span of time, and a bar's fill is its
/// progress: 20% fills a fifth of it, 100% all of it.
@Suite struct TimelineScaleTests {
  @Test func everyYearBlockHasTheSameWidthAndSpan() throws {
    var app = try AppHarness(.demo)
    app.press(.character("3"))
    let axis = app.state.timelineAxis
    #expect(axis.blocks.count > 2)
    #expect(axis.blocks.allSatisfy { $0.width == 6 }, "\(axis.blocks.map { "\($0.label)=\($0.width)" })")
    #expect(axis.blocks.allSatisfy { $0.start.components.month == 1 && $0.start.components.day == 1 && $0.end.components.year == $0.start.components.year + 1 })
    // On screen the year marks are six columns apart.
    let header = Array(app.lines[3])
    let marks = header.indices.filter { header[$0] == "▏" }
    #expect(marks.count > 3)
    #expect(zip(marks, marks.dropFirst()).allSatisfy { $1 - $0 == 6 }, "\(app.lines[3])")
  }

  /// The bar of ACMI-04 in its row: (solid, line) cell counts.
  static func bar(_ app: AppHarness) throws -> (filled: Int, rest: Int) {
    let line = try #require(app.lines.first { $0.contains("ACMI-04") })
    let bar = line.dropFirst(TimelineLayout.labelWidth(80))
    return (bar.filter { $0 == "█" }.count, bar.filter { $0 == "━" }.count)
  }

  @Test func fillIsProportionalToProgress() throws {
    var app = try AppHarness(.demo)
    app.press(.character("3"), .character("/"))
    app.type("acmi-04")
    app.press(.enter)
    #expect(app.selectedID == "ACMI-04")
    app.press(.character("e"), .control("u"))
    app.type("20")
    app.press(.enter)
    let twenty = try Self.bar(app)
    let total = twenty.filled + twenty.rest
    #expect(total >= 5, "the bar is on screen: \(twenty)")
    #expect(twenty.filled == Int((Double(total) * 0.2).rounded()), "\(twenty)")
    app.press(.character("e"), .control("u"))
    app.type("100")
    app.press(.enter)
    let full = try Self.bar(app)
    #expect(full.rest == 0 && full.filled == total, "\(full)")
  }
}
