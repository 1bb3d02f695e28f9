import Testing
import TableroJSON

/// A named input for parametrised tests; the name shows in test reports.
struct NamedInput: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: [UInt8]

  init(_ name: String, _ text: String) {
    self.name = name
    self.bytes = Array(text.utf8)
  }

  init(_ name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  var testDescription: String { name }
}

/// Parses and returns the error, or nil when the input was accepted.
func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
  do {
    _ = try JSON.parse(bytes)
    return nil
  } catch {
    return error
  }
}

func syntaxError(_ text: String) -> JSONSyntaxError? {
  syntaxError(Array(text.utf8))
}

