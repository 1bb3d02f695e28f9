import ArgumentParser

/// `tablero`: the TUI by default, and scriptable subcommands for reports and updates.
@main
struct Tablero: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tablero",
    abstract: "Tablero de control del portafolio de proyectos (SSA) / Portfolio control dashboard.",
    discussion: """
      Sin subcomando abre la interfaz de terminal. El archivo de datos es --file, si no \
      $TABLERO_FILE, si no $XDG_DATA_HOME/tablero/portafolio.json (~/.local/share/...). \
      Códigos de salida: 0 correcto, 64 uso incorrecto, 65 datos no válidos, 74 error de E/S.
      """,
    version: "0.1.0",
    subcommands: [
      Open.self, Report.self, Validate.self, Init.self, SetProgress.self, SetDate.self,
      Import.self, Export.self, HistoryCommand.self, Recover.self,
      Merge.self, MergeDriver.self, Sync.self, GitCommand.self, Agreements.self, MeetingCommand.self, MinutesCommand.self,
      Indicators.self, IndicatorCommand.self, ImportIndicators.self, Field.self,
    ],
    defaultSubcommand: Open.self
  )
}
