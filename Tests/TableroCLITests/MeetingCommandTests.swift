import Foundation
import Testing

@Suite("reunion, acuerdos, acta")
struct MeetingCommandTests {
  @Test func aMeetingsChangesAndAgreementsMakeItsMinutes() throws {
    let sandbox = try Sandbox()
    sandbox.environment["USER"] = "ana"
    let file = try sandbox.demo()
    let start = try sandbox.run("reunion", "iniciar", "--titulo", "Revisión de junio", "--file", file)
    #expect(start.status == 0, "\(start.stderr)")
    #expect(try sandbox.run("reunion", "iniciar", "--file", file).status == 65, "only one open meeting")
    #expect(try sandbox.run("set-progress", "ACMI-04", "55", "--note", "Licitación publicada", "--file", file).status == 0)
    let add = try sandbox.run(
      "acuerdos", "add", "Publicar el fallo", "--responsable", "Luis Pérez", "--corresponsable", "DGIS",
      "--vence", "31/07/2013", "--item", "ACMI-04", "--file", file)
    #expect(add.status == 0, "\(add.stderr)")
    #expect(add.stdout.contains("AC-001"))
    #expect(try sandbox.run("acuerdos", "add", "Revisar metas", "--responsable", "Ana", "--corresponsable", "Mariana", "--vence", "01/01/2099", "--file", file).stdout.contains("AC-002"))
    #expect(try sandbox.run("acuerdos", "add", "Sobre algo", "--responsable", "x", "--vence", "01/01/2099", "--item", "NOPE", "--file", file).status == 65)
    let end = try sandbox.run("reunion", "terminar", "--file", file)
    #expect(end.status == 0, "\(end.stderr)")

    let minutes = try sandbox.run("acta", "--file", file)
    #expect(minutes.status == 0, "\(minutes.stderr)")
    #expect(minutes.stdout.contains("# Acta: Revisión de junio"))
    #expect(minutes.stdout.contains("ACMI-04 · avance real: 40 → 55 · desviación -60.0% → -45.0%"))
    #expect(minutes.stdout.contains("«Licitación publicada»"))
    #expect(minutes.stdout.contains("AC-001 · Publicar el fallo · responsable: Luis Pérez (corresponsables: DGIS) · vence 31/07/2013 · Vencido"))
    let html = try sandbox.run("acta", "--format", "html", "--file", file)
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("Publicar el fallo"))

    // Follow-up: a dated note, conclude, filters.
    #expect(try sandbox.run("acuerdos", "note", "AC-002", "Borrador listo", "--file", file).status == 0)
    #expect(try sandbox.run("acuerdos", "close", "AC-001", "--file", file).status == 0)
    let mine = try sandbox.run("acuerdos", "--mios", "--file", file)
    #expect(mine.stdout.contains("AC-002") && !mine.stdout.contains("AC-001"))
    #expect(mine.stdout.contains("En proceso") && mine.stdout.contains("Borrador listo"))
    let overdue = try sandbox.run("acuerdos", "list", "--vencidos", "--file", file)
    #expect(overdue.stdout.contains("Sin acuerdos"), "AC-001 is concluded, so nothing is overdue")
    #expect(try sandbox.run("acuerdos", "close", "AC-999", "--file", file).status == 65)
    // The agreements are in the portfolio file, so they travel with it.
    let json = try sandbox.json("demo.json")
    #expect((json["agreements"] as? [[String: Any]])?.count == 2)
    #expect((json["meetings"] as? [[String: Any]])?.count == 1)
    #expect(try sandbox.run("validate", file).status == 0)
  }

  /// Issue 12: an indicator measured during a meeting is in its minutes, under its imperative.
  @Test func aMeasurementRecordedDuringAMeetingIsInItsMinutes() throws {
    let sandbox = try Sandbox()
    sandbox.environment["USER"] = "ana"
    let file = try sandbox.demo()
    #expect(try sandbox.run("indicador", "medir", "1.1", "01/06/2013", "44", "--file", file).status == 0, "before the meeting")
    // History times are whole seconds and a meeting takes what happened from its start second on.
    Thread.sleep(forTimeInterval: 1.1)
    #expect(try sandbox.run("reunion", "iniciar", "--titulo", "Metas", "--file", file).status == 0)
    let measured = try sandbox.run("indicador", "medir", "1.1", "15/06/2013", "40", "--nota", "Corte de junio", "--file", file)
    #expect(measured.status == 0, "\(measured.stderr)")
    #expect(try sandbox.run("reunion", "terminar", "--file", file).status == 0)
    let minutes = try sandbox.run("acta", "--file", file)
    #expect(minutes.status == 0, "\(minutes.stderr)")
    #expect(minutes.stdout.contains("### RTE Reducción de Tiempos de Espera"), "\(minutes.stdout)")
    #expect(minutes.stdout.contains("1.1 · medición del 15/06/2013: — → 40 — «Corte de junio» — ana"), "the measurement's note too: \(minutes.stdout)")
    #expect(!minutes.stdout.contains("01/06/2013"), "a measurement from before the meeting is not in its minutes")
  }

  @Test func minutesWithoutMeetingsSayWhatToDo() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.demo()
    let result = try sandbox.run("acta", "--file", file)
    #expect(result.status == 65)
    #expect(result.stderr.contains("tablero reunion iniciar"))
    let since = try sandbox.run("acta", "--desde", "01/01/2000", "--format", "text", "--file", file)
    #expect(since.status == 0 && since.stdout.contains("ACTA"))
  }
}
