/// Incremental search (`/`): the query being typed and the last one for `n`/`N`.
public struct SearchState: Equatable, Sendable {
  /// True while the user types the query in the message line.
  public var isTyping = false
  public var query = ""
  /// Where the cursor was when typing began, to search from there as the query grows.
  var origin: SearchIndex.Position?
  public init() {}
}
