import ArgumentParser

/// Exit codes follow sysexits.h so scripts can tell causes apart.
enum Exit {
  /// Bad command line (ArgumentParser already uses 64 for validation errors).
  static let usage = ExitCode(64)
  /// The data is not valid: a bad file, a refused edit.
  static let dataError = ExitCode(65)
  /// The file could not be read or written.
  static let ioError = ExitCode(74)
}
