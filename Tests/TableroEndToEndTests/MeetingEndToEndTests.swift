import Foundation
import Testing

/// A whole status-review meeting against the real binary in tmux at 80×24: start the meeting
/// (R), `]` to the first red item, a progress edit with a note, a re-sort that must keep the
/// edited item selected, end the meeting (R), save, quit; `tablero acta` lists the edit with
/// the meeting's real start and end.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct MeetingEndToEndTests {
  /// `DD/MM/YYYY HH:MM` in local time, as the minutes show times.
  static func local(_ date: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone.current
    f.dateFormat = "dd/MM/yyyy HH:mm"
    return f.string(from: date)
  }

  @Test func wholeMeetingMakesMinutesWithRealTimes() throws {
    let run = try TUIRun(label: "meeting")
    defer { run.tmux.kill() }
    let tmux = run.tmux
    _ = try tmux.waitFor { $0.contains("Fecha del reporte 30/06/2013") }

    let startedAround = Date()
    try tmux.send("R")
    var screen = try tmux.waitFor { $0.contains("● Reunión desde") }
    #expect(screen.contains("● Reunión desde \(Self.local(startedAround).suffix(5))") || screen.contains("● Reunión desde \(Self.local(Date()).suffix(5))"), "\(screen)")

    // ] goes to the worst red item, in its component's list.
    try tmux.send("]")
    screen = try tmux.waitFor { $0.contains("Rojo 1 de") }
    let message = try #require(screen.split(separator: "\n").first { $0.contains("Rojo 1 de") })
    let id = try #require(message.split(separator: ":").dropFirst().first?.split(separator: " ").first.map(String.init))
    #expect(screen.split(separator: "\n").contains { $0.hasPrefix("\(id) · esperado") }, "\(screen)")

    try tmux.send("e")
    _ = try tmux.waitFor { $0.contains("Avance real de \(id)") }
    try tmux.send("C-u")
    try tmux.type("35")
    try tmux.send("Tab")
    try tmux.type("Acuerdo de la reunión")
    try tmux.send("Enter")
    screen = try tmux.waitFor { $0.contains("\(id): avance") }

    // Re-sort by deviation: the edited item stays selected (the why line names it).
    for _ in 0..<6 { try tmux.send("o") }
    screen = try tmux.waitFor { $0.contains("Orden: desviación") }
    #expect(screen.split(separator: "\n").contains { $0.hasPrefix("\(id) · esperado") }, "\(screen)")
    #expect(screen.contains("▲Desv."))

    try tmux.send("R")
    screen = try tmux.waitFor { $0.contains("Reunión terminada") }
    #expect(!screen.contains("● Reunión desde"))
    try tmux.send("s")
    _ = try tmux.waitFor { $0.contains("Guardado en") }
    let endedAround = Date()
    try tmux.send("q")
    #expect(run.waitForExit() == "EXIT=0")

    let acta = try Tmux.run([Tmux.tableroBinary, "acta", "--file", run.file])
    #expect(acta.status == 0, "\(acta.output)")
    #expect(acta.output.contains("\(id) · avance real:") && acta.output.contains("→ 35"), "\(acta.output)")
    #expect(acta.output.contains("«Acuerdo de la reunión»"))
    #expect(!acta.output.contains("Sin cambios registrados"))
    // The period runs from the real start to the real end (not the launch time twice).
    let period = try #require(acta.output.split(separator: "\n").first { $0.hasPrefix("Periodo: ") })
    let times = Set([Self.local(startedAround), Self.local(Date(timeIntervalSince1970: startedAround.timeIntervalSince1970 + 60)),
                     Self.local(endedAround), Self.local(Date(timeIntervalSince1970: endedAround.timeIntervalSince1970 - 60)), Self.local(Date())])
    let shown = period.dropFirst("Periodo: ".count).split(separator: "·").first.map { $0.split(separator: "–").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    #expect(shown.count == 2 && shown.allSatisfy { times.contains($0) }, "\(period)")
  }
}
