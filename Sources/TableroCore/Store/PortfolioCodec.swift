import TableroJSON

/// Bytes ⇄ portfolio, with full validation; no file system here.
public enum PortfolioCodec {
  /// Parses, decodes and validates. Throws `StoreError` naming `path` for anything wrong.
  public static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> LoadedPortfolio {
    try decode(bytes, path: path, streaming: true)
  }

  /// `streaming: false` is the tree road alone, kept for the tests that compare both roads.
  static func decode(_ bytes: [UInt8], path: String, streaming: Bool) throws(StoreError) -> LoadedPortfolio {
    if bytes.isEmpty { throw .empty(path: path) }
    // One pass over the bytes when the file has a portfolio's shape; otherwise (and for broken
    // JSON, whose first error the parser places by line and column) the tree of the whole file.
    let streamed = streaming ? bytes.withUnsafeBufferPointer { PortfolioStreamDecoder.read($0) } : nil
    let value: JSONValue
    if let streamed {
      value = streamed.root
    } else {
      do {
        value = try JSON.parse(bytes)
      } catch {
        throw .syntax(path: path, error)
      }
    }
    var issues: [ValidationIssue] = []
    guard let portfolio = PortfolioDecoder.decode(
      value, streamed: streamed?.initiatives, streamedIndicators: streamed?.indicators, issues: &issues) else {
      throw .invalid(path: path, issues: issues)
    }
    issues += PortfolioValidator.validate(portfolio)
    if issues.contains(where: { $0.severity == .error }) {
      throw .invalid(path: path, issues: issues)
    }
    return LoadedPortfolio(portfolio: portfolio, warnings: issues)
  }

  /// The canonical file bytes: pretty-printed, fixed key order, trailing newline.
  /// Written straight from the model (`PortfolioStreamEncoder`); the same bytes as
  /// `JSONWriter.bytes(PortfolioEncoder.encode(portfolio))`.
  public static func encode(_ portfolio: Portfolio) -> [UInt8] {
    PortfolioStreamEncoder.encode(portfolio)
  }
}
