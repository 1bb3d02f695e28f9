import Foundation
import TableroCore
import Testing

/// The hostile inputs of the reliability issue that `HostileInputTests` (byte-level cases) and
/// `StoreTests` (missing, 0-byte file, directory) do not cover: huge strings, deep object
/// nesting, files over the size limit, symlinks (dangling, looping, and a whole session through
/// one). Every case ends in a portfolio or a clear `StoreError` naming the file, quickly, and
/// never writes to the file.
@Suite("Hostile files")
struct HostileFileTests {
  static let seed = EmbeddedPortfolios.json(.seed)

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  /// The seed portfolio with its `"name"` replaced by `value` (a JSON text).
  static func seedWithName(_ value: [UInt8]) -> [UInt8] {
    let bytes = Array(seed.utf8)
    let key = Array("\"name\": ".utf8)
    guard let at = (0..<(bytes.count - key.count)).first(where: { Array(bytes[$0..<($0 + key.count)]) == key }) else {
      preconditionFailure("no name key in the seed")
    }
    let valueStart = at + key.count
    var end = valueStart + 1
    while bytes[end] != 0x22 { end += 1 }
    return Array(bytes[..<valueStart]) + value + Array(bytes[(end + 1)...])
  }

  /// A 50 MB string value: a valid file, stored as read, in bounded time.
  @Test func aFiftyMegabyteNameLoadsAndRoundTrips() throws {
    let size = 50 << 20
    var value = [UInt8](repeating: 0x61, count: size + 2)
    value[0] = 0x22
    value[size + 1] = 0x22
    let bytes = Self.seedWithName(value)
    var loaded: LoadedPortfolio?
    let time = try Self.seconds { loaded = try PortfolioCodec.decode(bytes, path: "big.json") }
    #expect(loaded?.portfolio.name.utf8.count == size)
    #expect(time < 20, "50 MB string took \(time) s")
  }

  /// 8 MB of escapes (\u00e9 and surrogate pairs), then the same cut short: a portfolio, then
  /// a syntax error with its line and column (cut inside a pair: the lone surrogate is named).
  @Test func aLongEscapedStringAndItsTruncation() throws {
    let unit = Array("\\u00e9\\ud83d\\ude00 ".utf8)
    var value: [UInt8] = [0x22]
    value.reserveCapacity(8 << 20)
    while value.count < 8 << 20 { value += unit }
    value.append(0x22)
    let whole = Self.seedWithName(value)
    let portfolio = try PortfolioCodec.decode(whole, path: "big.json").portfolio
    #expect(portfolio.name.hasPrefix("é😀 é😀 "))
    #expect(portfolio.name.unicodeScalars.count == (value.count - 2) / unit.count * 3)
    // Unterminated: the file ends inside the string, between two escapes.
    let valueStart = try #require(whole.firstIndex(of: 0x5C))
    let cut = Array(whole[..<(valueStart + unit.count * 1000)])
    #expect {
      try PortfolioCodec.decode(cut, path: "big.json")
    } throws: { error in
      guard let error = error as? StoreError, case .syntax = error else { return false }
      let text = error.describe(.es)
      return text.hasPrefix("big.json: línea ") && text.contains("truncado")
    }
    // Cut between the two halves of a surrogate pair.
    let half = Array(whole[..<(valueStart + unit.count * 1000 + 12)]) + [0x22, 0x7D]
    #expect {
      try PortfolioCodec.decode(half, path: "big.json")
    } throws: { error in
      guard let error = error as? StoreError, case .syntax = error else { return false }
      let text = error.describe(.es)
      return text.hasPrefix("big.json: línea ") && text.contains("sustituto")
    }
  }

  /// A huge string where a number or a date is expected: a type error with its path, not a
  /// 50 MB message.
  @Test func aHugeStringOfTheWrongTypeGivesAShortMessage() throws {
    let huge = "\"" + String(repeating: "9", count: 5 << 20) + "\""
    let text = Self.seed.replacingOccurrences(of: "\"tolerance\": -30", with: "\"tolerance\": \(huge)")
    #expect(text != Self.seed, "the seed has no tolerance -30: adjust the test")
    do {
      _ = try PortfolioCodec.decode(Array(text.utf8), path: "x.json")
      Issue.record("a string tolerance loaded")
    } catch {
      let message = error.describe(.es)
      #expect(message.contains("$.tolerance"), "\(message.prefix(300))")
      #expect(message.utf8.count < 2000, "the message repeats the huge value (\(message.utf8.count) bytes)")
    }
  }

  @Test(arguments: ["{\"a\":", "[{\"a\":", "{\"a\":[", "[\"x\",{\"\":"])
  func hundredThousandLevelsOfObjectsAreRefused(_ unit: String) {
    let bytes = Array(String(repeating: unit, count: 100_000).utf8)
    do {
      _ = try PortfolioCodec.decode(bytes, path: "deep.json")
      Issue.record("loaded")
    } catch {
      guard case .syntax = error else { Issue.record("\(error)"); return }
      #expect(error.describe(.es).contains("anidamiento demasiado profundo"), "\(error.describe(.es))")
    }
  }

  /// A file over `PortfolioStore.sizeLimit` is refused from its size, before any byte is read
  /// (a sparse file: no disk space, no memory).
  @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
    let folder = try TempFolder()
    let path = folder.file("enorme.json")
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    #expect(fd >= 0)
    #expect(ftruncate(fd, off_t(PortfolioStore.sizeLimit + 1)) == 0)
    close(fd)
    var thrown: StoreError?
    let time = Self.seconds {
      do { _ = try PortfolioStore.load(from: path) } catch let error as StoreError { thrown = error } catch {}
    }
    #expect(thrown == .tooLarge(path: path, bytes: PortfolioStore.sizeLimit + 1))
    #expect(thrown?.describe(.es).contains("demasiado grande (1024 MiB)") == true, "\(thrown?.describe(.es) ?? "")")
    #expect(time < 1, "refusing took \(time) s: the file was read")
    // A session refuses it the same way and leaves no lock or journal behind.
    #expect(throws: StoreError.tooLarge(path: path, bytes: PortfolioStore.sizeLimit + 1)) {
      try PortfolioSession.open(path: path, user: "ana", host: "h")
    }
    #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
  }

  @Test func aDanglingSymlinkAndASymlinkLoopAreClearErrors() throws {
    let folder = try TempFolder()
    let dangling = folder.file("colgado.json")
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.file("no-existe.json"))
    #expect(throws: StoreError.notFound(path: dangling)) { try PortfolioStore.load(from: dangling) }
    let a = folder.file("a.json")
    let b = folder.file("b.json")
    try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
    try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
    do {
      _ = try PortfolioStore.load(from: a)
      Issue.record("a symlink loop loaded")
    } catch {
      #expect(error.path == a)
      #expect(error.describe(.es).hasPrefix(a + ": "))
    }
  }

  /// A whole editing session through a symlink (a portfolio kept in a synced folder, linked
  /// from home): it loads through the link, the save replaces the target and keeps the link,
  /// the backup sits beside the target, and nothing is left behind.
  @Test func aSessionThroughASymlinkKeepsTheLink() throws {
    let data = try DataFolder(TestPortfolios.single(progress: 40))
    let elsewhere = try TempFolder()
    let link = elsewhere.file("enlace.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data.path)
    let session = try PortfolioSession.open(path: link, user: "ana", host: SessionIdentity.hostName())
    #expect(session.access == .readWrite)
    #expect(session.baseline.initiatives[0].actualProgress == 40)
    var portfolio = session.baseline
    let edit = Edit.setProgress(id: "C1-01", value: 65, note: "por el enlace", day: TestPortfolios.day("2012-07-01"))
    try portfolio.apply(edit)
    try session.record(.edit(edit))
    #expect(FileManager.default.fileExists(atPath: session.journalPath))
    try session.save(portfolio)
    session.close()

    var info = stat()
    #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
    #expect(try data.load().initiatives[0].actualProgress == 65)
    #expect(try PortfolioStore.load(from: link).portfolio.initiatives[0].actualProgress == 65)
    #expect(try PortfolioStore.load(from: data.path + ".bak").portfolio.initiatives[0].actualProgress == 40)
    #expect(data.temporaries.isEmpty, "\(data.entries)")
    let beside = (try? FileManager.default.contentsOfDirectory(atPath: elsewhere.path)) ?? []
    #expect(beside.allSatisfy { ["enlace.json", "enlace.json.historial.jsonl", "enlace.json.revisiones.jsonl"].contains($0) }, "\(beside)")
  }

  /// Loading never writes: a failed load of every kind leaves the bytes and the folder as they were.
  @Test func failedLoadsLeaveNoTrace() throws {
    let folder = try TempFolder()
    let cases: [(String, [UInt8])] = [
      ("vacio.json", []), ("bom.json", [0xEF, 0xBB, 0xBF] + Array("{}".utf8)), ("nul.json", [0, 0, 0]),
      ("profundo.json", Array(String(repeating: "[", count: 100_000).utf8)), ("numero.json", Array("1e999999".utf8)),
    ]
    for (name, bytes) in cases {
      let path = try folder.write(name, bytes)
      #expect(throws: StoreError.self) { try PortfolioSession.open(path: path, user: "ana", host: "h") }
      #expect(try folder.read(name) == bytes, "\(name)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == cases.map(\.0).sorted(), "\(left)")
  }
}
