import Foundation
import Testing

/// The real binary in tmux: view 6, record a measurement of indicator 1.1 with `e`, save, quit;
/// `tablero indicadores --format json` then shows the value and the new status.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct IndicatorSessionTests {
  @Test func recordAMeasurementInTheTUIAndSeeItFromTheCommandLine() throws {
    let folder = NSTemporaryDirectory() + "tablero-ind-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/demo.json"
    #expect(try Tmux.run([Tmux.tableroBinary, "init", file, "--demo"]).status == 0)
    let script = "\(Tmux.tableroBinary) --file \(file); echo EXIT=$? > \(folder)/exit.txt; sleep 60"
    let tmux = try Tmux(command: "sh -c '\(script)'", environment: ["LANG": "C.UTF-8", "HOME": folder, "TERM": "xterm-256color"])
    defer { tmux.kill() }

    _ = try tmux.waitFor { $0.contains("Fecha del reporte 30/06/2013") }
    try tmux.send("6")
    var screen = try tmux.waitFor { $0.contains("Indicadores · fecha del reporte") }
    #expect(screen.contains("1.1 Días de espera"), "\(screen)")
    try tmux.send("e")
    _ = try tmux.waitFor { $0.contains("Medición de 1.1") }
    try tmux.send("Tab")
    try tmux.type("39,5")
    try tmux.send("Tab")
    try tmux.type("Nuevo quirófano")
    try tmux.send("Enter")
    screen = try tmux.waitFor { $0.contains("sin guardar") && $0.contains("Conforme") }
    try tmux.send("s")
    _ = try tmux.waitFor { $0.contains("Guardado en") }
    try tmux.send("q")
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: folder + "/exit.txt"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    #expect((try? String(contentsOfFile: folder + "/exit.txt", encoding: .utf8)) == "EXIT=0\n")

    let listed = try Tmux.run([Tmux.tableroBinary, "indicadores", "--file", file, "--format", "json"])
    #expect(listed.status == 0, "\(listed.output)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])
    let first = try #require((root["indicators"] as? [[String: Any]])?.first)
    let latest = try #require((first["status"] as? [String: Any])?["latest"] as? [String: Any])
    #expect(latest["date"] as? String == "2013-06-30")
    #expect((latest["value"] as? NSNumber)?.doubleValue == 39.5)
    #expect(latest["note"] as? String == "Nuevo quirófano")
    #expect((first["status"] as? [String: Any])?["state"] as? String == "green")
  }
}
