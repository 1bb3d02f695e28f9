import ArgumentParser
@main struct Tablero: ParsableCommand {
  mutating func run() throws { print("tablero") }
}
