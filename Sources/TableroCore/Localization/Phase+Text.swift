extension Phase {
  public func label(_ language: Language) -> String {
    switch self {
    case .formulation: language.pick("Formulación", "Formulation")
    case .implementation: language.pick("Implementación", "Implementation")
    case .monitoring: language.pick("Monitoreo y mejora continua", "Monitoring and improvement")
    }
  }
}

extension Horizon {
  public func label(_ language: Language) -> String {
    switch self {
    case .short: language.pick("Corto plazo", "Short term")
    case .medium: language.pick("Mediano plazo", "Medium term")
    }
  }
}
