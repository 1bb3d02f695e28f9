/// What a person types as a measurement: a number ("63.5", "63,5", "63.5%") or the reason it
/// is absent ("N.D.", "N.A.", "ND", "no disponible"), kept as typed.
public struct MeasurementValue: Equatable, Sendable {
  public var value: Double?
  public var reason: String

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
    // A reason: letters, dots and spaces only, short; a mistyped number must not pass as one.
    guard text.count <= 40, text.contains(where: \.isLetter), !text.contains(where: \.isNumber) else { return nil }
    value = nil
    reason = text
  }
}
