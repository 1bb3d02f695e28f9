import Testing
import TableroCore
@testable import TableroUI

@Suite struct DashboardScreenTests {
  @Test func seedShowsCuadro9AtEightyByTwentyFour() throws {
    let app = try AppHarness(.seed)
    let lines = app.lines
    #expect(lines.count == 24)
    #expect(lines[0].contains("1 Tablero") && lines[0].contains("4 Ayuda"))
    #expect(lines[1].contains("Fecha del reporte 01/09/2011 · Desviación aceptable -30.0%"))
    #expect(lines[2].contains("✓ Conforme") && lines[2].contains("✗ Desv. mayor al 30%"))
    #expect(app.line(containing: "Reducción de Tiempos de Espera") != nil)
    let ece = try #require(app.line(containing: "ECE Expediente"))
    #expect(ece.hasPrefix("○ ECE Expediente"))
    #expect(ece.contains("01/10/2011 31/12/2016    0.0%    0.0%  33.3%       –"))
    #expect(app.line(containing: "Subtotal Reducción")?.contains("01/10/2011 31/12/2030") == true)
    #expect(lines.allSatisfy { $0.displayWidth <= 80 })
  }

  @Test func wideScreenAddsTheStatusWord() throws {
    let app = try AppHarness(.demo, size: Size(width: 140, height: 40))
    #expect(app.line(containing: "PMSRS Plan Maestro Sectorial")?.contains("Desviación mayor al 30%") == true)
    #expect(app.lines[2].contains("Desviación de hasta 30%"))
  }

  @Test func filterCyclesToRedOnly() throws {
    var app = try AppHarness(.demo)
    app.press(.character("f"))
    #expect(app.lines[2].contains("Filtro: rojos"))
    // Rows drawn normally (above the portfolio total on row 20) are red; the others are dimmed context (parents of red initiatives).
    let screen = app.screen
    let body = (4..<20).filter { !app.lines[$0].isEmpty && !screen[x: 0, y: $0].style.dim }.map { app.lines[$0] }
    let statusRows = body.filter { $0.hasPrefix("✓") || $0.hasPrefix("▲") || $0.hasPrefix("✗") || $0.hasPrefix("○") }
    #expect(!statusRows.isEmpty)
    #expect(statusRows.allSatisfy { $0.hasPrefix("✗") }, "\(statusRows)")
    app.press(.character("F"))
    #expect(!app.lines[2].contains("Filtro"))
  }

  @Test func enterOnComponentListsItsInitiativesAndEscReturns() throws {
    var app = try AppHarness(.demo)
    // Row 0 is the imperative title; row 1 is ECE.
    app.press(.down, .enter)
    #expect(app.lines[3].contains("← ECE Expediente"))
    #expect(app.line(containing: "ECE-01") != nil)
    app.press(.escape)
    #expect(app.lines[3].contains("Elemento"))
    #expect(app.state.dashboardCursor.selected == 1)
  }

  @Test func whyLineExplainsTheSelectedStatus() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("PMSRS")
    app.press(.enter)
    #expect(app.lines[21].hasPrefix("PMSRS · esperado 61.0%, real 24.4%, desviación -60.0% — Desviación mayor al 30%"))
  }

  @Test func englishIsAvailable() throws {
    let app = try AppHarness(.seed, language: .en)
    #expect(app.lines[1].contains("Report date 01/09/2011 · Acceptable deviation -30.0%"))
    #expect(app.lines[0].contains("1 Dashboard"))
  }
}
