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
    // TERM is set inside the pane: tmux replaces a TERM given with -e by its default-terminal
    // (tmux-256color, whose terminfo does list ESC[4~).
    let env = ["LANG": "C.UTF-8", "HOME": folder]
    let tmux = try Tmux(command: "sh -c 'TERM=\(term) \(Tmux.tableroBinary) --file \(file); sleep 60'", environment: env)
    defer { tmux.kill() }
    var screen = try tmux.waitFor { $0.contains("Fecha del reporte") }
    let firstWhy = whyLine(screen)
    // Where G (the letter, never an escape sequence) takes the selection.
    try tmux.send("G")
    let lastScreen = try tmux.waitFor { whyLine($0) != firstWhy }
    let lastWhy = whyLine(lastScreen)
    try tmux.send("g")
    _ = try tmux.waitFor { whyLine($0) == firstWhy }
    try tmux.send("End")
    screen = try tmux.waitFor { whyLine($0) == lastWhy }
    #expect(whyLine(screen) == lastWhy, "End did not go to the last row:\n\(screen)")
    #expect(screen == lastScreen, "End differs from G:\n\(screen)")
    try tmux.send("Home")
    screen = try tmux.waitFor { whyLine($0) == firstWhy }
    #expect(whyLine(screen) == firstWhy, "Home did not go to the first row:\n\(screen)")
    try tmux.send("F1")
    screen = try tmux.waitFor { $0.contains("Teclas") }
    #expect(screen.contains("Teclas") && !screen.contains("sin función"), "F1 did not open Help:\n\(screen)")
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

  /// An emoji ZWJ sequence and a combining accent in a name: the row's columns stay where
  /// the column titles are (issue 13: the row shifted).
  @Test func graphemeClustersDoNotShiftTheRow() throws {
    let (folder, file) = try Self.demoFile()
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var components = try #require(json["components"] as? [[String: Any]])
    let index = try #require(components.firstIndex { ($0["id"] as? String) == "ECE" })
    components[index]["name"] = "👩‍👩‍👧 Familia Jose\u{301} 🧑🏽‍⚕️ médica"
    json["components"] = components
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
    let env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": folder]
    let tmux = try Tmux(command: "sh -c '\(Tmux.tableroBinary) --file \(file); sleep 60'", environment: env)
    defer { tmux.kill() }
    let screen = try tmux.waitFor { $0.contains("Familia") }
    let lines = screen.split(separator: "\n").map(String.init)
    let title = try #require(lines.first { $0.contains("F.inicial") }, "\(screen)")
    let row = try #require(lines.first { $0.contains("Familia") }, "\(screen)")
    let titleColumn = try #require(Self.column(of: "F.inicial", in: title))
    let dateColumn = try #require(Self.column(of: "/20", in: row)) - 5  // "01/10/2011": the date starts 5 before "/20"
    #expect(dateColumn == titleColumn, "\(row)")
    #expect(row.hasSuffix("%") || row.hasSuffix("–"), "the row lost its last column: \(row)")
    // No joiner left over to glue itself onto a neighbouring cell ("Jose‍́").
    #expect(!row.unicodeScalars.contains { $0.value == 0x200D }, "stray zero-width joiner: \(row)")
    #expect(row.contains("Jose\u{301}"), "the combining accent stays on its letter: \(row)")
  }

  /// Terminal column where `needle` starts: emoji take two columns, joiners and marks none.
  static func column(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    var columns = 0
    for scalar in line[..<range.lowerBound].unicodeScalars {
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format: continue
      default: columns += scalar.properties.isEmojiPresentation ? 2 : 1
      }
    }
    return columns
  }

  /// The footer's first row: "ID · esperado …" for the selected item.
  func whyLine(_ screen: String) -> String {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.count >= 3 ? String(lines[lines.count - 4]) : ""
  }
}
