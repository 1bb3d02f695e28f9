import CNcursesw
import TableroUI
import Testing

@testable import TableroTerminal

@Suite struct KeyDecoderTests {
  private func key(_ character: UInt32) -> DecodedInput {
    KeyDecoder.decode(.character(character))
  }

  private func key(code: Int32) -> DecodedInput {
    KeyDecoder.decode(.keyCode(code))
  }

  @Test func spanishLettersArriveAsOneCharacter() {
    #expect(key(0xF1) == .key(.character("ñ")))
    #expect(key(0xD1) == .key(.character("Ñ")))
    #expect(key(0xE1) == .key(.character("á")))
    #expect(key(0xBF) == .key(.character("¿")))
    #expect(key(0x1F600) == .key(.character("😀")))
    #expect(key(0x61) == .key(.character("a")))
    #expect(key(0x20) == .key(.character(" ")))
  }

  @Test func combiningMarkArrivesOnItsOwn() {
    #expect(key(0x301) == .key(.character("\u{301}")))
  }

  @Test func arrowsAndNavigation() {
    #expect(key(code: KEY_UP) == .key(.up))
    #expect(key(code: KEY_DOWN) == .key(.down))
    #expect(key(code: KEY_LEFT) == .key(.left))
    #expect(key(code: KEY_RIGHT) == .key(.right))
    #expect(key(code: KEY_PPAGE) == .key(.pageUp))
    #expect(key(code: KEY_NPAGE) == .key(.pageDown))
    #expect(key(code: KEY_HOME) == .key(.home))
    #expect(key(code: KEY_END) == .key(.end))
    #expect(key(code: KEY_A1) == .key(.home))
    #expect(key(code: KEY_C3) == .key(.pageDown))
  }

  @Test(arguments: [UInt32(10), 13])
  func enterFromNewlineOrReturn(_ value: UInt32) {
    #expect(key(value) == .key(.enter))
  }

  @Test func enterEscapeTabAndDeletion() {
    #expect(key(code: KEY_ENTER) == .key(.enter))
    #expect(key(27) == .key(.escape))
    #expect(key(9) == .key(.tab))
    #expect(key(code: KEY_BTAB) == .key(.backTab))
    #expect(key(127) == .key(.backspace))
    #expect(key(8) == .key(.backspace))
    #expect(key(code: KEY_BACKSPACE) == .key(.backspace))
    #expect(key(code: KEY_DC) == .key(.delete))
  }

  @Test func functionKeys() {
    for number in 1...12 {
      #expect(key(code: tb_key_f(Int32(number))) == .key(.function(number)))
    }
    #expect(key(code: tb_key_f(13)) == .ignored)
  }

  @Test func controlLettersExceptTheReservedOnes() {
    #expect(key(1) == .key(.control("a")))
    #expect(key(19) == .key(.control("s")))
    #expect(key(26) == .key(.control("z")))
    let reserved: Set<UInt32> = [8, 9, 10, 13]
    for value in UInt32(1)...26 where !reserved.contains(value) {
      guard case .key(.control(let letter)) = key(value) else {
        Issue.record("Ctrl code \(value) not decoded as control")
        continue
      }
      #expect(letter.unicodeScalars.first?.value == value + 0x60)
    }
  }

  @Test func otherControlsAndUnknownCodesAreIgnored() {
    #expect(key(0) == .ignored)
    #expect(key(28) == .ignored)
    #expect(key(0x85) == .ignored)
    #expect(key(0xD800) == .ignored)  // a lone surrogate is not a scalar
    #expect(key(code: KEY_IC) == .ignored)
    #expect(key(code: KEY_MOUSE) == .ignored)
  }

  @Test func resizeIsItsOwnInput() {
    #expect(key(code: KEY_RESIZE) == .resize)
  }

  @Test func getWchStatus() {
    #expect(KeyDecoder.decode(status: ERR, value: 0) == nil)
    #expect(KeyDecoder.decode(status: OK, value: 0xF1) == .key(.character("ñ")))
    #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(KEY_UP)) == .key(.up))
  }
}
