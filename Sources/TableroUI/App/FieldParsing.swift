import Foundation
import TableroCore

/// Reads what a person typed into form fields: "55", "55,5", "55%", "30/06/2013".
enum FieldParsing {
  static func number(_ text: String) -> Double? {
    var t = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
    if t.isEmpty { return nil }
    if !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
    guard let value = Double(t), value.isFinite else { return nil }
    return value
  }

  static func yes(_ text: String) -> Bool? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "sí", "si", "s", "yes", "y", "1", "*": return true
    case "no", "n", "0", "": return false
    default: return nil
    }
  }

  static func horizon(_ text: String) -> Horizon? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "corto", "c", "short", "corto plazo": return .short
    case "mediano", "m", "medium", "mediano plazo": return .medium
    default: return nil
    }
  }
}
