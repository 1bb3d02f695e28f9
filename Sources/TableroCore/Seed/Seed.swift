/// Loads the portfolios compiled into the binary.
extension EmbeddedPortfolios {
  public enum Choice: String, CaseIterable, Sendable { case seed, demo }

  public static func json(_ choice: Choice) -> String {
    switch choice {
    case .seed: seedJSON
    case .demo: demoJSON
    }
  }

  /// The shipped portfolio, validated like any file (a test proves it loads without errors).
  public static func load(_ choice: Choice) throws(StoreError) -> LoadedPortfolio {
    try PortfolioCodec.decode(Array(json(choice).utf8), path: "(\(choice.rawValue) embebido)")
  }
}
