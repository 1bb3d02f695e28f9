import Foundation
import Testing
import TableroCore
@testable import TableroUI

/// The status line's "why" is never cut mid-word at 80×24.
@Suite struct WhyLineTests {
  @Test func longWhyWrapsOntoTheFreeMessageRow() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter)
    app.press(.down, .up)  // clears the search message
    #expect(app.selectedID == "ACMI-04")
    let why = app.lines[21] + " " + app.lines[22]
    #expect(why.contains("ACMI-04 · esperado 100.0%, real 40.0%, desviación -60.0% — Desviación mayor al 30%"), "\(app.lines[21])\n\(app.lines[22])")
  }

  @Test func withAMessageShowingTheWhyEndsAtAWord() throws {
    var app = try AppHarness(.demo)
    app.press(.character("/"))
    app.type("acmi-04")
    app.press(.enter, .character("Q"))  // "Tecla «Q» sin función" occupies the message row
    let line = app.lines[21].trimmingCharacters(in: .whitespaces)
    #expect(line.hasSuffix(" …"), "\(line)")
    let words = line.dropLast(2).split(separator: " ").map(String.init)
    let full = "ACMI-04 · esperado 100.0%, real 40.0%, desviación -60.0% — Desviación mayor al 30%".split(separator: " ").map(String.init)
    #expect(Array(full.prefix(words.count)) == words, "whole words only")
  }
}
