import ArgumentParser
import TableroCore

extension Tablero {
  struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "open",
      abstract: "Abre la interfaz de terminal (predeterminado).",
      discussion: "Ejemplo: tablero --file demo.json")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .customLong("read-only"), help: "Abre sin permitir cambios (p. ej. para proyectar en una reunión).")
    var readOnly = false

    @Flag(name: [.customLong("presentar"), .customLong("present")], help: "Abre en modo presentación (solo lectura hasta desbloquear con L).")
    var present = false

    @Flag(name: [.customLong("sin-raton"), .customLong("no-mouse")], help: "No usa el ratón (la terminal conserva la selección de texto para copiar y pegar).")
    var noMouse = false

    mutating func run() throws {
      let file = PortfolioFile(options: options)
      try TUIRunner(file: file, readOnly: readOnly || present, presenting: present, mouse: !noMouse).run()
    }
  }
}
