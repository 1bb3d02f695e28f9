import Testing

@testable import TableroUI

@Suite struct StringDisplayWidthTests {
  @Test func truncationKeepsWholeGraphemes() {
    #expect("Señalización".truncated(toWidth: 5) == "Señal")
    #expect("Informacio\u{301}n".truncated(toWidth: 10) == "Informacio\u{301}")
    #expect("漢字です".truncated(toWidth: 3) == "漢")
    #expect("😀😀".truncated(toWidth: 1) == "")
  }

  @Test func truncationWithEllipsis() {
    #expect("Señalización".truncated(toWidth: 6, ellipsis: "…") == "Señal…")
    #expect("Corto".truncated(toWidth: 10, ellipsis: "…") == "Corto")
    #expect("Corto".truncated(toWidth: 5, ellipsis: "…") == "Corto")
    #expect("漢字です".truncated(toWidth: 4, ellipsis: "…") == "漢…")
    #expect("abc".truncated(toWidth: 0, ellipsis: "…") == "")
  }

  @Test func truncationToNegativeWidthIsEmpty() {
    #expect("abc".truncated(toWidth: -3) == "")
  }

  @Test func paddingAlignsByDisplayWidth() {
    #expect("Ñu".padded(toWidth: 5) == "Ñu   ")
    #expect("Ñu".padded(toWidth: 5, alignment: .right) == "   Ñu")
    #expect("Ñu".padded(toWidth: 5, alignment: .center) == " Ñu  ")
    #expect("漢".padded(toWidth: 4).displayWidth == 4)
    #expect("Señalización".padded(toWidth: 5) == "Señal")
    #expect("漢字".padded(toWidth: 3) == "漢 ")
  }
}
