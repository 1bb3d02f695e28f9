import Foundation
import Testing

@Suite("help and first run")
struct HelpAndFirstRunTests {
  @Test func helpListsEverySubcommand() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run("--help")
    #expect(result.status == 0)
    for name in ["open", "report", "validate", "init", "set-progress", "set-date", "import", "export"] {
      #expect(result.stdout.contains("  \(name)"), "--help does not list \(name)")
    }
    #expect(result.stdout.contains("64"), "exit codes are documented in --help")
  }

  @Test func helpReportShowsItsOptions() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.run("help", "report")
    #expect(result.status == 0)
    for option in ["--date", "--format", "--detail", "--status", "--file", "--lang"] {
      #expect(result.stdout.contains(option), "help report lacks \(option)")
    }
  }

  @Test func firstRunCreatesTheSeedAtTheXDGLocationAndSaysWhere() throws {
    let sandbox = try Sandbox()
    let expectedPath = sandbox.path("data/tablero/portafolio.json")
    #expect(!sandbox.exists("data/tablero/portafolio.json"))
    let result = try sandbox.run("report")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(sandbox.exists("data/tablero/portafolio.json"))
    #expect(result.stderr.contains(expectedPath), "stderr should name the new file: \(result.stderr)")
    #expect(!result.stdout.contains(expectedPath), "the notice goes to stderr, the report to stdout")
    // Cuadro 9 of the seed, with its dates.
    #expect(result.stdout.contains("Fecha del reporte 01/09/2011"))
    #expect(result.stdout.line(containing: "ECE Expediente Clínico Electrónico", "01/10/2011", "31/12/2016") != nil)
    #expect(result.stdout.line(containing: "ACMI Adquisición y compra coordinada", "01/01/2013", "31/12/2015") != nil)
    #expect(result.stdout.line(containing: "Subtotal Reducción de Tiempos de Espera", "01/10/2011", "31/12/2030") != nil)
    #expect(result.stdout.line(containing: "Subtotal Calidad en la Atención Médica", "01/10/2011", "31/12/2018") != nil)
    #expect(result.stdout.line(containing: "Subtotal Igualdad de Oportunidades en Salud", "Sin componentes") != nil)

    // The second run finds the file and says nothing on stderr.
    let again = try sandbox.run("report")
    #expect(again.status == 0)
    #expect(again.stderr.isEmpty, "\(again.stderr)")
    #expect(again.stdout == result.stdout)
  }

  @Test func firstRunWithoutXDGUsesHomeLocalShare() throws {
    let sandbox = try Sandbox(xdg: false)
    let result = try sandbox.run("report")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(sandbox.exists("home/.local/share/tablero/portafolio.json"))
    #expect(result.stderr.contains(sandbox.path("home/.local/share/tablero/portafolio.json")))
  }

  @Test func anExplicitFileThatDoesNotExistIsNotCreated() throws {
    let sandbox = try Sandbox(file: "elsewhere.json")
    let result = try sandbox.run("report")
    #expect(result.status == 74)
    #expect(!sandbox.exists("elsewhere.json"))
    #expect(result.stderr.contains("elsewhere.json"))
    #expect(result.stderr.contains("tablero init"), "suggests how to create it: \(result.stderr)")
  }
}
