/// Language of everything a person reads. Spanish is the default.
public enum Language: String, CaseIterable, Sendable {
  case es, en

  /// From a `LANG`/`LC_ALL` value such as `en_US.UTF-8`; Spanish unless it says English.
  public static func fromLocale(_ value: String?) -> Language {
    guard let value, value.lowercased().hasPrefix("en") else { return .es }
    return .en
  }

  /// Picks the Spanish or English text.
  @inlinable public func pick(_ es: String, _ en: String) -> String { self == .es ? es : en }
}
