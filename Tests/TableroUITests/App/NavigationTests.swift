import Testing
import TableroCore
@testable import TableroUI

@Suite struct NavigationTests {
  @Test func searchIsAccentInsensitiveAndRepeats() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"), .character("/"))
    app.type("atencion")
    app.press(.enter)
    let first = try #require(app.state.selectedItem)
    #expect(first.id == "RTE" || first.id.hasPrefix("CA") || first.id == "CAM")
    app.press(.character("n"))
    #expect(app.state.selectedItem?.id != first.id)
  }

  @Test func searchWithNoMatchSaysSo() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("zzzz")
    #expect(app.text.contains("Sin coincidencias para «zzzz»"))
  }

  @Test func treeExpandsAndShowsDetail() throws {
    var app = try AppHarness(.demo)
    app.press(.character("2"))
    #expect(app.lines[3].contains("Imperativo › Componente › Iniciativa"))
    app.press(.down, .right)  // expand ECE under RTE
    app.press(.down)
    #expect(app.state.selectedItem?.id == "ECE-01")
    #expect(app.text.contains("Por qué: esperado"))
    #expect(app.text.contains("Hitos:"))
    app.press(.left)
    #expect(app.state.selectedItem?.id == "ECE")
  }

  @Test func timelineShowsCuadro8Axis() throws {
    var app = try AppHarness(.seed)
    app.press(.character("3"))
    #expect(app.lines[3].contains("▏2011 ▏2012 "), "one uniform block per year")
    #expect(app.lines[4].contains("░░ Formulación") && app.lines[4].contains("▒▒ Implementación"))
    let ece = try #require(app.line(containing: "ECE Expediente"))
    #expect(ece.contains("░") && ece.contains("▒") && ece.contains("▓"))
    app.press(.character("z"))
    #expect(app.lines[3].contains("T4 2011"))
    app.press(.enter)
    #expect(app.line(containing: "ECE-01") != nil)
  }

  @Test func helpListsKeysAndFile() throws {
    var app = try AppHarness(.demo)
    app.press(.character("?"))
    #expect(app.text.contains("Teclas"))
    #expect(app.text.contains("subir"))
    for _ in 0..<4 where !app.text.contains("avance real (con nota)") { app.press(.pageDown) }
    #expect(app.text.contains("avance real (con nota)"))
    app.press(.escape)
    #expect(app.state.view == .dashboard)
  }

  @Test func tinyTerminalShowsNoticeAndRecovers() throws {
    var app = try AppHarness(.demo)
    app.resize(39, 11)
    #expect(app.text.contains("Terminal demasiado pequeña"))
    #expect(app.text.contains("39×11") && app.text.contains("se necesita 40×12"))
    app.resize(80, 24)
    #expect(app.lines[1].contains("Fecha del reporte"))
  }

  @Test(arguments: [(0, 0), (1, 1), (79, 23), (80, 24), (200, 60)])
  func renderingNeverTrapsAtAnySize(width: Int, height: Int) throws {
    var app = try AppHarness(.demo, size: Size(width: width, height: height))
    for view in ["1", "2", "3", "4"] {
      app.press(.character(Character(view)))
      let screen = app.screen
      #expect(screen.size == Size(width: width, height: height))
    }
  }

  @Test func noColorMeansNoColourCells() throws {
    var app = try AppHarness(.demo, color: false)
    for view in ["1", "2", "3"] {
      app.press(.character(Character(view)))
      let screen = app.screen
      for y in 0..<24 {
        for x in 0..<80 {
          let style = screen[x: x, y: y].style
          #expect(style.foreground == .default && style.background == .default)
        }
      }
    }
    // Status still reads: glyph and bold for red.
    app.press(.character("1"))
    #expect(app.line(containing: "PMSRS")?.hasPrefix("✗") == true)
  }

  @Test func colourMarksRedItems() throws {
    let app = try AppHarness(.demo)
    let screen = app.screen
    let y = try #require(app.lines.firstIndex { $0.contains("PMSRS Plan") })
    #expect(screen[x: 0, y: y].style.foreground == .red)
  }
}
