/// Errors refuse the file (nothing is written); warnings let it load and are shown.
public enum Severity: String, Sendable, Comparable {
  case warning, error
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// One problem found in a portfolio, at a JSON path such as `$.initiatives[3].actualProgress`.
public struct ValidationIssue: Equatable, Sendable {
  public var severity: Severity
  public var path: String
  public var problem: Problem

  public init(_ severity: Severity, at path: String, _ problem: Problem) {
    self.severity = severity
    self.path = path
    self.problem = problem
  }

  public static func error(_ path: String, _ problem: Problem) -> ValidationIssue {
    ValidationIssue(.error, at: path, problem)
  }
  public static func warning(_ path: String, _ problem: Problem) -> ValidationIssue {
    ValidationIssue(.warning, at: path, problem)
  }

  public enum Problem: Equatable, Sendable {
    case missingKey(String)
    case wrongType(expected: String, found: String)
    case duplicateKey(String)
    case invalidDate(String)
    case invalidID(String)
    case emptyText
    case duplicateID(String, firstPath: String)
    case unknownComponent(String)
    case unknownItem(String)
    case duplicateMember(String)
    case unknownValue(String, allowed: [String])
    case progressOutOfRange(Double)
    case negativeWeight(Double)
    case notFinite
    case endBeforeStart(start: Day, end: Day)
    case toleranceNotNegative(Double)
    case unsupportedFormatVersion(Int)
    // Warnings.
    case outsideParentDates(parent: String, parentStart: Day, parentEnd: Day)
    case weightsDoNotAddUp(sum: Double)
    case allWeightsZero
    case phaseOutsideComponent(Phase)
    case doneProgressMismatch
    case goalYearsOutOfOrder
    case measurementsOutOfOrder
    // Indicators against the items (errors).
    case unknownIndicatorOwner(String)
    case indicatorOwnedByInitiative(String)
    case indicatorIDUsedByItem(String, itemPath: String)
  }

  public func message(_ language: Language) -> String {
    let l = language
    switch problem {
    case .missingKey(let key):
      return l.pick("falta la clave obligatoria \"\(key)\"", "required key \"\(key)\" is missing")
    case .wrongType(let expected, let found):
      return l.pick(
        "se esperaba \(Self.kind(expected, .es)) y hay \(Self.kind(found, .es))",
        "expected \(Self.kind(expected, .en)), found \(Self.kind(found, .en))")
    case .duplicateKey(let key):
      return l.pick("la clave \"\(key)\" aparece más de una vez", "key \"\(key)\" appears more than once")
    case .invalidDate(let text):
      return l.pick(
        "fecha no válida \"\(text)\" (se espera AAAA-MM-DD, una fecha que exista)",
        "invalid date \"\(text)\" (expected YYYY-MM-DD, a real date)")
    case .invalidID(let text):
      return l.pick(
        "identificador no válido \"\(text)\" (letras, dígitos, - _ . y de 1 a 40 caracteres)",
        "invalid id \"\(text)\" (letters, digits, - _ . and 1 to 40 characters)")
    case .emptyText:
      return l.pick("el texto no puede estar vacío", "the text cannot be empty")
    case .duplicateID(let id, let first):
      return l.pick(
        "el identificador \"\(id)\" ya se usa en \(first)", "id \"\(id)\" is already used at \(first)")
    case .unknownComponent(let id):
      return l.pick("no existe el componente \"\(id)\"", "there is no component \"\(id)\"")
    case .unknownItem(let id):
      return l.pick("no existe el elemento \"\(id)\"", "there is no item \"\(id)\"")
    case .duplicateMember(let id):
      return l.pick(
        "el componente \"\(id)\" aparece dos veces en este imperativo",
        "component \"\(id)\" appears twice in this imperative")
    case .unknownValue(let value, let allowed):
      return l.pick(
        "valor \"\(value)\" no válido (se admite: \(allowed.joined(separator: ", ")))",
        "invalid value \"\(value)\" (allowed: \(allowed.joined(separator: ", ")))")
    case .progressOutOfRange(let value):
      return l.pick(
        "el avance \(Format.number(value))% está fuera de 0–100",
        "progress \(Format.number(value))% is outside 0–100")
    case .negativeWeight(let value):
      return l.pick(
        "la ponderación \(Format.number(value)) es negativa", "weight \(Format.number(value)) is negative")
    case .notFinite:
      return l.pick("el número está fuera de rango", "the number is out of range")
    case .endBeforeStart(let start, let end):
      return l.pick(
        "fecha de fin \(end.display) anterior al inicio \(start.display)",
        "end date \(end.display) is before the start \(start.display)")
    case .toleranceNotNegative(let value):
      return l.pick(
        "la desviación aceptable debe ser negativa (hay \(Format.number(value))%)",
        "the acceptable deviation must be negative (found \(Format.number(value))%)")
    case .unsupportedFormatVersion(let version):
      return l.pick(
        "versión de formato \(version) no soportada (esta versión lee de la \(Portfolio.baseFormatVersion) a la \(Portfolio.currentFormatVersion))",
        "format version \(version) is not supported (this version reads \(Portfolio.baseFormatVersion) to \(Portfolio.currentFormatVersion))")
    case .outsideParentDates(let parent, let start, let end):
      return l.pick(
        "sus fechas quedan fuera de las de \(parent) (\(start.display)–\(end.display))",
        "its dates fall outside those of \(parent) (\(start.display)–\(end.display))")
    case .weightsDoNotAddUp(let sum):
      return l.pick(
        "las ponderaciones suman \(Format.oneDecimal(sum))%, no 100%",
        "the weights add up to \(Format.oneDecimal(sum))%, not 100%")
    case .allWeightsZero:
      return l.pick(
        "todas las ponderaciones son 0: se usa el promedio simple",
        "all weights are 0: the plain mean is used")
    case .phaseOutsideComponent(let phase):
      return l.pick(
        "la fase \(phase.label(.es)) queda fuera de las fechas del componente",
        "phase \(phase.label(.en)) falls outside the component's dates")
    case .doneProgressMismatch:
      return l.pick(
        "todos los hitos están cumplidos pero el avance real es menor a 100%",
        "every milestone is done but actual progress is below 100%")
    case .goalYearsOutOfOrder:
      return l.pick(
        "los años de línea base, metas intermedias y meta final no van en orden creciente",
        "the years of baseline, intermediate goals and final goal are not in increasing order")
    case .measurementsOutOfOrder:
      return l.pick(
        "las mediciones no están en orden de fecha: se usan ordenadas",
        "the measurements are not in date order: they are used sorted")
    case .unknownIndicatorOwner(let owner):
      return l.pick(
        "el indicador pertenece a \"\(owner)\", que no es un imperativo ni un componente del portafolio",
        "the indicator belongs to \"\(owner)\", which is not an imperative or a component of the portfolio")
    case .indicatorOwnedByInitiative(let owner):
      return l.pick(
        "el indicador pertenece a \"\(owner)\", que es una iniciativa: un indicador pertenece a un imperativo o a un componente",
        "the indicator belongs to \"\(owner)\", an initiative: an indicator belongs to an imperative or a component")
    case .indicatorIDUsedByItem(let id, let itemPath):
      return l.pick(
        "el identificador \"\(id)\" del indicador ya es de un elemento (\(itemPath)): el historial y el acta no sabrían de cuál se habla; use otro, como \"\(id).1\"",
        "the indicator's id \"\(id)\" already names an item (\(itemPath)): history and minutes could not tell them apart; use another, such as \"\(id).1\"")
    }
  }

  private static func kind(_ name: String, _ language: Language) -> String {
    guard language == .es else { return name == "array" ? "an array" : name == "object" ? "an object" : "a \(name)" }
    switch name {
    case "string": return "un texto"
    case "number": return "un número"
    case "integer": return "un número entero"
    case "boolean": return "true o false"
    case "array": return "una lista"
    case "object": return "un objeto"
    case "null": return "null"
    case "date": return "una fecha"
    default: return name
    }
  }

  /// `error en $.initiatives[3].actualProgress: …`
  public func describe(_ language: Language) -> String {
    let word = severity == .error ? language.pick("error", "error") : language.pick("aviso", "warning")
    return "\(word) \(language.pick("en", "at")) \(path): \(message(language))"
  }
}
