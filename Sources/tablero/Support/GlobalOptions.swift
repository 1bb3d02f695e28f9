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

  var language: Language { lang ?? Language.fromLocale(Environment.value("LC_ALL") ?? Environment.value("LANG")) }

  func validate() throws {}
}

extension Language: ExpressibleByArgument {}
