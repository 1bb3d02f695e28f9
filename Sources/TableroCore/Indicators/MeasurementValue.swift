/// What a person types as a measurement: a number ("63.5", "63,5", "63.5%") or the reason it
/// is absent ("N.D.", "N.A.", "ND", "no disponible"), kept as typed.
public struct MeasurementValue: Equatable, Sendable {
  public var value: Double?
  public var reason: String

  public init(value: Double?, reason: String) {
    self.value = value
    self.reason = reason
  }

  public init?(_ raw: String) {
    let text = raw.trimmingSpaces()
    guard !text.isEmpty else { return nil }
    var number = text.replacingOccurrences(of: "%", with: "")
    if !number.contains("."), number.filter({ $0 == "," }).count == 1 {
      number = number.replacingOccurrences(of: ",", with: ".")
    }
    if let v = Double(number), v.isFinite, number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
      value = v
      reason = ""
      return
    }
    // A reason must look like one (an abbreviation with dots or a known phrase): a word such as
    // "cuarenta" or a mistyped number is refused instead of being kept as a reason.
    guard Self.isReason(text) else { return nil }
    value = nil
    reason = text
  }

  static let knownReasons: Set<String> = [
    "ND", "NA", "N/D", "N/A", "SD", "S/D", "NO DISPONIBLE", "NO APLICA", "SIN DATO", "NOT AVAILABLE", "NOT APPLICABLE",
  ]

  /// "N.D.", "N.A.", "n.d.", "ND", "N/A", "No disponible"; or any short abbreviation with dots.
  public static func isReason(_ text: String) -> Bool {
    let upper = text.uppercased()
    if knownReasons.contains(upper) { return true }
    return upper.count <= 8 && upper.contains(".") && upper.allSatisfy { $0.isLetter || $0 == "." || $0 == " " }
      && upper.contains(where: \.isLetter)
  }
}
