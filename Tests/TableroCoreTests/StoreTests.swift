import Foundation
import Testing
import TableroCore
import TableroJSON

/// Files in a fresh temporary folder per test.
struct TempFolder {
  let path: String
  init() throws {
    path = NSTemporaryDirectory() + "tablero-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  func file(_ name: String) -> String { "\(path)/\(name)" }
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let p = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: p))
    return p
  }
  func read(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name)))) }
}

enum RepoFiles {
  /// The repository root, found from this file so tests do not depend on the working directory.
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }
  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }
}

@Suite struct EmbeddedAssetTests {
  @Test(arguments: EmbeddedPortfolios.Choice.allCases)
  func embeddedCopyMatchesAssetFile(_ choice: EmbeddedPortfolios.Choice) throws {
    let file = choice == .seed ? "Assets/portafolio-ssa.json" : "Assets/portafolio-demo.json"
    #expect(Array(EmbeddedPortfolios.json(choice).utf8) == (try RepoFiles.bytes(file)), "run scripts/embed-assets.py")
  }

  @Test(arguments: EmbeddedPortfolios.Choice.allCases)
  func shippedPortfoliosLoadWithoutErrorsAndSaveByteIdentical(_ choice: EmbeddedPortfolios.Choice) throws {
    let loaded = try EmbeddedPortfolios.load(choice)
    #expect(PortfolioCodec.encode(loaded.portfolio) == Array(EmbeddedPortfolios.json(choice).utf8))
  }

  @Test func seedMatchesCuadro9() throws {
    let p = try EmbeddedPortfolios.load(.seed).portfolio
    #expect(p.reportDate.display == "01/09/2011")
    #expect(p.tolerance == -30)
    #expect(p.imperatives.map(\.id) == ["RTE", "OAM", "CAM", "IOS"])
    #expect(p.imperatives[0].members.map(\.componentID) == ["ECE", "PGS", "INTS", "GPC", "PMSRS", "RHS", "CA", "MLG"])
    #expect(p.imperatives[1].members.map(\.componentID) == ["ECE", "INTS", "GPC", "ACMI", "CA", "MLG"])
    #expect(p.imperatives[2].members.map(\.componentID) == ["ECE", "GPC", "PMSRS", "RHS", "CA", "MLG"])
    #expect(p.imperatives[3].members.isEmpty)
    let dates = p.components.map { "\($0.id) \($0.start.display) \($0.end.display)" }
    #expect(dates == [
      "ECE 01/10/2011 31/12/2016", "PGS 01/10/2011 30/11/2018", "INTS 01/01/2013 31/12/2030",
      "GPC 01/01/2013 31/12/2018", "PMSRS 01/01/2013 31/12/2016", "ACMI 01/01/2013 31/12/2015",
      "RHS 02/04/2016 31/12/2018", "CA 01/01/2013 31/12/2018", "MLG 01/10/2011 30/08/2014",
    ])
    #expect(p.components.allSatisfy { $0.phases.ranges.count == 3 })
    let status = StatusEngine().evaluate(p)
    #expect(status.imperatives.map { Format.date($0.start) + "–" + Format.date($0.end) } == [
      "01/10/2011–31/12/2030", "01/10/2011–31/12/2030", "01/10/2011–31/12/2018", "01/10/2011–31/12/2030",
    ])
    #expect(status.components.allSatisfy { $0.expected == 0 && $0.actual == 0 && $0.level == .notStarted })
    #expect(status.imperatives[3].level == .noComponents)
  }

  @Test func demoShowsAllFourStates() throws {
    let p = try EmbeddedPortfolios.load(.demo).portfolio
    let levels = Set(StatusEngine().evaluate(p).initiatives.map(\.level))
    #expect(levels.isSuperset(of: [.notStarted, .onTrack, .minorDeviation, .majorDeviation]))
  }
}

@Suite struct StoreTests {
  @Test func saveThenLoadRoundTripsAndKeepsUnknownFields() throws {
    let folder = try TempFolder()
    var text = EmbeddedPortfolios.json(.seed)
    text = text.replacingOccurrences(of: "\"formatVersion\": 2,", with: "\"formatVersion\": 2,\n  \"zzOwner\": {\"team\": \"DGIS\"},")
    let path = try folder.write("p.json", Array(text.utf8))
    let loaded = try PortfolioStore.load(from: path)
    #expect(loaded.portfolio.extra["zzOwner"] != nil)
    try PortfolioStore.save(loaded.portfolio, to: path)
    let again = try PortfolioStore.load(from: path)
    #expect(again.portfolio == loaded.portfolio)
    let saved = String(decoding: try folder.read("p.json"), as: UTF8.self)
    #expect(saved.contains("\"zzOwner\": {\n    \"team\": \"DGIS\"\n  }"))
    // No temporary file is left behind; the previous version is kept as the backup.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["p.json", "p.json.bak"])
  }

  @Test func savingKeepsPermissions() throws {
    let folder = try TempFolder()
    let path = try folder.write("p.json", Array(EmbeddedPortfolios.json(.seed).utf8))
    chmod(path, 0o600)
    let loaded = try PortfolioStore.load(from: path)
    try PortfolioStore.save(loaded.portfolio, to: path)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test func createRefusesToOverwrite() throws {
    let folder = try TempFolder()
    let path = try folder.write("p.json", Array("{}".utf8))
    let portfolio = try EmbeddedPortfolios.load(.seed).portfolio
    #expect(throws: StoreError.alreadyExists(path: path)) { try PortfolioStore.create(portfolio, at: path, force: false) }
    #expect(try folder.read("p.json") == Array("{}".utf8))
    try PortfolioStore.create(portfolio, at: folder.file("sub/dir/new.json"), force: false)
    #expect(PortfolioStore.exists(folder.file("sub/dir/new.json")))
  }

  @Test func saveToMissingFolderFailsAndSaysWhy() throws {
    let portfolio = try EmbeddedPortfolios.load(.seed).portfolio
    #expect(throws: StoreError.self) { try PortfolioStore.save(portfolio, to: "/nonexistent-folder-xyz/p.json") }
  }

  @Test func missingEmptyAndDirectoryAreDistinct() throws {
    let folder = try TempFolder()
    #expect(throws: StoreError.notFound(path: folder.file("nope.json"))) { try PortfolioStore.load(from: folder.file("nope.json")) }
    let empty = try folder.write("empty.json", [])
    #expect(throws: StoreError.empty(path: empty)) { try PortfolioStore.load(from: empty) }
    #expect(throws: StoreError.isDirectory(path: folder.path)) { try PortfolioStore.load(from: folder.path) }
  }

  @Test func defaultLocationOrder() {
    #expect(DataLocation.resolve(explicit: "/a.json", environment: ["TABLERO_FILE": "/b.json"]) == "/a.json")
    #expect(DataLocation.resolve(explicit: nil, environment: ["TABLERO_FILE": "/b.json", "XDG_DATA_HOME": "/x"]) == "/b.json")
    #expect(DataLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/tablero/portafolio.json")
    #expect(DataLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/tablero/portafolio.json")
  }
}

@Suite struct UnknownKeyOrderTests {
  @Test func unknownKeysKeepTheirFileOrderAndSavesAreByteIdentical() throws {
    var text = EmbeddedPortfolios.json(.seed)
    // Unknown keys after the known ones, deliberately not in alphabetical order.
    guard let last = text.range(of: "\n}", options: .backwards) else { Issue.record("no end"); return }
    text.replaceSubrange(last, with: ",\n  \"zeta\": 1,\n  \"alfa\": [\n    true\n  ]\n}")
    let bytes = Array(text.utf8)
    let loaded = try PortfolioCodec.decode(bytes, path: "x.json")
    #expect(loaded.portfolio.extra.keys == ["zeta", "alfa"])
    #expect(PortfolioCodec.encode(loaded.portfolio) == bytes)
  }
}

@Suite struct NonRegularFileTests {
  @Test func aFifoWithNoWriterIsAnErrorNotAHang() throws {
    let folder = try TempFolder()
    let path = folder.file("fifo")
    #expect(mkfifo(path, 0o600) == 0)
    #expect(throws: StoreError.empty(path: path)) { try PortfolioStore.load(from: path) }
  }
}
