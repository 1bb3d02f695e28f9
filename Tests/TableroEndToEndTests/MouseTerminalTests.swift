import Foundation
import Testing

/// The mouse through the real terminal path (issue 9): xterm's SGR reports (ESC[<b;x;yM) typed
/// into the pane reach ncurses as KEY_MOUSE; with --sin-raton the same bytes change nothing.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct MouseTerminalTests {
  /// Press and release of the left button at a 1-based column and row, as xterm sends them.
  static func click(column: Int, row: Int) -> [String] {
    ["\u{1B}[<0;\(column);\(row)M", "\u{1B}[<0;\(column);\(row)m"]
  }

  static func start(_ options: String) throws -> Tmux {
    let folder = NSTemporaryDirectory() + "tablero-mouse-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/demo.json"
    let created = try Tmux.run([Tmux.tableroBinary, "init", file, "--demo"])
    #expect(created.status == 0, "\(created.output)")
    // TERM inside the pane: tmux would replace one given with -e by tmux-256color.
    return try Tmux(
      command: "sh -c 'TERM=xterm-256color \(Tmux.tableroBinary) --file \(file) \(options); sleep 60'",
      environment: ["LANG": "C.UTF-8", "HOME": folder])
  }

  /// Column (1-based) of a tab's label on the header row.
  static func column(of label: String, in screen: String) -> Int? {
    guard let header = screen.split(separator: "\n").first, let range = header.range(of: label) else { return nil }
    return header.distance(from: header.startIndex, to: range.lowerBound) + 1
  }

  @Test func clickOnATabShowsThatView() throws {
    let tmux = try Self.start("")
    defer { tmux.kill() }
    let screen = try tmux.waitFor { $0.contains("Fecha del reporte") }
    let column = try #require(Self.column(of: "3 Cronograma", in: screen))
    for report in Self.click(column: column + 2, row: 1) { try tmux.type(report) }
    let after = try tmux.waitFor { $0.contains("Formulación") && $0.contains("Componente") }
    #expect(after.contains("Componente") && after.contains("▏2012"), "the click did not open the timeline:\n\(after)")
  }

  @Test func withoutTheMouseTheSameClickChangesNothing() throws {
    let tmux = try Self.start("--sin-raton")
    defer { tmux.kill() }
    let screen = try tmux.waitFor { $0.contains("Fecha del reporte") }
    let column = try #require(Self.column(of: "3 Cronograma", in: screen))
    for report in Self.click(column: column + 2, row: 1) { try tmux.type(report) }
    // Then a key, so we know the reports were read before looking.
    try tmux.send("4")
    let after = try tmux.waitFor { $0.contains("Teclas") }
    #expect(!after.contains("▏2012"), "with --sin-raton the click still acted:\n\(after)")
  }
}
