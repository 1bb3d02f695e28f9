import TableroUI

/// Hands out curses colour pair numbers for (foreground, background) combinations on first
/// use. Pair 0 is the terminal default and is never allocated; when the terminal runs out of
/// pairs, further combinations fall back to pair 0 (text stays readable, just uncoloured).
struct ColorPairTable {
  struct Combination: Hashable {
    var foreground: TerminalColor
    var background: TerminalColor
  }

  private var pairs: [Combination: Int16] = [:]
  private let limit: Int

  /// `pairCount` is COLOR_PAIRS; pair numbers are capped to Int16 for setcchar.
  init(pairCount: Int) {
    limit = min(max(0, pairCount - 1), Int(Int16.max))
  }

  /// The pair for a combination and whether it was just allocated (the caller must then
  /// call init_pair).
  mutating func pair(foreground: TerminalColor, background: TerminalColor) -> (
    pair: Int16, isNew: Bool
  ) {
    if foreground == .default && background == .default { return (0, false) }
    let combination = Combination(foreground: foreground, background: background)
    if let existing = pairs[combination] { return (existing, false) }
    guard pairs.count < limit else { return (0, false) }
    let pair = Int16(pairs.count + 1)
    pairs[combination] = pair
    return (pair, true)
  }
}
