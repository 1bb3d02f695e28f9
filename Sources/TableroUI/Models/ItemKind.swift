/// The three levels of the portfolio.
public enum ItemKind: Sendable, Equatable {
  case imperative, component, initiative
}
