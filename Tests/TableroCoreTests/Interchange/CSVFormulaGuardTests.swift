import Testing

@testable import TableroCore

/// CSV injection (OWASP): text a spreadsheet would run as a formula is written with a
/// leading `'`; numbers stay numbers; import reads back exactly what was exported.
@Suite("CSV: formula guard")
struct CSVFormulaGuardTests {
  @Test func textStartingWithATriggerGetsAQuote() {
    for cell in ["=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "- nota"] {
      #expect(CSVFormulaGuard.guarded(cell) == "'" + cell, "\(cell.debugDescription)")
    }
  }

  @Test func numbersAndPlainTextAreLeftAlone() {
    for cell in ["-30.0", "-30.0%", "+5", "-2,5", "40", "Plan", "'nota", "", "a=b"] {
      #expect(CSVFormulaGuard.guarded(cell) == cell, "\(cell.debugDescription)")
    }
  }

  @Test func everyCellReadsBackAsWritten() {
    for cell in ["=1+1", "'=1+1", "''@x", "'nota", "-30.0", "'-30.0", "-x", "texto", "'"] {
      #expect(CSVFormulaGuard.unguarded(CSVFormulaGuard.guarded(cell)) == cell, "\(cell.debugDescription)")
    }
  }

  @Test func exportGuardsTextAndImportRestoresIt() throws {
    var portfolio = TestPortfolios.single(progress: 40)
    portfolio.initiatives[0].name = "=HYPERLINK(\"http://malo\",\"clic\")"
    portfolio.initiatives[0].responsible = "@Dirección"
    portfolio.initiatives[0].notes = "-revisar con el IMSS"
    let csv = InitiativeCSV.export(portfolio)
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://malo\"\",\"\"clic\"\")\""))
    #expect(csv.contains(",'@Dirección,"))
    #expect(csv.contains(",'-revisar con el IMSS,"))
    var blank = portfolio
    blank.initiatives[0].name = "otro"
    blank.initiatives[0].responsible = ""
    blank.initiatives[0].notes = ""
    let (back, _) = try InitiativeCSV.importRows(csv, into: blank)
    #expect(back.initiatives[0].name == portfolio.initiatives[0].name)
    #expect(back.initiatives[0].responsible == "@Dirección")
    #expect(back.initiatives[0].notes == "-revisar con el IMSS")
  }

  @Test func reportCSVKeepsNegativeDeviationsAsNumbers() {
    let portfolio = TestPortfolios.single(progress: 10, report: "2012-10-01")
    let status = StatusEngine().evaluate(portfolio)
    let csv = ReportFormatter().render(
      portfolio, status: status, dashboard: Dashboard(portfolio, status: status, detail: true), as: .csv)
    #expect(csv.contains(",-"), "a negative deviation is written: \(csv)")
    #expect(!csv.contains(",'-"), "and not as text: \(csv)")
  }
}
