// swift-tools-version:6.0
// Tablero: portfolio dashboard for the Secretaría de Salud, in the terminal.
// Layers (dependencies point one way): tablero → TableroTerminal → TableroUI → TableroCore → TableroJSON.
import PackageDescription

let package = Package(
  name: "Tablero",
  products: [
    .executable(name: "tablero", targets: ["tablero"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Property tests (merge: any two non-conflicting edit sequences commute).
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // 1. C shim over ncursesw (wide characters).
    .target(
      name: "CNcursesw",
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    // A small JSON reader/writer: positions in errors, key order kept, no recursion limits hit.
    .target(name: "TableroJSON"),
    // 2. Domain: model, status engine, validation, JSON store. No terminal.
    .target(
      name: "TableroCore",
      dependencies: ["TableroJSON"]
    ),
    // 3. UI: state → update → view into an in-memory screen. No curses, no disk, no clock.
    .target(name: "TableroUI", dependencies: ["TableroCore"]),
    // 4. Thin ncurses backend: draws screen diffs, reads keys.
    .target(name: "TableroTerminal", dependencies: ["TableroUI", "CNcursesw"]),
    // 5. The executable and its CLI.
    .executableTarget(
      name: "tablero",
      dependencies: [
        "TableroCore", "TableroUI", "TableroTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "tablero-bench",
      dependencies: ["TableroJSON", "TableroCore", "TableroUI"],
      path: "Benchmarks/tablero-bench"
    ),
    .testTarget(name: "TableroJSONTests", dependencies: ["TableroJSON"]),
    .testTarget(
      name: "TableroCoreTests",
      dependencies: ["TableroCore", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(name: "TableroUITests", dependencies: ["TableroUI"]),
    .testTarget(name: "TableroTerminalTests", dependencies: ["TableroTerminal", "CNcursesw"]),
    // Fixtures: small CSV files in the encodings spreadsheets write (read by path, not as resources).
    .testTarget(name: "TableroCLITests", dependencies: ["tablero"], exclude: ["Fixtures"]),
    // The real binary in a real terminal (tmux), as a user drives it.
    .testTarget(name: "TableroEndToEndTests", dependencies: ["tablero"]),
  ]
)
