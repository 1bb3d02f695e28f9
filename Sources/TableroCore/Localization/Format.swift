/// Number and percentage formatting as the seed shows it: one decimal, `-30.0%`.
public enum Format {
  /// One decimal place, rounded half away from zero, no "-0.0".
  public static func oneDecimal(_ value: Double) -> String { fixed(value, decimals: 1) }

  /// `decimals` places, rounded half away from zero **in decimal**: the shortest decimal that
  /// names the double is rounded, so 8.45 gives "8.5" although the double is 8.4499999…
  /// Never "-0.0": a sign only when a non-zero digit is shown.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
    if abs(value) >= 1e14 { return String(value) }
    let places = max(0, decimals)
    // Digits and the position of the decimal point, from Swift's shortest round-trip text.
    var text = String(abs(value).description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts.first.map(String.init) ?? "0"
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = (whole + fraction).compactMap { $0.wholeNumberValue }
    var point = whole.count + exponent  // digits before the decimal point (may be ≤ 0 or > count)
    let keep = point + places
    if keep < 0 {
      digits = []
    } else if keep < digits.count {
      let roundUp = digits[keep] >= 5
      digits = Array(digits[0..<keep])
      if roundUp {
        var i = digits.count - 1
        while i >= 0, digits[i] == 9 { digits[i] = 0; i -= 1 }
        if i >= 0 { digits[i] += 1 } else { digits.insert(1, at: 0); point += 1 }
      }
    }
    // Lay the digits out around the point, padding with zeros on either side.
    var integer = ""
    var decimalsText = ""
    for k in 0..<max(point, 0) { integer += k < digits.count ? String(digits[k]) : "0" }
    for k in 0..<places {
      let index = point + k
      decimalsText += index >= 0 && index < digits.count ? String(digits[index]) : "0"
    }
    integer = String(integer.drop { $0 == "0" })
    if integer.isEmpty { integer = "0" }
    let nonZero = (integer + decimalsText).contains { $0 != "0" }
    let sign = value < 0 && nonZero ? "-" : ""
    return sign + integer + (places > 0 ? "." + decimalsText : "")
  }

  /// A deviation with enough decimals that the number explains its colour: −0.04 is yellow,
  /// so it shows "-0.04%", not "0.0%"; −30.04 is red against −30, so "-30.04%". One decimal
  /// whenever that already classifies the same (up to six when it does not).
  public static func deviation(_ value: Double?, tolerance: Double) -> String {
    guard let value else { return "–" }
    return deviationNumber(value, tolerance: tolerance) + "%"
  }

  /// `deviation` without the `%` sign (CSV cells).
  public static func deviationNumber(_ value: Double, tolerance: Double) -> String {
    guard value.isFinite else { return oneDecimal(value) }
    let level = StatusLevel.classify(deviation: value, tolerance: tolerance)
    for places in 1...6 {
      let text = fixed(value, decimals: places)
      if let shown = Double(text), StatusLevel.classify(deviation: shown, tolerance: tolerance) == level { return text }
    }
    return fixed(value, decimals: 6)
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
