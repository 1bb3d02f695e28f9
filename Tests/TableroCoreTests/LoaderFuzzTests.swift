import Foundation
import TableroCore
import TableroJSON
import Testing

/// Random and mutated portfolio files fed to the loader. Whatever the bytes, `decode` returns
/// a portfolio or a `StoreError` naming the file (a crash would end the test process); and every
/// file that loads can be saved and loaded again unchanged, so a hostile file that gets past the
/// validator can never turn into a file that can no longer be opened.
///
/// Seeded and reproducible: case `i` uses its own generator derived from the seed and `i`, so a
/// failure message ("seed S case i") is enough to replay it alone.
///
///     TABLERO_FUZZ_CASES=100000 swift test -c release --filter LoaderFuzz   # benchmark run
///     TABLERO_FUZZ_SEED=42 TABLERO_FUZZ_ONLY=1234 swift test --filter LoaderFuzz   # one case
@Suite("Loader fuzz")
struct LoaderFuzzTests {
  static let environment = ProcessInfo.processInfo.environment
  static let cases = Int(environment["TABLERO_FUZZ_CASES"] ?? "") ?? 3000
  static let seed = UInt64(environment["TABLERO_FUZZ_SEED"] ?? "") ?? 0x7AB1_E20F
  static let only = Int(environment["TABLERO_FUZZ_ONLY"] ?? "")

  /// Valid files the mutations start from: the shipped portfolios and small ones with milestones,
  /// unknown keys, agreements and meetings.
  static let corpus: [[UInt8]] = [
    Array(EmbeddedPortfolios.json(.seed).utf8),
    Array(EmbeddedPortfolios.json(.demo).utf8),
    PortfolioCodec.encode(TestPortfolios.single(progress: 40)),
    PortfolioCodec.encode(MergeFixtures.base),
    PortfolioCodec.encode(AgreementMergeTests.base),
  ]

  /// Parsed corpus, for structural mutations (valid JSON with wrong types, duplicates, dangling ids).
  static let parsedCorpus: [JSONValue] = corpus.compactMap { try? JSON.parse($0) }

  /// Fragments that broke JSON parsers before (JSONTestSuite-style) and values at the edges.
  static let hostileFragments: [[UInt8]] = [
    "1e999999", "-1e999999", "1e-999999", "-0", "0.0000000000000000000000000000001", "123456789012345678901234567890",
    "NaN", "Infinity", "-Infinity", "nul", "tru", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\uFFFF\"",
    "\"\\x41\"", "\"\\", "\"\u{202E}evil\u{202C}\"", "\"e\u{301}\"", "\"😀\"", "[]", "{}", "[{}]", "{\"\":\"\"}", "null",
    "true", "false", "\"\"", ",", ":", "[", "]", "{", "}", "\"", "/*", "//", "0x10", "01", "1.", ".5", "+1", "1e",
    "2013-02-30", "\"2013-02-30\"", "\"9999-12-31\"", "\"0000-01-01\"", "-100", "101", "1e308", "4.9e-324",
    String(repeating: "[", count: 600), String(repeating: "{\"a\":", count: 600),
  ].map { Array($0.utf8) } + [
    [0xEF, 0xBB, 0xBF], [0x00], [0xFF], [0xFE, 0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    [0xE2, 0x82], [0x80], [0x0B], [0x7F], [0x0D], [0x09],
  ]

  /// SplitMix64: small, fast, reproducible.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
  }

  enum Strategy: String, CaseIterable {
    case randomBytes, byteMutations, truncation, hostileSplice, structural, structuralThenBytes
  }

  /// The bytes of case `index`.
  static func input(_ index: Int) -> (Strategy, [UInt8]) {
    var rng = SplitMix(state: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    let strategy = Strategy.allCases[rng.below(Strategy.allCases.count)]
    switch strategy {
    case .randomBytes:
      let alphabet = Array("{}[]\":,0123456789.-eE truefalsn\\u\n".utf8)
      let printable = rng.chance(50)
      return (
        strategy,
        (0..<rng.below(400)).map { _ in printable ? alphabet[rng.below(alphabet.count)] : UInt8(truncatingIfNeeded: rng.next()) }
      )
    case .byteMutations:
      return (strategy, mutateBytes(corpus[rng.below(corpus.count)], count: 1 + rng.below(8), &rng))
    case .truncation:
      let base = corpus[rng.below(corpus.count)]
      var bytes = Array(base[0..<rng.below(base.count)])
      if rng.chance(30) { bytes += hostileFragments[rng.below(hostileFragments.count)] }
      return (strategy, bytes)
    case .hostileSplice:
      var bytes = corpus[rng.below(corpus.count)]
      for _ in 0..<(1 + rng.below(3)) {
        let fragment = hostileFragments[rng.below(hostileFragments.count)]
        let at = rng.below(bytes.count + 1)
        if rng.chance(50), at < bytes.count {
          // Replace a token-sized run instead of inserting.
          let end = min(bytes.count, at + 1 + rng.below(12))
          bytes.replaceSubrange(at..<end, with: fragment)
        } else {
          bytes.insert(contentsOf: fragment, at: at)
        }
      }
      return (strategy, bytes)
    case .structural:
      var value = parsedCorpus[rng.below(parsedCorpus.count)]
      for _ in 0..<(1 + rng.below(4)) { mutate(&value, &rng, depth: 0) }
      return (strategy, rng.chance(50) ? JSONWriter.bytes(value) : JSONWriter.compactBytes(value))
    case .structuralThenBytes:
      var value = parsedCorpus[rng.below(parsedCorpus.count)]
      mutate(&value, &rng, depth: 0)
      return (strategy, mutateBytes(JSONWriter.compactBytes(value), count: 1 + rng.below(3), &rng))
    }
  }

  static func mutateBytes(_ original: [UInt8], count: Int, _ rng: inout SplitMix) -> [UInt8] {
    var bytes = original
    let interesting: [UInt8] = [0x22, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x5C, 0x30, 0x2D, 0x65, 0x00, 0xFF, 0xC0, 0xED, 0x0A, 0x20]
    for _ in 0..<count {
      if bytes.isEmpty { bytes = [interesting[rng.below(interesting.count)]]; continue }
      let i = rng.below(bytes.count)
      switch rng.below(7) {
      case 0: bytes[i] ^= UInt8(1 << rng.below(8))
      case 1: bytes[i] = interesting[rng.below(interesting.count)]
      case 2: bytes.insert(interesting[rng.below(interesting.count)], at: i)
      case 3: bytes.removeSubrange(i..<min(bytes.count, i + 1 + rng.below(64)))
      case 4:
        // Duplicate a run (repeated keys, repeated array elements).
        let end = min(bytes.count, i + 1 + rng.below(400))
        bytes.insert(contentsOf: Array(bytes[i..<end]), at: rng.below(bytes.count + 1))
      case 5:
        // Swap two runs.
        let j = rng.below(bytes.count)
        let n = 1 + rng.below(32)
        let a = Array(bytes[i..<min(bytes.count, i + n)])
        let b = Array(bytes[j..<min(bytes.count, j + n)])
        if i + a.count <= j || j + b.count <= i {
          let (first, second) = i < j ? ((i, a), (j, b)) : ((j, b), (i, a))
          bytes.replaceSubrange(second.0..<(second.0 + second.1.count), with: first.1)
          bytes.replaceSubrange(first.0..<(first.0 + first.1.count), with: second.1)
        }
      default: bytes[i] = UInt8(truncatingIfNeeded: rng.next())
      }
    }
    return bytes
  }

  /// A random value of any type, with ids and dates the corpus uses (so references may dangle
  /// or collide) and numbers at the edges.
  static func randomValue(_ rng: inout SplitMix, depth: Int) -> JSONValue {
    let ids = ["C1", "C1-01", "A-1", "B-2", "I1", "I2", "ACMI-04", "ECE-02", "R-1", "AC-001", "NOPE", ""]
    let strings = ids + ["2013-06-30", "2012-01-01", "2099-12-31", "2013-02-29", "short", "medium", "long", "x", "ñ😀\u{301}\u{202E}", "\u{0}"]
    let numbers = ["0", "-1", "40", "100", "100.0000001", "-0", "1e308", "1e-320", "9007199254740993", "2", "1e999999", "3.5"]
    switch rng.below(depth > 3 ? 4 : 6) {
    case 0: return .null
    case 1: return .bool(rng.chance(50))
    case 2: return .number(JSONNumber(lexeme: numbers[rng.below(numbers.count)]) ?? JSONNumber(0))
    case 3: return .string(strings[rng.below(strings.count)])
    case 4: return .array((0..<rng.below(3)).map { _ in randomValue(&rng, depth: depth + 1) })
    default:
      let keys = ["id", "name", "start", "end", "component", "actualProgress", "weight", "due", "x-extra"]
      return .object(JSONObject((0..<rng.below(3)).map { _ in (key: keys[rng.below(keys.count)], value: randomValue(&rng, depth: depth + 1)) }))
    }
  }

  /// One structural change somewhere in `value`: replace a node (wrong type, edge number,
  /// dangling id), remove a key, duplicate a key or an array element, drop an element.
  static func mutate(_ value: inout JSONValue, _ rng: inout SplitMix, depth: Int) {
    let here = depth > 0 && rng.chance(25)
    switch value {
    case .array(var items) where !items.isEmpty && !here:
      let i = rng.below(items.count)
      switch rng.below(6) {
      case 0: items.insert(items[i], at: rng.below(items.count + 1))  // duplicate ids
      case 1: items.remove(at: i)
      default: mutate(&items[i], &rng, depth: depth + 1)
      }
      value = .array(items)
    case .object(let object) where !object.isEmpty && !here:
      var pairs = object.pairs
      let i = rng.below(pairs.count)
      switch rng.below(8) {
      case 0: pairs.remove(at: i)
      case 1: pairs.insert(pairs[i], at: rng.below(pairs.count + 1))  // duplicate key
      case 2: pairs[i].value = randomValue(&rng, depth: depth)
      default: mutate(&pairs[i].value, &rng, depth: depth + 1)
      }
      value = .object(JSONObject(pairs))
    default:
      value = randomValue(&rng, depth: depth)
    }
  }

  /// With `TABLERO_FUZZ_DUMP=<folder>`, a failing case's files are written there to inspect.
  static func dump(_ index: Int, _ files: [String: [UInt8]]) {
    guard let folder = environment["TABLERO_FUZZ_DUMP"] else { return }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, bytes) in files { try? Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/case-\(index)-\(name)")) }
  }

  struct Tally {
    var loaded = 0
    var syntax = 0
    var invalid = 0
    var other = 0
    var unknownKeyOrderOnly = 0
    var slowestMs = 0.0
    var slowestCase = 0
    var bytes = 0
  }

  /// Runs case `index`; records an issue for anything but a clear outcome.
  static func check(_ index: Int, tally: inout Tally) {
    let (strategy, bytes) = input(index)
    tally.bytes += bytes.count
    let label = "seed \(seed) case \(index) (\(strategy.rawValue), \(bytes.count) bytes)"
    let clock = ContinuousClock()
    let start = clock.now
    let result: Result<LoadedPortfolio, StoreError>
    do { result = .success(try PortfolioCodec.decode(bytes, path: "fuzz.json")) } catch { result = .failure(error) }
    let elapsed = clock.now - start
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    if ms > tally.slowestMs { tally.slowestMs = ms; tally.slowestCase = index }
    switch result {
    case .failure(let error):
      switch error {
      case .syntax: tally.syntax += 1
      case .invalid(_, let issues):
        tally.invalid += 1
        if !issues.contains(where: { $0.severity == .error }) { Issue.record("\(label): invalid without an error") }
      default: tally.other += 1
      }
      for language in [Language.es, .en] {
        let text = error.describe(language)
        if !text.hasPrefix("fuzz.json: ") || text.count < 20 { Issue.record("\(label): unclear message \(text)") }
      }
    case .success(let loaded):
      tally.loaded += 1
      // Whatever loaded saves and loads back to the same portfolio, byte-stable from then on.
      let saved = PortfolioCodec.encode(loaded.portfolio)
      do {
        let again = try PortfolioCodec.decode(saved, path: "fuzz.json")
        if again.portfolio != loaded.portfolio, PortfolioCodec.encode(again.portfolio) == saved {
          // A difference the file cannot show: the order of unknown keys (known issue, below).
          tally.unknownKeyOrderOnly += 1
        } else if again.portfolio != loaded.portfolio {
          Issue.record("\(label): save → load changed the portfolio")
          var first = "", second = ""
          Swift.dump(loaded.portfolio, to: &first)
          Swift.dump(again.portfolio, to: &second)
          dump(index, ["input.json": bytes, "saved.json": saved, "loaded.txt": Array(first.utf8), "again.txt": Array(second.utf8)])
        }
        if PortfolioCodec.encode(again.portfolio) != saved { Issue.record("\(label): encoding is not stable") }
      } catch {
        Issue.record("\(label): loaded, but its saved form does not load: \(error.describe(.en))")
      }
    }
  }

  @Test func randomAndMutatedFilesNeverCrashTheLoader() {
    var tally = Tally()
    let clock = ContinuousClock()
    let start = clock.now
    let range = Self.only.map { $0...$0 } ?? 0...(Self.cases - 1)
    for index in range { Self.check(index, tally: &tally) }
    let elapsed = clock.now - start
    let total = range.count
    // Each strategy must reach both outcomes now and then, or the fuzzer tests nothing.
    if Self.only == nil, total >= 1000 {
      #expect(tally.loaded > 0, "no mutated file ever loaded")
      #expect(tally.syntax > 0 && tally.invalid > 0)
    }
    // Unknown keys keep their file order through a save (PortfolioEncoder.appending).
    #expect(tally.unknownKeyOrderOnly == 0, "\(tally.unknownKeyOrderOnly) loaded files differ after save → load only in the order of unknown keys")
    print(
      "Loader fuzz: \(total) cases (seed \(Self.seed)), \(tally.bytes / 1_048_576) MiB in \(elapsed); 0 crashes; "
        + "\(tally.loaded) loaded (all round-trip; \(tally.unknownKeyOrderOnly) only modulo the order of unknown keys), \(tally.syntax) syntax errors, \(tally.invalid) invalid, \(tally.other) other; "
        + "slowest case \(tally.slowestCase): \(String(format: "%.1f", tally.slowestMs)) ms")
  }
}
