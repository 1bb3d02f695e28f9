import TableroJSON

/// Bytes ⇄ portfolio, with full validation; no file system here.
public enum PortfolioCodec {
  /// Parses, decodes and validates. Throws `StoreError` naming `path` for anything wrong.
  public static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> LoadedPortfolio {
    if bytes.isEmpty { throw .empty(path: path) }
    let value: JSONValue
    do {
      value = try JSON.parse(bytes)
    } catch {
      throw .syntax(path: path, error)
    }
    var issues: [ValidationIssue] = []
    guard let portfolio = PortfolioDecoder.decode(value, issues: &issues) else {
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
