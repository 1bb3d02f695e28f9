import Testing

@testable import TableroUI

@Suite struct RectTests {
  @Test func negativeSizesBecomeEmpty() {
    #expect(Rect(x: 0, y: 0, width: -4, height: 3).isEmpty)
    #expect(Size(width: -1, height: -1) == .zero)
  }

  @Test func insetNeverGoesNegative() {
    let rect = Rect(x: 2, y: 3, width: 10, height: 4)
    #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
    #expect(rect.inset(by: 5).isEmpty)
  }

  @Test func splitsAreClamped() {
    let rect = Rect(x: 0, y: 0, width: 80, height: 24)
    let (header, body) = rect.splitTop(1)
    #expect(header == Rect(x: 0, y: 0, width: 80, height: 1))
    #expect(body == Rect(x: 0, y: 1, width: 80, height: 23))
    let (content, footer) = rect.splitBottom(30)
    #expect(content.isEmpty)
    #expect(footer == rect)
    let (left, rest) = rect.splitLeft(20)
    #expect(left.width == 20 && rest.x == 20 && rest.width == 60)
    let (_, right) = rect.splitRight(5)
    #expect(right == Rect(x: 75, y: 0, width: 5, height: 24))
  }

  @Test func intersectionOfDisjointRectsIsEmpty() {
    let a = Rect(x: 0, y: 0, width: 5, height: 5)
    let b = Rect(x: 10, y: 10, width: 5, height: 5)
    #expect(a.intersection(b).isEmpty)
    #expect(
      a.intersection(Rect(x: 3, y: 4, width: 5, height: 5)) == Rect(x: 3, y: 4, width: 2, height: 1)
    )
  }
}
