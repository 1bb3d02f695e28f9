/// Why an edit was refused; the portfolio is left as it was.
public enum EditError: Error, Equatable, Sendable {
  case notFound(String)
  case progressOutOfRange(Double)
  case endBeforeStart(start: Day, end: Day)
  case negativeWeight(Double)
  case toleranceNotNegative(Double)
  case invalidID(String)
  case duplicateID(String)
  case emptyName
  case notAnInitiative(String)
  case componentHasInitiatives(String)
  case alreadyMember(component: String, imperative: String)
  case milestoneNotFound(Int)
  case notAnIndicator(String)
  /// A measurement with neither a value nor the reason it is missing.
  case measurementWithoutValue

  public func message(_ language: Language) -> String {
    let l = language
    switch self {
    case .notFound(let id): return l.pick("no existe \"\(id)\"", "\"\(id)\" does not exist")
    case .progressOutOfRange(let value):
      return l.pick(
        "el avance debe estar entre 0 y 100 (hay \(Format.number(value)))",
        "progress must be between 0 and 100 (got \(Format.number(value)))")
    case .endBeforeStart:
      return l.pick("fecha de fin anterior al inicio", "end date before the start")
    case .negativeWeight: return l.pick("la ponderación no puede ser negativa", "the weight cannot be negative")
    case .toleranceNotNegative:
      return l.pick("la desviación aceptable debe ser negativa", "the acceptable deviation must be negative")
    case .invalidID(let id):
      return l.pick(
        "identificador no válido \"\(id)\" (letras, dígitos, - _ .)", "invalid id \"\(id)\" (letters, digits, - _ .)")
    case .duplicateID(let id): return l.pick("el identificador \"\(id)\" ya existe", "id \"\(id)\" already exists")
    case .emptyName: return l.pick("el nombre no puede estar vacío", "the name cannot be empty")
    case .notAnInitiative(let id): return l.pick("\"\(id)\" no es una iniciativa", "\"\(id)\" is not an initiative")
    case .componentHasInitiatives(let id):
      return l.pick(
        "el avance de \(id) se calcula de sus iniciativas; edite una iniciativa",
        "the progress of \(id) comes from its initiatives; edit an initiative")
    case .alreadyMember(let component, let imperative):
      return l.pick("\(component) ya está en \(imperative)", "\(component) is already in \(imperative)")
    case .milestoneNotFound(let index):
      return l.pick("no existe el hito \(index + 1)", "there is no milestone \(index + 1)")
    case .notAnIndicator(let id): return l.pick("no existe el indicador \"\(id)\"", "there is no indicator \"\(id)\"")
    case .measurementWithoutValue:
      return l.pick(
        "la medición necesita un valor o el motivo de su ausencia (p. ej. N.D.)",
        "the measurement needs a value or the reason it is missing (e.g. N.D.)")
    }
  }
}
