/// Why a merge result cannot be used as asked.
public enum MergeError: Error, Equatable, Sendable {
  /// The merged portfolio breaks the rules; nothing may be written.
  case invalid(issues: [ValidationIssue])
  /// No conflict at this path in the result.
  case unknownConflict(MergePath)
  /// A typed-in value of the wrong kind for the field.
  case valueDoesNotFit(MergePath, MergeValue)

  public func describe(_ l: Language) -> String {
    switch self {
    case .invalid(let issues):
      let errors = issues.filter { $0.severity == .error }
      let head = l.pick(
        "el resultado de la fusión no es válido (\(errors.count) error\(errors.count == 1 ? "" : "es")); no se escribió nada:",
        "the merged portfolio is not valid (\(errors.count) error\(errors.count == 1 ? "" : "s")); nothing was written:")
      return ([head] + errors.map { "  " + $0.describe(l) }).joined(separator: "\n")
    case .unknownConflict(let path):
      return l.pick("no hay conflicto en \(path)", "there is no conflict at \(path)")
    case .valueDoesNotFit(let path, let value):
      return l.pick(
        "el valor \(value.display(l)) no corresponde al campo \(path)", "value \(value.display(l)) does not fit field \(path)")
    }
  }
}
