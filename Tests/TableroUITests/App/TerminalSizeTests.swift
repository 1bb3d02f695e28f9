import Testing
import TableroCore
@testable import TableroUI

/// Below 80×24 the views drop columns and panes down to 40×12 instead of refusing; at 200×60
/// they use the width (issue 9).
@Suite struct TerminalSizeTests {
  @Test func narrowDashboardKeepsStatusIdAndDeviation() throws {
    let app = try AppHarness(.demo, size: Size(width: 40, height: 24))
    #expect(!app.text.contains("demasiado pequeña"), "\(app.text)")
    let row = try #require(app.line(containing: "PMSRS"), "\(app.text)")
    #expect(row.hasPrefix("✗ PMSRS"), "\(row)")
    #expect(row.hasSuffix("-60.0%"), "deviation column kept: \(row)")
    #expect(!row.contains("/20"), "dates dropped: \(row)")
    #expect(app.lines.allSatisfy { $0.displayWidth <= 40 })
    #expect(app.lines[20].contains("Total del"), "\(app.lines[20])")
  }

  @Test func sixtyColumnsDropTheDatesOnly() throws {
    let app = try AppHarness(.demo, size: Size(width: 60, height: 20))
    let row = try #require(app.line(containing: "PMSRS"), "\(app.text)")
    #expect(row.contains("33.3%") && row.hasSuffix("-60.0%") && !row.contains("/20"), "\(row)")
  }

  @Test func narrowTreeHasNoDetailPane() throws {
    var app = try AppHarness(.demo, size: Size(width: 50, height: 14))
    app.press(.character("2"))
    #expect(!app.text.contains("│"), "\(app.text)")
    #expect(app.text.contains("Reducción de Tiempos"), "\(app.text)")
  }

  @Test(arguments: [(40, 12), (45, 13), (59, 17), (79, 23)])
  func everyViewWorksDownToTheMinimum(width: Int, height: Int) throws {
    var app = try AppHarness(.demo, size: Size(width: width, height: height))
    for key in ["1", "2", "3", "4", "5"] {
      app.press(.character(Character(key)))
      #expect(!app.text.contains("demasiado pequeña"), "view \(key) at \(width)×\(height)")
      #expect(app.lines.allSatisfy { $0.displayWidth <= width })
      app.press(.down, .down, .pageDown, .end)
    }
    app.press(.character("1"), .character("d"))
    #expect(app.state.modal != nil)
    #expect(app.lines.allSatisfy { $0.displayWidth <= width })
  }

  @Test func wideTimelineShowsFullNames() throws {
    var app = try AppHarness(.demo, size: Size(width: 200, height: 60))
    app.press(.character("3"))
    #expect(app.text.contains("PMSRS Plan Maestro Sectorial de Recursos para la Salud"), "\(app.text)")
  }

  @Test func wideDashboardShowsFullNamesAndStatus() throws {
    let app = try AppHarness(.demo, size: Size(width: 200, height: 60))
    let row = try #require(app.line(containing: "PMSRS"))
    #expect(row.contains("Plan Maestro Sectorial de Recursos para la Salud") && row.contains("Desviación mayor al 30%"))
  }
}
