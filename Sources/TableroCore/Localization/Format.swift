/// Number and percentage formatting as the seed shows it: one decimal, `-30.0%`.
public enum Format {
  /// One decimal place, rounded half away from zero, no "-0.0".
  public static func oneDecimal(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
    if abs(value) >= 1e14 { return String(value) }
    let tenths = (abs(value) * 10).rounded(.toNearestOrAwayFromZero)
    let whole = Int(tenths / 10)
    let decimal = Int(tenths) % 10
    let negative = value < 0 && tenths != 0
    return (negative ? "-" : "") + "\(whole).\(decimal)"
  }

  /// `33.3%`, `-30.0%`; `–` when there is no value.
  public static func percent(_ value: Double?) -> String {
    guard let value else { return "–" }
    return oneDecimal(value) + "%"
  }

  /// A number without a trailing ".0": 30 → "30", 33.3 → "33.3".
  public static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return oneDecimal(value)
  }

  /// `01/09/2011`, or `–`.
  public static func date(_ day: Day?) -> String { day?.display ?? "–" }
}
