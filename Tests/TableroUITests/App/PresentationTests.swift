import Testing
import TableroCore
@testable import TableroUI

@Suite struct PresentationTests {
  @Test func showsOneImperativeWorstFirstWithDateAndLegend() throws {
    var app = try AppHarness(.demo)
    app.press(.character("P"))
    #expect(app.state.isPresenting)
    #expect(app.lines[0].contains("PRESENTACIÓN · Imperativo 1 de 4"))
    #expect(app.lines[1].contains("Fecha del reporte 30/06/2013"))
    #expect(app.lines[2].contains("✗ Desv. mayor al 30%"))
    #expect(app.lines[4] == " REDUCCIÓN DE TIEMPOS DE ESPERA")
    // Red first, then yellow; green last.
    let rows = app.lines.enumerated().filter { $0.offset >= 7 && $0.offset < 22 && ($0.element.hasPrefix(" ✗") || $0.element.hasPrefix(" ▲") || $0.element.hasPrefix(" ✓") || $0.element.hasPrefix(" ○")) }.map(\.element)
    #expect(rows.first?.hasPrefix(" ✗ PMSRS") == true)
    #expect(rows.last?.hasPrefix(" ✓") == true)
    #expect(app.lines.allSatisfy { $0.displayWidth <= 80 })
  }

  @Test func arrowsMoveBetweenImperativesAndEditsNeedUnlocking() throws {
    var app = try AppHarness(.demo)
    app.press(.character("P"), .right)
    #expect(app.lines[0].contains("Imperativo 2 de 4"))
    app.press(.right, .right)
    #expect(app.text.contains("IGUALDAD DE OPORTUNIDADES"))
    #expect(app.text.contains("sin componentes"))
    app.press(.right)
    #expect(app.lines[0].contains("Imperativo 1 de 4"))
    app.press(.escape)
    app.press(.character("/"))
    app.type("ACMI-04")
    app.press(.enter, .character("e"))
    #expect(app.state.modal == nil)
    #expect(app.text.contains("Solo lectura"))
    app.press(.character("P"), .character("L"), .escape)
    app.press(.character("e"))
    #expect(app.state.modal != nil)
  }

  @Test func looksRightOnALargeProjector() throws {
    var app = try AppHarness(.demo, size: Size(width: 160, height: 50))
    app.press(.character("P"))
    #expect(app.lines[2].contains("Desviación mayor al 30%"))
    // Double spacing on a tall screen: the state word under each row.
    #expect(app.text.contains("    Desviación mayor al 30%"))
  }
}
