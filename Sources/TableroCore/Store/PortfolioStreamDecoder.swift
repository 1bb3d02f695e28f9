import TableroJSON

/// Loads a portfolio in one pass over the bytes: the `initiatives` and `indicators` arrays
/// (nearly all of a large file) become `Initiative`s and `Indicator`s as they are read, with no
/// `JSONValue` tree of 100 000 objects built and freed on the way; the other top-level members
/// are few and small and still go through the tree and `PortfolioDecoder`, so their rules live
/// in one place.
///
/// It gives exactly what `PortfolioDecoder.decode(JSON.parse(bytes))` gives, problems and their
/// paths included, because it only takes the fast road where that is certain:
/// - an initiative (indicator) of the usual shape is read by `InitiativeFastReader`
///   (`IndicatorFastReader`); any other is parsed as a tree and handed to
///   `PortfolioDecoder.decodeInitiative` (`decodeIndicator`), which words its problems;
/// - a document whose top level is not an object, or any broken JSON, answers `nil` and the
///   caller parses the whole document the old way, which reports the first syntax error with
///   its line and column.
enum PortfolioStreamDecoder {
  /// What was read from the first `initiatives` (`indicators`) member when it was an array.
  struct Items<Item> {
    var items: [Item] = []
    /// Problems of the elements that were decoded from a tree, in file order.
    var issues: [ValidationIssue] = []
    /// How many elements were not of the plain shape and went through the tree.
    var readFromTree = 0
  }
  typealias Initiatives = Items<Initiative>
  typealias Indicators = Items<Indicator>

  /// What was read: the top-level object (with an empty array standing for each array already
  /// read) and those arrays' elements.
  struct Read {
    var root: JSONValue
    var initiatives: Initiatives?
    var indicators: Indicators?
  }

  /// Nil when the bytes must go through `JSONParser` instead.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Read? {
    var cursor = JSONCursor(bytes: bytes)
    return try? readRoot(&cursor)
  }

  /// Thrown for a shape the fast road does not take (the old road reads it).
  private struct NeedsTree: Error {}

  private static func readRoot(_ cursor: inout JSONCursor) throws -> Read {
    cursor.skipWhitespace()
    guard cursor.consume(UInt8(ascii: "{")), cursor.byte == UInt8(ascii: "\"") else { throw NeedsTree() }
    var pairs: [(key: String, value: JSONValue)] = []
    var initiatives: Initiatives?
    var indicators: Indicators?
    while true {
      let key = try cursor.string()
      cursor.skipWhitespace()
      guard cursor.consume(UInt8(ascii: ":")) else { throw NeedsTree() }
      // Only the first `initiatives` (`indicators`) counts (`JSONObject`'s subscript); a later
      // one is a duplicate key, reported from the tree.
      let isFirstArray = cursor.byte == UInt8(ascii: "[") && !pairs.contains(where: { $0.key == key })
      if key == "initiatives", isFirstArray {
        initiatives = try readArray(&cursor, "initiatives", depth: InitiativeFastReader.initiativeDepth,
          fast: InitiativeFastReader.read, tree: PortfolioDecoder.decodeInitiative)
        pairs.append((key, .array([])))
      } else if key == "indicators", isFirstArray {
        indicators = try readArray(&cursor, "indicators", depth: IndicatorFastReader.indicatorDepth,
          fast: IndicatorFastReader.read, tree: PortfolioDecoder.decodeIndicator)
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
    return Read(root: .object(JSONObject(pairs)), initiatives: initiatives, indicators: indicators)
  }

  /// The array whose `[` is next: each element by `fast`, or when that answers nil (or throws)
  /// from a tree by `tree`, which reports problems under `$.name[i]`. `depth`: arrays and
  /// objects enclosing an element.
  private static func readArray<Item>(
    _ cursor: inout JSONCursor, _ name: String, depth: Int,
    fast: (inout JSONCursor) throws(JSONSyntaxError) -> Item?,
    tree: (JSONValue, String, inout [ValidationIssue]) -> Item?
  ) throws -> Items<Item> {
    var result = Items<Item>()
    guard cursor.consume(UInt8(ascii: "[")) else { throw NeedsTree() }
    if cursor.consume(UInt8(ascii: "]")) { return result }
    var index = 0
    while true {
      let start = cursor.index
      if let item = try? fast(&cursor) {
        result.items.append(item)
      } else {
        cursor.index = start
        result.readFromTree += 1
        let value = try cursor.value(depth: depth)
        if let item = tree(value, "$.\(name)[\(index)]", &result.issues) {
          result.items.append(item)
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
