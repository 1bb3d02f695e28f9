/// A member name the one-pass readers recognise from its bytes (`InitiativeFastReader`,
/// `IndicatorFastReader`): each key's text and the matcher that finds it.
protocol SpelledKey: CaseIterable {
  var text: String { get }
  static func matching(_ bytes: UnsafeBufferPointer<UInt8>) -> Self?
}

extension SpelledKey {
  /// The texts the matcher finds back as themselves: the tests check these against
  /// `PortfolioDecoder`'s key lists, so a key the matcher misses shows up there.
  static var namesFoundByTheirSpelling: Set<String> {
    Set(allCases.map(\.text).filter { text in
      Array(text.utf8).withUnsafeBufferPointer { matching($0)?.text == text }
    })
  }
}
