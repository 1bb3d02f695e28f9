import ArgumentParser
import TableroCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Archivo JSON del portafolio (si no: $TABLERO_FILE o el de datos del usuario).")
  var file: String?

  @Option(help: "Idioma: es (predeterminado) o en. Sin esta opción se usa LANG.")
  var lang: Language?

  @Flag(name: .customLong("force-write"), help: "Escribe aunque el archivo esté protegido contra escritura (chmod a-w); conserva sus permisos.")
  var forceWrite = false

  @Option(
    name: [.customLong("usuario"), .customLong("user")],
    help: "Quién edita, como se anota en el historial y el acta (si no: $TABLERO_USER o el nombre de sesión).")
  var user: String?

  var language: Language { lang ?? Language.fromLocale(Environment.value("LC_ALL") ?? Environment.value("LANG")) }

  func validate() throws {
    if let user, SessionIdentity.userName(user).isEmpty {
      throw ValidationError("--usuario necesita un nombre (sin @ ni caracteres de control) / --user needs a name.")
    }
  }
}

extension Language: ExpressibleByArgument {}
