import Testing

@testable import TableroTerminal

/// A cell sends its base character and combining marks, nothing a terminal may widen or join
/// (issue 13: emoji ZWJ sequences shifted the row).
@Suite struct CellTextTests {
  @Test func zwjFamilySendsItsFirstPerson() {
    #expect(CellText.scalars(of: "👩‍👩‍👧") == [0x1F469])
    #expect(CellText.scalars(of: "🧑🏽‍⚕️") == [0x1F9D1])
  }

  @Test func combiningAccentsStayOnTheirLetter() {
    #expect(CellText.scalars(of: "e\u{301}") == [0x65, 0x301])
    #expect(CellText.scalars(of: "n\u{303}\u{323}") == [0x6E, 0x303, 0x323])
  }

  @Test func variationSelectorsAreDropped() {
    #expect(CellText.scalars(of: "❤️") == [0x2764])
  }

  @Test func plainCharactersUnchanged() {
    #expect(CellText.scalars(of: "ñ") == [0xF1])
    #expect(CellText.scalars(of: "漢") == [0x6F22])
  }
}
