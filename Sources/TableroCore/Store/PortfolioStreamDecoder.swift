import TableroJSON

/// Loads a portfolio in one pass over the bytes: the `initiatives` array (nearly all of a large
/// file) becomes `Initiative`s as it is read, with no `JSONValue` tree of 100 000 objects built
/// and freed on the way; the other top-level members are few and small and still go through
/// the tree and `PortfolioDecoder`, so their rules live in one place.
///
/// It gives exactly what `PortfolioDecoder.decode(JSON.parse(bytes))` gives, problems and their
/// paths included, because it only takes the fast road where that is certain:
/// - an initiative of the usual shape is read by `InitiativeFastReader`; any other is parsed as
///   a tree and handed to `PortfolioDecoder.decodeInitiative`, which words its problems;
/// - a document whose top level is not an object, or any broken JSON, answers `nil` and the
///   caller parses the whole document the old way, which reports the first syntax error with
///   its line and column.
enum PortfolioStreamDecoder {
  /// What was read from the first `initiatives` member when it was an array.
  struct Initiatives {
    var items: [Initiative] = []
    /// Problems of the initiatives that were decoded from a tree, in file order.
    var issues: [ValidationIssue] = []
    /// How many elements were not of the plain shape and went through the tree.
    var readFromTree = 0
  }

  /// The top-level object (with an empty array standing for the initiatives already read) and
  /// the initiatives; nil when the bytes must go through `JSONParser` instead.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (root: JSONValue, initiatives: Initiatives?)? {
    var cursor = JSONCursor(bytes: bytes)
    return try? readRoot(&cursor)
  }

  /// Thrown for a shape the fast road does not take (the old road reads it).
  private struct NeedsTree: Error {}

  private static func readRoot(_ cursor: inout JSONCursor) throws -> (root: JSONValue, initiatives: Initiatives?) {
    cursor.skipWhitespace()
    guard cursor.consume(UInt8(ascii: "{")), cursor.byte == UInt8(ascii: "\"") else { throw NeedsTree() }
    var pairs: [(key: String, value: JSONValue)] = []
    var initiatives: Initiatives?
    while true {
      let key = try cursor.string()
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { throw NeedsTree() }
      // Only the first `initiatives` counts (`JSONObject`'s subscript); a later one is a
      // duplicate key, reported from the tree.
      if key == "initiatives", cursor.byte == UInt8(ascii: "["), !pairs.contains(where: { $0.key == key }) {
        initiatives = try readInitiatives(&cursor)
        pairs.append((key, .array([])))
      } else {
        pairs.append((key, try cursor.value(depth: 1)))
      }
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) {
        guard cursor.byte == UInt8(ascii: "\"") else { throw NeedsTree() }
        continue
      }
      guard cursor.consume(UInt8(ascii: "}")) else { throw NeedsTree() }
      break
    }
    guard cursor.isAtEnd else { throw NeedsTree() }
    return (.object(JSONObject(pairs)), initiatives)
  }

  /// The array whose `[` is next.
  private static func readInitiatives(_ cursor: inout JSONCursor) throws -> Initiatives {
    var result = Initiatives()
    guard cursor.consume(UInt8(ascii: "[")) else { throw NeedsTree() }
    if cursor.consume(UInt8(ascii: "]")) { return result }
    var index = 0
    while true {
      let start = cursor.index
      if let initiative = try? InitiativeFastReader.read(&cursor) {
        result.items.append(initiative)
      } else {
        cursor.index = start
        result.readFromTree += 1
        let value = try cursor.value(depth: InitiativeFastReader.initiativeDepth)
        let path = "$.initiatives[\(index)]"
        if let initiative = PortfolioDecoder.decodeInitiative(value, path: path, issues: &result.issues) {
          result.items.append(initiative)
        }
      }
      index += 1
      cursor.skipWhitespace()
      if cursor.consume(UInt8(ascii: ",")) { continue }
      guard cursor.consume(UInt8(ascii: "]")) else { throw NeedsTree() }
      return result
    }
  }
}
