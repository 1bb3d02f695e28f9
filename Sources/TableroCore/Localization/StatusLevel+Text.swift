extension StatusLevel {
  /// The legend wording of Cuadro 9, with the portfolio's own tolerance.
  public func label(_ language: Language, tolerance: Double = Portfolio.defaultTolerance) -> String {
    let limit = Format.number(abs(tolerance))
    switch self {
    case .notStarted: return language.pick("No iniciado", "Not started")
    case .onTrack: return language.pick("Conforme al esperado", "On track")
    case .minorDeviation:
      return language.pick("Desviación de hasta \(limit)%", "Deviation up to \(limit)%")
    case .majorDeviation:
      return language.pick("Desviación mayor al \(limit)%", "Deviation over \(limit)%")
    case .noComponents: return language.pick("Sin componentes", "No components")
    }
  }

  /// A short word for narrow columns.
  public func shortLabel(_ language: Language) -> String {
    switch self {
    case .notStarted: return language.pick("No inic.", "Not st.")
    case .onTrack: return language.pick("Conforme", "On track")
    case .minorDeviation: return language.pick("Desv.", "Dev.")
    case .majorDeviation: return language.pick("Desv.>", "Dev.>")
    case .noComponents: return language.pick("Sin comp.", "No comp.")
    }
  }

  /// A glyph so colour is never the only signal.
  public var glyph: String {
    switch self {
    case .notStarted: "○"
    case .onTrack: "✓"
    case .minorDeviation: "▲"
    case .majorDeviation: "✗"
    case .noComponents: "–"
    }
  }

  /// ASCII glyph for terminals without UTF-8.
  public var asciiGlyph: String {
    switch self {
    case .notStarted: "o"
    case .onTrack: "+"
    case .minorDeviation: "!"
    case .majorDeviation: "X"
    case .noComponents: "-"
    }
  }

  /// The name used on the command line (`--status red`).
  public var colorName: String {
    switch self {
    case .notStarted: "none"
    case .onTrack: "green"
    case .minorDeviation: "yellow"
    case .majorDeviation: "red"
    case .noComponents: "empty"
    }
  }
}
