import Foundation
import Testing

/// How the real binary reads keys and draws on terminals unlike the developer's (issue 9):
/// escape sequences terminfo does not list, ASCII-only locales, unknown TERM values, odd sizes.
@Suite(.serialized, .enabled(if: Tmux.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct TerminalKeysTests {
  static func demoFile() throws -> (folder: String, file: String) {
    let folder = NSTemporaryDirectory() + "tablero-keys-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/demo.json"
    let result = try Tmux.run([Tmux.tableroBinary, "init", file, "--demo"])
    #expect(result.status == 0, "\(result.output)")
    return (folder, file)
  }

  /// tmux sends ESC[4~ / ESC[1~ for End / Home whatever TERM says; xterm-256color's terminfo
  /// lists ESC OF / ESC OH and vt100's none at all, so ncurses hands over raw characters.
  @Test(arguments: ["xterm-256color", "vt100"])
  func endAndHomeWorkWithoutTerminfo(term: String) throws {
    let (folder, file) = try Self.demoFile()
    let env = ["LANG": "C.UTF-8", "TERM": term, "HOME": folder]
    let tmux = try Tmux(command: "sh -c '\(Tmux.tableroBinary) --file \(file); sleep 60'", environment: env)
    defer { tmux.kill() }
    var screen = try tmux.waitFor { $0.contains("Fecha del reporte") }
    let firstWhy = whyLine(screen)
    try tmux.send("End")
    screen = try tmux.waitFor { whyLine($0) != firstWhy }
    #expect(!screen.contains("sin función"), "\(screen)")
    #expect(!screen.contains("Teclas"), "End opened Help:\n\(screen)")
    #expect(whyLine(screen) != firstWhy, "End did not move the selection:\n\(screen)")
    try tmux.send("Home")
    screen = try tmux.waitFor { whyLine($0) == firstWhy }
    #expect(whyLine(screen) == firstWhy)
    try tmux.send("F1")
    screen = try tmux.waitFor { $0.contains("Ayuda") && !$0.contains("sin función") }
    #expect(!screen.contains("sin función"))
  }

  /// LANG=C: every character the app sends is ASCII (tmux shows what it received).
  @Test func plainCLocaleGetsOnlyASCII() throws {
    let (folder, file) = try Self.demoFile()
    let env = ["LANG": "C", "LC_ALL": "C", "TERM": "xterm-256color", "HOME": folder]
    let tmux = try Tmux(command: "sh -c '\(Tmux.tableroBinary) --file \(file); sleep 60'", environment: env)
    defer { tmux.kill() }
    var screen = try tmux.waitFor { $0.contains("Fecha del reporte") }
    #expect(screen.contains("Fecha del reporte"))
    for key in ["2", "4", "1"] {
      try tmux.send(key)
      Thread.sleep(forTimeInterval: 0.3)
      screen = try tmux.waitFor(2) { !$0.isEmpty }
      let bad = screen.unicodeScalars.filter { !$0.isASCII }
      #expect(bad.isEmpty, "view \(key): \(String(String.UnicodeScalarView(bad)))\n\(screen)")
    }
  }

  /// The footer's first row: "ID · esperado …" for the selected item.
  func whyLine(_ screen: String) -> String {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.count >= 3 ? String(lines[lines.count - 4]) : ""
  }
}
