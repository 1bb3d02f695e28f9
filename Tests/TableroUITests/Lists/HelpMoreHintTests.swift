import Testing
import TableroCore
@testable import TableroUI

/// The help's "↓ AvPág/Fin: N líneas más" hint has the last row to itself: it used to be
/// written over a help row, hiding that row's text and miscounting what was left.
@Suite struct HelpMoreHintTests {
  @Test(arguments: [24, 30]) func theHintHidesNoHelpRowAndCountsWhatIsLeft(height: Int) throws {
    var app = try AppHarness(.demo, size: Size(width: 80, height: height))
    app.press(.character("4"))
    let rows = HelpView.rows(app.state, width: 80)
    let lines = app.lines
    let at = try #require(lines.firstIndex { $0.contains("líneas más") }, "\(app.text)")
    #expect(lines[at].trimmingCharacters(in: .whitespaces).hasPrefix("↓"), "nothing else on the hint's row: \(lines[at])")
    let count = lines[at].split(separator: " ").compactMap { Int($0) }.first
    let hidden = try #require(count)
    // The last help row shown is right above the hint, and the hint counts the ones after it.
    let lastShown = rows[rows.count - hidden - 1]
    let shownText = lastShown.text.isEmpty ? lastShown.key : String(lastShown.text.prefix(30))
    #expect(lines[at - 1].contains(shownText), "«\(shownText)» above the hint: \(lines[at - 1])")
    // One row down shows the next help row, no row is skipped.
    app.press(.down)
    let next = rows[rows.count - hidden]
    #expect(app.text.contains(next.text.isEmpty ? next.key : String(next.text.prefix(30))), "\(app.text)")
  }
}
