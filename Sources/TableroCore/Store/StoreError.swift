import TableroJSON

/// Why a portfolio file could not be read or written. Every case names the file; a failed
/// load never writes to it.
public enum StoreError: Error, Equatable, Sendable {
  case notFound(path: String)
  case isDirectory(path: String)
  case permissionDenied(path: String)
  case unreadable(path: String, reason: String)
  case tooLarge(path: String, bytes: Int)
  case empty(path: String)
  case syntax(path: String, JSONSyntaxError)
  case invalid(path: String, issues: [ValidationIssue])
  case writeFailed(path: String, reason: String)
  case alreadyExists(path: String)
  /// The file changed on disk since it was loaded (another program, a git pull, a copy).
  case changedOnDisk(path: String)
  /// Another session holds the file's lock.
  case locked(path: String, holder: LockInfo)
  /// The lock file could not be created (read-only folder, no permission…).
  case lockFailed(path: String, reason: String)
  /// Our lock file was removed or replaced by someone else while we held it.
  case lockLost(path: String)
  /// A save was asked of a session opened read-only.
  case readOnly(path: String)
  /// A recovery journal from an earlier session waits to be applied or discarded.
  case recoveryPending(path: String, journal: String, entries: Int)
  /// The journal (or another JSON Lines file) is damaged at a line other than the last.
  case journalCorrupt(path: String, line: Int, reason: String)
  /// The journal could not be written: edits are still in memory but not protected.
  case journalFailed(path: String, reason: String)
  /// The data file has no write permission (chmod a-w, another owner): a save would replace it
  /// through the rename anyway, so it is refused unless forced. `mode` as "0444 (r--r--r--)".
  case writeProtected(path: String, mode: String)

  public var path: String {
    switch self {
    case .notFound(let p), .isDirectory(let p), .permissionDenied(let p), .unreadable(let p, _),
      .tooLarge(let p, _), .empty(let p), .syntax(let p, _), .invalid(let p, _),
      .writeFailed(let p, _), .alreadyExists(let p), .changedOnDisk(let p), .locked(let p, _),
      .lockFailed(let p, _), .lockLost(let p), .readOnly(let p), .recoveryPending(let p, _, _),
      .journalCorrupt(let p, _, _), .journalFailed(let p, _), .writeProtected(let p, _):
      return p
    }
  }

  /// A message for a person; for `.invalid` one line per error.
  public func describe(_ language: Language) -> String {
    let l = language
    switch self {
    case .notFound(let path):
      return l.pick("\(path): el archivo no existe", "\(path): the file does not exist")
    case .isDirectory(let path):
      return l.pick("\(path): es una carpeta, no un archivo", "\(path): is a folder, not a file")
    case .permissionDenied(let path):
      return l.pick("\(path): sin permiso de lectura", "\(path): no permission to read it")
    case .unreadable(let path, let reason):
      return l.pick("\(path): no se pudo leer (\(reason))", "\(path): could not be read (\(reason))")
    case .tooLarge(let path, let bytes):
      return l.pick(
        "\(path): el archivo es demasiado grande (\(bytes / 1_048_576) MiB)",
        "\(path): the file is too large (\(bytes / 1_048_576) MiB)")
    case .empty(let path):
      return l.pick(
        "\(path): el archivo está vacío (0 bytes): no contiene un portafolio",
        "\(path): the file is empty (0 bytes): it holds no portfolio")
    case .syntax(let path, let error):
      return l.pick(
        "\(path): línea \(error.line), columna \(error.column): \(Self.syntaxMessage(error.kind, .es))",
        "\(path): line \(error.line), column \(error.column): \(Self.syntaxMessage(error.kind, .en))")
    case .invalid(let path, let issues):
      let errors = issues.filter { $0.severity == .error }
      let head = l.pick(
        "\(path): el portafolio no es válido (\(errors.count) error\(errors.count == 1 ? "" : "es")):",
        "\(path): the portfolio is not valid (\(errors.count) error\(errors.count == 1 ? "" : "s")):")
      return ([head] + errors.map { "  " + $0.describe(l) }).joined(separator: "\n")
    case .writeFailed(let path, let reason):
      return l.pick(
        "\(path): no se pudo guardar (\(reason)); el archivo anterior queda intacto",
        "\(path): could not save (\(reason)); the previous file is untouched")
    case .alreadyExists(let path):
      return l.pick(
        "\(path): ya existe; use --force para reemplazarlo", "\(path): already exists; use --force to replace it")
    case .changedOnDisk(let path):
      return l.pick(
        "\(path): el archivo cambió en el disco desde que se abrió (otro programa, git, una copia); no se sobrescribió. Recárguelo, guarde en otro archivo o fuerce el guardado",
        "\(path): the file changed on disk since it was opened (another program, git, a copy); it was not overwritten. Reload it, save to another file, or force the save")
    case .locked(let path, let holder):
      return l.pick("\(path): ", "\(path): ") + holder.describe(l, lockPath: FileLock.path(for: path))
    case .lockFailed(let path, let reason):
      return l.pick(
        "\(path): no se pudo crear el candado \(FileLock.path(for: path)) (\(reason)); sin él no se escribe en el archivo (solo lectura)",
        "\(path): could not create the lock \(FileLock.path(for: path)) (\(reason)); without it the file is not written (read-only)")
    case .lockLost(let path):
      return l.pick(
        "\(path): otra sesión quitó o reemplazó el candado \(FileLock.path(for: path)); no se guardó para no pisar sus cambios",
        "\(path): another session removed or replaced the lock \(FileLock.path(for: path)); not saved, to avoid overwriting its changes")
    case .readOnly(let path):
      return l.pick("\(path): abierto en solo lectura; no se guardó", "\(path): opened read-only; nothing was saved")
    case .recoveryPending(let path, let journal, let entries):
      return l.pick(
        "\(path): hay \(entries) cambio\(entries == 1 ? "" : "s") sin guardar de una sesión anterior en \(journal); use «tablero recover» para verlos, aplicarlos o descartarlos",
        "\(path): there \(entries == 1 ? "is 1 unsaved change" : "are \(entries) unsaved changes") from an earlier session in \(journal); use `tablero recover` to show, apply or discard them")
    case .journalCorrupt(let path, let line, let reason):
      return l.pick(
        "\(path): línea \(line) dañada (\(reason)); el archivo se conserva sin cambios",
        "\(path): line \(line) is damaged (\(reason)); the file is kept unchanged")
    case .writeProtected(let path, let mode):
      return l.pick(
        "\(path): el archivo está protegido contra escritura (permisos \(mode)); no se reemplazó. Si debe cambiarse, quite la protección (chmod u+w) o guarde de todos modos: en Tablero, s en el diálogo; en la línea de órdenes, --force-write (conserva los permisos)",
        "\(path): the file is write-protected (permissions \(mode)); it was not replaced. If it must change, remove the protection (chmod u+w) or save anyway: in Tablero, s in the dialog; on the command line, --force-write (the permissions are kept)")
    case .journalFailed(let path, let reason):
      return l.pick(
        "\(path): no se pudo escribir el diario de recuperación (\(reason)); los cambios siguen en memoria: guarde pronto",
        "\(path): could not write the recovery journal (\(reason)); the changes are still in memory: save soon")
    }
  }

  static func syntaxMessage(_ kind: JSONSyntaxError.Kind, _ l: Language) -> String {
    switch kind {
    case .empty: return l.pick("no hay ningún valor JSON", "there is no JSON value")
    case .unexpectedEnd:
      return l.pick("el archivo termina a la mitad (¿truncado?)", "the file ends in the middle (truncated?)")
    case .unexpectedCharacter(let scalar, let expected):
      let shown = scalar.properties.isWhitespace || scalar.value < 0x20 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : "\"\(scalar)\""
      return l.pick("carácter inesperado \(shown); se esperaba \(expectedText(expected, .es))",
        "unexpected character \(shown); expected \(expectedText(expected, .en))")
    case .invalidLiteral:
      return l.pick("palabra no válida (se admite true, false o null)", "invalid word (true, false or null allowed)")
    case .trailingComma: return l.pick("coma sobrante antes del cierre", "extra comma before the closing bracket")
    case .invalidUTF8:
      return l.pick("el texto no es UTF-8 válido (guárdelo como UTF-8)", "the text is not valid UTF-8 (save it as UTF-8)")
    case .byteOrderMark:
      return l.pick("el archivo empieza con una marca BOM; guárdelo como UTF-8 sin BOM", "the file starts with a byte order mark; save it as UTF-8 without BOM")
    case .nulByte:
      return l.pick("byte NUL: parece un archivo binario o UTF-16", "NUL byte: this looks like a binary or UTF-16 file")
    case .controlCharacterInString:
      return l.pick("carácter de control dentro de un texto (use \\n o \\t)", "control character inside a string (use \\n or \\t)")
    case .invalidEscape: return l.pick("secuencia de escape no válida", "invalid escape sequence")
    case .invalidUnicodeEscape: return l.pick("escape \\u no válido", "invalid \\u escape")
    case .loneSurrogate: return l.pick("escape \\u de un sustituto UTF-16 sin pareja", "\\u escape of an unpaired UTF-16 surrogate")
    case .invalidNumber: return l.pick("número mal escrito", "malformed number")
    case .tooDeep(let limit):
      return l.pick("anidamiento demasiado profundo (más de \(limit) niveles)", "nesting too deep (more than \(limit) levels)")
    case .trailingContent:
      return l.pick("hay contenido después del final del documento", "there is content after the end of the document")
    }
  }

  static func expectedText(_ expected: JSONSyntaxError.Expected, _ l: Language) -> String {
    switch expected {
    case .value: return l.pick("un valor", "a value")
    case .key: return l.pick("una clave entre comillas", "a key in double quotes")
    case .colon: return l.pick("\":\"", "\":\"")
    case .commaOrEndOfArray: return l.pick("\",\" o \"]\"", "\",\" or \"]\"")
    case .commaOrEndOfObject: return l.pick("\",\" o \"}\"", "\",\" or \"}\"")
    }
  }
}
