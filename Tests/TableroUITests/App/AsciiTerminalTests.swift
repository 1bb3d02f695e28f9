import Testing
import TableroCore
@testable import TableroUI

/// Terminals without UTF-8 (LANG=C): every character drawn is ASCII, and the tree's
/// "collapsed" mark is not Conforme's glyph (issue 9).
@Suite struct AsciiTerminalTests {
  static func asciiApp(_ language: Language = .es) throws -> AppHarness {
    var app = try AppHarness(.demo, language: language)
    app.state.config.useUnicode = false
    return app
  }

  func expectASCII(_ app: AppHarness, _ where: String) {
    for (y, line) in app.lines.enumerated() {
      let bad = line.unicodeScalars.filter { !$0.isASCII }
      #expect(bad.isEmpty, "\(`where`) row \(y): \(String(String.UnicodeScalarView(bad))) in «\(line)»")
    }
  }

  @Test func everyViewAndDialogIsASCII() throws {
    var app = try Self.asciiApp()
    expectASCII(app, "dashboard")
    for key in ["2", "3", "4", "5"] {
      app.press(.character(Character(key)))
      expectASCII(app, "view \(key)")
    }
    app.press(.character("1"), .character("/"))
    app.type("acmi-04")
    app.press(.enter)
    expectASCII(app, "drill-down")
    app.press(.character("e"))
    expectASCII(app, "progress form")
    app.press(.control("u"))
    app.type("41")
    app.press(.enter, .character("q"))
    expectASCII(app, "quit question")
    app.press(.escape, .character("P"))
    expectASCII(app, "presentation")
  }

  @Test func typographyHasItsASCIISpelling() throws {
    #expect(ASCIIFolding.fold("Guardando…") == "Guardando...")
    #expect(ASCIIFolding.fold("rojos · amarillos — Desviación › más") == "rojos - amarillos -- Desviacion > mas")
    #expect(ASCIIFolding.fold("Año ñandú ¿Qué?") == "Ano nandu ?Que?")
    #expect(ASCIIFolding.fold("👩‍👩‍👧") == "?")
  }

  /// A name cut with "…" keeps its columns as "...": the tree's separator stays on every row
  /// (it was overdrawn: "Electr...interoperabilidad").
  @Test func aCutNameKeepsItsColumnsInASCII() throws {
    var app = try Self.asciiApp()
    app.press(.character("2"))
    let unicode = try AppHarness(.demo)
    var tree = unicode
    tree.press(.character("2"))
    let column = try #require(tree.lines[3].firstIndex(of: "│").map { tree.lines[3].distance(from: tree.lines[3].startIndex, to: $0) })
    var cut = 0
    for (y, line) in app.lines.enumerated() where y >= 3 && y < app.lines.count - 3 {
      let chars = Array(line)
      guard chars.count > column else { continue }
      if line.contains("...") { cut += 1 }
      #expect(chars[column] == "|", "row \(y): «\(line)»")
    }
    #expect(cut > 0, "some names are cut in this view")
    #expect(ASCIIFolding.foldKeepingCut("Clínico Electr…") == "Clinico Elec...")
    #expect(ASCIIFolding.foldKeepingCut("Guardando...") == "Guardando...")
  }

  @Test func collapsedIsNotConforme() throws {
    let app = try Self.asciiApp()
    let theme = Theme(useColor: false, useUnicode: false)
    #expect(theme.collapsedMark != theme.glyph(.onTrack))
    #expect(theme.expandedMark != theme.glyph(.onTrack))
    var tree = app
    tree.press(.character("2"))
    #expect(tree.text.contains(theme.collapsedMark + " "), "\(tree.text)")
  }

  @Test func unicodeTerminalsKeepTheirGlyphs() throws {
    let app = try AppHarness(.demo)
    #expect(app.text.contains("✓") || app.text.contains("✗"))
  }
}
