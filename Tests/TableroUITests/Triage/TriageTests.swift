import Testing
import TableroCore
@testable import TableroUI

/// `]`/`[` jump between red, then yellow, items in any view; T lists them all, worst first.
@Suite struct TriageTests {
  static func attention(_ app: AppHarness) -> [TriageEntry] { TriageModel.entries(app.state.portfolio, status: app.state.status) }

  @Test func orderIsRedThenYellowWorstFirst() throws {
    let app = try AppHarness(.demo)
    let entries = Self.attention(app)
    let reds = entries.prefix { $0.status.level == .majorDeviation }
    #expect(!reds.isEmpty && reds.count < entries.count)
    #expect(entries.dropFirst(reds.count).allSatisfy { $0.status.level == .minorDeviation })
    let deviations = reds.map { $0.status.deviation ?? 0 }
    #expect(deviations == deviations.sorted())
    // Every level is there: red initiatives inside yellow components too.
    #expect(Set(entries.map(\.id)).isSuperset(of: ["PGS-05", "INTS-05", "GPC-11", "PMSRS", "ACMI"]))
  }

  @Test func bracketsJumpInEveryView() throws {
    var app = try AppHarness(.demo)
    let entries = Self.attention(app)
    app.press(.character("]"))
    #expect(app.selectedID == entries[0].id)
    #expect(app.text.contains("Rojo 1 de"), "\(app.lines[22])")
    app.press(.character("]"))
    #expect(app.selectedID == entries[1].id)
    app.press(.character("["))
    #expect(app.selectedID == entries[0].id)
    // Before the first red comes the last yellow.
    app.press(.character("["))
    #expect(app.selectedID == entries.last?.id)
    #expect(app.text.contains("Amarillo"))
    // It continues from the last jump in whichever view.
    for (n, view) in ["2", "3", "4", "5", "1"].enumerated() {
      app.press(.character(Character(view)), .character("]"))
      #expect(app.selectedID == entries[n].id, "view \(view)")
      #expect(app.state.view != .help && app.state.view != .agreements)
    }
  }

  @Test func triageListShowsEverythingAndEditsTheSelectedItem() throws {
    var app = try AppHarness(.demo)
    let entries = Self.attention(app)
    app.press(.character("T"))
    #expect(app.lines[3].contains("Triage"))
    #expect(app.lines[3].contains("Esc volver"), "\(app.lines[3])")
    #expect(app.text.contains("peor primero"))
    let first = entries[0]
    #expect(app.lines[4].contains(first.id))
    // Responsable, deviation, note and overdue milestones of ACMI-04.
    app.press(.end)
    while app.selectedID != "ACMI-04", app.state.triage?.cursor.selected ?? 0 > 0 { app.press(.up) }
    #expect(app.selectedID == "ACMI-04")
    let acmi = try #require(app.initiative("ACMI-04"))
    let y = try #require(app.lines.firstIndex { $0.contains("ACMI-04 ") })
    let end = app.lines[(y + 1)...].firstIndex { $0.hasPrefix("✗") || $0.hasPrefix("▲") } ?? app.lines.count
    func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }
    let entry = words(app.lines[y..<end].joined(separator: " "))
    #expect(entry.contains("desv. -60.0%") && entry.contains(words(acmi.responsible.isEmpty ? "—" : acmi.responsible)), "\(entry)")
    #expect(entry.contains("nota:"))
    if acmi.milestones.contains(where: { $0.done == nil && $0.due < app.state.portfolio.reportDate }) {
      #expect(entry.contains("hitos vencidos"))
    }
    // e edits it; at 100% it turns green and leaves the list; the selection goes to a neighbour.
    app.press(.character("e"))
    #expect(app.text.contains("Avance real de ACMI-04"))
    app.press(.control("u"))
    app.type("100")
    app.press(.enter)
    #expect(app.initiative("ACMI-04")?.actualProgress == 100)
    #expect(app.state.triage != nil)
    #expect(!(app.state.triage?.entries.contains { $0.id == "ACMI-04" } ?? true))
    #expect(app.selectedID != nil)
    app.press(.escape)
    #expect(app.state.triage == nil)
    #expect(app.lines[3].contains("Elemento"))
  }
}
