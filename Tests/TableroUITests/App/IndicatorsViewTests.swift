import Testing
import TableroCore
@testable import TableroUI

@Suite struct IndicatorsViewTests {
  static func app(width: Int = 120, height: Int = 30) throws -> AppHarness {
    var app = try AppHarness(.demo, size: Size(width: width, height: height))
    app.state.config.userName = "ana"
    return app
  }

  @Test func theViewListsIndicatorsPerImperativeWithStatusAndChart() throws {
    var app = try Self.app()
    app.press(.character("6"))
    let text = app.text
    #expect(text.contains("Indicadores · fecha del reporte 30/06/2013"), "\(text)")
    #expect(text.contains("RTE Reducción de Tiempos de Espera · ✗ 1 en rojo"), "\(text)")
    let row = try #require(app.lines.first { $0.contains("1.1 Días de espera") })
    #expect(row.hasPrefix("✗ "))
    #expect(row.contains("días") && row.contains("45") && row.contains("25") && row.contains("42"))
    #expect(row.contains("Desviación mayor al 30%"))
    // The series: six measurements as blocks.
    #expect(row.contains(where: { IndicatorSparkline.blocks.contains($0) }), "\(row)")
    let unmeasured = try #require(app.lines.first { $0.contains("3.2 Unidades médicas") })
    #expect(unmeasured.contains("N.D.") && unmeasured.contains("Sin medición"), "\(unmeasured)")
  }

  @Test func enterShowsTheWholeRecordAndTheChart() throws {
    var app = try Self.app(height: 50)
    app.press(.character("6"), .enter)
    let text = app.text
    #expect(text.contains("Sentido: descendente · periodicidad: trimestral"), "\(text)")
    #expect(text.contains("Meta intermedia: 2013: 38"), "\(text)")
    #expect(text.contains("· trayectoria a la meta   ● medición"), "\(text)")
    #expect(text.contains("30/06/2013  42 — Repunte"), "\(text)")
  }

  @Test func eRecordsAValidatedMeasurementAndTheStatusFollows() throws {
    var app = try Self.app()
    app.press(.character("6"), .character("e"))
    #expect(app.text.contains("Medición de 1.1"))
    app.press(.tab)
    app.type("cuarenta")
    app.press(.tab)
    app.type("Nuevo quirófano")
    app.press(.enter)
    // Refused: the form stays open and says why.
    #expect(app.text.contains("no es un número ni un motivo de ausencia"), "\(app.text)")
    #expect(app.state.portfolio.indicators[0].measurements.count == 6)
    app.press(.backTab, .control("u"))
    app.type("39,5")
    app.press(.tab, .enter)
    let last = try #require(app.state.portfolio.indicators[0].measurements.last)
    #expect(last.value == 39.5 && last.note == "Nuevo quirófano" && last.by == "ana" && last.day.iso == "2013-06-30")
    #expect(app.state.indicatorStatus[0].state == .level(.onTrack))
    #expect(app.state.redIndicators["RTE"] == nil)
    #expect(app.journal.contains { if case .edit(.recordMeasurement(indicator: "1.1", _)) = $0 { return true } else { return false } })
    // Undo brings the red status back.
    app.press(.character("u"))
    #expect(app.state.indicatorStatus[0].isRed)
  }

  @Test func theFilterShowsOnlyRedOnes() throws {
    var app = try Self.app()
    app.press(.character("6"), .character("f"))
    #expect(app.state.indicatorRows.map { app.state.portfolio.indicators[$0].id } == ["1.1"])
    app.press(.character("F"))
    #expect(app.state.indicatorRows.count == 6)
  }

  /// `]`/`[` in view 6 walk the red indicators, then the yellow ones, worst first, from the
  /// selected one, and wrap; the view stays on the indicators.
  @Test func bracketsJumpToRedThenYellowIndicators() throws {
    var app = try Self.app()
    app.press(.character("6"))
    func selectedID(_ app: AppHarness) -> String? { app.state.selectedIndicator.map { app.state.portfolio.indicators[$0].id } }
    let rows = app.state.indicatorRows
    let yellow = rows.filter { app.state.indicatorStatus[$0].state == .level(.minorDeviation) }
    #expect(yellow.map { app.state.portfolio.indicators[$0].id } == ["2.1"])
    // From a green indicator, `]` goes to the worst: the red 1.1.
    let green = try #require(rows.firstIndex { app.state.indicatorStatus[$0].state == .level(.onTrack) })
    app.press([Key](repeating: .down, count: green))
    #expect(app.state.indicatorStatus[try #require(app.state.selectedIndicator)].state == .level(.onTrack))
    app.press(.character("]"))
    #expect(app.state.view == .indicators)
    #expect(selectedID(app) == "1.1")
    #expect(app.state.message?.text.hasPrefix("Rojo 1 de 1: 1.1 · desviación -") == true, "\(String(describing: app.state.message))")
    // The red row is the selected (reversed) one.
    let y = try #require(app.lines.firstIndex { $0.contains("1.1 Días de espera") })
    #expect(app.screen[x: 0, y: y].style.reverse)
    app.press(.character("]"))
    #expect(selectedID(app) == "2.1")
    #expect(app.state.message?.text.hasPrefix("Amarillo 1 de 1: 2.1 · desviación -") == true)
    // Past the last yellow it wraps to the red one; `[` goes back round to the yellow one.
    app.press(.character("]"))
    #expect(selectedID(app) == "1.1")
    app.press(.character("["))
    #expect(selectedID(app) == "2.1")
    app.press(.character("["))
    #expect(selectedID(app) == "1.1")
  }

  @Test func bracketsSaySoWhenNoIndicatorNeedsAttention() throws {
    var app = try Self.app()
    app.press(.character("6"), .character("f"), .character("f"), .character("f"))
    #expect(app.state.indicatorsView.filter == .notMeasured)
    app.press(.character("]"))
    #expect(app.state.message?.text == "Ningún indicador en rojo ni en amarillo.")
    #expect(app.state.view == .indicators)
  }

  @Test func theDashboardImperativeRowCountsRedIndicators() throws {
    let app = try Self.app()
    #expect(app.text.contains("Reducción de Tiempos de Espera  ✗ 1 indicador en rojo"), "\(app.text)")
  }

  @Test func theDetailPaneStatesTheForecast() throws {
    var app = try Self.app()
    app.press(.character("2"))
    #expect(app.text.contains("Pronóstico: "), "\(app.text)")
  }
}

@Suite struct HeaderTabsTests {
  /// Six tabs and "● sin guardar" at 80 columns: short titles, none cut by the file state.
  @Test func tabsFitIn80Columns() throws {
    var app = try AppHarness(.demo)
    #expect(app.lines[0].contains(" 6 Indic. "), "\(app.lines[0])")
    #expect(app.lines[0].hasSuffix("guardado"), "\(app.lines[0])")
    app.press(.character("6"), .character("e"), .tab)
    app.type("40")
    app.press(.tab, .enter)
    #expect(app.lines[0].contains(" 6 Indic. ") && app.lines[0].hasSuffix("sin guardar"), "\(app.lines[0])")
    let wide = try AppHarness(.demo, size: Size(width: 120, height: 30))
    #expect(wide.lines[0].contains(" 6 Indicadores "), "\(wide.lines[0])")
  }
}
