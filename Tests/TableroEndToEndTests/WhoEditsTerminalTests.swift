import Foundation
import Testing

/// `--usuario` in the TUI (issue 11, "Who"): the save is recorded under that name, and the
/// detail pane says who changed the item last.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct WhoEditsTerminalTests {
  @Test func usuarioNamesTheSaveAndTheDetailPaneShowsIt() throws {
    #expect(Tmux.isAvailable, "tmux is required for the end-to-end tests")
    let folder = NSTemporaryDirectory() + "tablero-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/demo.json"
    #expect(try Tmux.run([Tmux.tableroBinary, "init", file, "--demo"]).status == 0)
    let env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": folder, "USER": "cuenta", "TABLERO_USER": "otra"]
    let script = "\(Tmux.tableroBinary) --usuario mlopez --file \(file); echo EXIT=$? > \(folder)/exit.txt; sleep 60"
    let tmux = try Tmux(command: "sh -c '\(script)'", width: 120, height: 40, environment: env)
    defer { tmux.kill() }

    _ = try tmux.waitFor { $0.contains("Fecha del reporte 30/06/2013") }
    // The portfolio tree, whose right pane shows the selected item's detail.
    try tmux.send("2")
    try tmux.send("/")
    try tmux.type("acmi-04")
    try tmux.send("Enter")
    var screen = try tmux.waitFor { $0.contains("Componente: ACMI") }
    #expect(!screen.contains("actualizado por"), "no history yet: \(screen)")
    try tmux.send("e")
    _ = try tmux.waitFor { $0.contains("Avance real de ACMI-04") }
    try tmux.send("C-u")
    try tmux.type("55")
    try tmux.send("Enter")
    _ = try tmux.waitFor { $0.contains("ACMI-04: avance 40% → 55%") }
    try tmux.send("s")
    screen = try tmux.waitFor { $0.contains("actualizado por mlopez, ") }
    #expect(screen.contains("actualizado por mlopez, "), "\(screen)")
    try tmux.send("q")

    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: folder + "/exit.txt"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    let history = try String(contentsOfFile: file + ".historial.jsonl", encoding: .utf8)
    #expect(history.contains("\"user\":\"mlopez@"), "\(history)")
    let data = try String(contentsOfFile: file, encoding: .utf8)
    #expect(data.contains("\"user\": \"mlopez@"), "the revision names who saved it")
  }
}
