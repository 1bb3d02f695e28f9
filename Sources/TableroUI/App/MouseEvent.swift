/// A mouse report: where, and what (ncurses mouse events, decoded by the terminal backend).
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
  public var x: Int
  public var y: Int
  public var kind: Kind

  public init(x: Int, y: Int, kind: Kind) {
    self.x = x
    self.y = y
    self.kind = kind
  }
}
