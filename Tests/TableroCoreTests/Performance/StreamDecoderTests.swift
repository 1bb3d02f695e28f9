import Foundation
import Testing
import TableroJSON

@testable import TableroCore

/// The one-pass loader (`PortfolioStreamDecoder`, issue 13) gives exactly what the tree loader
/// gives: the same portfolio and warnings, or the same error with the same problems, paths and
/// syntax positions. Each test decodes both ways and compares, so a divergence fails here.
@Suite("Stream decoder")
struct StreamDecoderTests {
  typealias Outcome = Result<LoadedPortfolio, StoreError>

  static func outcome(_ bytes: [UInt8], streaming: Bool) -> Outcome {
    do { return .success(try PortfolioCodec.decode(bytes, path: "f.json", streaming: streaming)) } catch {
      return .failure(error)
    }
  }

  /// Both roads, compared; returns the outcome for further checks.
  @discardableResult
  static func expectSame(_ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
    let tree = outcome(bytes, streaming: false)
    let streamed = outcome(bytes, streaming: true)
    #expect(streamed == tree, "\(label): the one-pass loader differs from the tree loader", sourceLocation: sourceLocation)
    return streamed
  }

  @discardableResult
  static func expectSame(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
    expectSame(Array(text.utf8), label, sourceLocation: sourceLocation)
  }

  /// How many initiatives the fast reader took (the rest went through the tree), or nil when
  /// the whole file went the tree road.
  static func fastCount(_ bytes: [UInt8]) -> (fast: Int, tree: Int)? {
    guard let read = bytes.withUnsafeBufferPointer({ PortfolioStreamDecoder.read($0) }), let list = read.initiatives
    else { return nil }
    return (list.items.count - list.readFromTree, list.readFromTree)
  }

  @Test func shippedPortfoliosLoadTheSameAndTakeTheFastRoad() throws {
    for choice in EmbeddedPortfolios.Choice.allCases {
      let bytes = Array(EmbeddedPortfolios.json(choice).utf8)
      let outcome = Self.expectSame(bytes, "\(choice)")
      let loaded = try outcome.get()
      #expect(!loaded.portfolio.initiatives.isEmpty)
      let counts = try #require(Self.fastCount(bytes))
      #expect(counts.tree == 0, "\(choice): every initiative of a shipped file is plain")
      #expect(counts.fast == loaded.portfolio.initiatives.count)
    }
  }

  @Test func everyOptionalMemberAndUnknownKeysLoadTheSame() throws {
    let portfolio = try FastSavePathTests.richPortfolio(knownKeysInExtra: false)
    let bytes = PortfolioCodec.encode(portfolio)
    let loaded = try Self.expectSame(bytes, "rich").get()
    #expect(loaded.portfolio == portfolio)
    #expect(Self.fastCount(bytes)?.tree == 0)
    // Compact (no whitespace) and re-spaced versions of the same file.
    let tree = try JSON.parse(bytes)
    Self.expectSame(JSONWriter.compactBytes(tree), "rich, compact")
    Self.expectSame(JSONWriter.write(tree, indent: 7), "rich, indent 7")
  }

  /// One initiative member changed in place, for the problem cases below.
  static func withInitiative(_ edit: (inout String) -> Void) -> String {
    var initiative = #"""
      {"id": "C1-01", "name": "Iniciativa", "component": "C1", "horizon": "short", "quickWin": false,
       "responsible": "Ana", "start": "2012-01-01", "end": "2012-12-31", "weight": 1, "actualProgress": 40,
       "milestones": [{"name": "Hito", "due": "2012-06-30", "done": null, "weight": 1}], "notes": "n"}
      """#
    edit(&initiative)
    return #"""
      {"formatVersion": 1, "name": "P", "reportDate": "2012-07-01",
       "imperatives": [{"id": "I1", "name": "Imp", "components": [{"component": "C1", "weight": 100}]}],
       "components": [{"id": "C1", "name": "Comp", "start": "2012-01-01", "end": "2012-12-31"}],
       "initiatives": [\#(initiative), {"id": "C1-02", "name": "Otra", "component": "C1", "horizon": "medium",
         "start": "2012-01-01", "end": "2012-12-31"}]}
      """#
  }

  static func replacing(_ old: String, _ new: String) -> (inout String) -> Void {
    { text in
      precondition(text.contains(old), "test fixture has no \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
  }

  @Test func theFixtureItselfIsPlain() throws {
    let bytes = Array(Self.withInitiative { _ in }.utf8)
    _ = try Self.expectSame(bytes, "fixture").get()
    #expect(Self.fastCount(bytes).map { $0.fast == 2 && $0.tree == 0 } == true)
  }

  /// Every way an initiative can be wrong, each reported with its path as the tree loader does.
  @Test(arguments: [
    // Wrong types, for every member.
    (#""id": "C1-01""#, #""id": 7"#), (#""name": "Iniciativa""#, #""name": null"#),
    (#""component": "C1""#, #""component": ["C1"]"#), (#""horizon": "short""#, #""horizon": true"#),
    (#""quickWin": false"#, #""quickWin": "no""#), (#""quickWin": false"#, #""quickWin": null"#),
    (#""responsible": "Ana""#, #""responsible": 1"#), (#""start": "2012-01-01""#, #""start": null"#),
    (#""end": "2012-12-31""#, #""end": 20121231"#), (#""weight": 1"#, #""weight": "1""#),
    (#""actualProgress": 40"#, #""actualProgress": {}"#), (#""milestones": ["#, #""milestones": {"a": 1}, "x": ["#),
    (#""notes": "n""#, #""notes": false"#),
    // Values that do not read.
    (#""name": "Iniciativa""#, #""name": "   ""#), (#""horizon": "short""#, #""horizon": "long""#),
    (#""start": "2012-01-01""#, #""start": "01/01/2012""#), (#""end": "2012-12-31""#, #""end": "2012-12-31 ""#),
    (#""actualProgress": 40"#, #""actualProgress": 1e999"#), (#""weight": 1"#, #""weight": -1e400"#),
    // Missing required members, duplicates, escaped and non-ASCII keys.
    (#""id": "C1-01", "#, ""), (#""horizon": "short", "#, ""), (#""end": "2012-12-31", "#, ""),
    (#""notes": "n""#, #""notes": "n", "notes": "m""#), (#""id": "C1-01""#, #""id": "C1-01", "id": "C1-03""#),
    (#""notes": "n""#, #""notes": "n", "x": 1, "x": 2"#), (#""quickWin""#, #""quick\u0057in""#),
    (#""notes": "n""#, #""notes": "n", "ñ": 1"#), (#""notes": "n""#, #""notes": "n", "\u212A": 1, "K": 2"#),
    // Milestones.
    (#""done": null"#, #""done": 5"#), (#""done": null"#, #""done": "ayer""#), (#""due": "2012-06-30""#, #""due": null"#),
    (#""name": "Hito""#, #""name": """#), (#""name": "Hito", "#, ""), (#""weight": 1}]"#, #""weight": 1, "weight": 2}]"#),
    (#"[{"name": "Hito""#, #"[7, {"name": "Hito""#), (#""done": null, "#, #""done": null, "x": [1, {"y": null}], "#),
    // Not an object at all.
    (#"{"id": "C1-01""#, #"["C1-01"], {"id": "C1-01""#), (#"{"id": "C1-01""#, #"null, {"id": "C1-01""#),
    (#"{"id": "C1-01""#, #"{}, {"id": "C1-01""#),
  ])
  func problemsAreReportedAsTheTreeLoaderDoes(old: String, new: String) throws {
    let text = Self.withInitiative(Self.replacing(old, new))
    let outcome = Self.expectSame(text, "\(old) → \(new)")
    if case .success = outcome {
      // Only new unknown keys and a known key spelled with an escape load; the rest are refused.
      #expect(new.contains("\"x\"") || new.contains("ñ") || new.contains("\\u0057"), "\(new) should not load")
    }
  }

  /// Values the fast reader must read exactly as the tree loader does (or leave to it).
  @Test(arguments: [
    #""actualProgress": 33.3"#, #""actualProgress": 0.1"#, #""actualProgress": -0"#, #""actualProgress": -0.0"#,
    #""actualProgress": 12.345678901234567"#, #""actualProgress": 123456789012345678"#, #""actualProgress": 4e1"#,
    #""actualProgress": 4E-1"#, #""actualProgress": 99.99999999999999"#, #""actualProgress": 1e-320"#,
    #""actualProgress": 0.000000000000001"#, #""actualProgress": 9007199254740993"#,
    #""actualProgress": 100.000000000000"#, #""actualProgress": 5e-324"#,
    #""notes": "l\u00ednea\n\"dos\"\t\\ \ud83d\ude00""#, #""notes": "ñandú 😀 e\u0301""#,
    #""start": "2012\u002d01-01""#, #""notes": "n", "extra": {"a": [1, 2, {"b": "c"}]}"#,
    #""notes": "n", "done": "no es del hito""#, #""quickWin": true"#, #""milestones": []"#,
  ])
  func valuesReadTheSame(member: String) throws {
    let key = String(member.prefix { $0 != ":" })
    let text = Self.withInitiative { initiative in
      if key == #""milestones""# {
        let list = #""milestones": [{"name": "Hito", "due": "2012-06-30", "done": null, "weight": 1}]"#
        initiative = initiative.replacingOccurrences(of: list, with: member)
        return
      }
      // Replace the member with that key, or add it.
      let pattern = try? NSRegularExpression(pattern: NSRegularExpression.escapedPattern(for: key) + #": ("[^"]*"|[^,}\]]*)"#)
      let range = NSRange(initiative.startIndex..., in: initiative)
      if let pattern, pattern.firstMatch(in: initiative, range: range) != nil {
        initiative = pattern.stringByReplacingMatches(
          in: initiative, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: member))
      } else {
        initiative = initiative.replacingOccurrences(of: #""notes": "n""#, with: member)
      }
    }
    let outcome = Self.expectSame(text, member)
    // Numbers beyond 100 are refused by the validator (the same way); the rest load.
    if case .failure(let error) = outcome, case .invalid(_, let issues) = error {
      #expect(issues.allSatisfy { if case .progressOutOfRange = $0.problem { true } else { false } }, "\(member): \(issues)")
    } else {
      #expect(throws: Never.self) { try outcome.get() }
    }
  }

  /// Broken JSON inside and around the initiatives: the same syntax error, at the same line and
  /// column, as the whole-file parser gives.
  @Test(arguments: [
    (#""notes": "n"}"#, #""notes": "n",}"#), (#""notes": "n"}"#, #""notes": "n""#), (#""weight": 1,"#, #""weight": 01,"#),
    (#""horizon": "short""#, #""horizon": "sh\ort""#), (#""quickWin": false"#, #""quickWin": fals"#),
    (#""responsible": "Ana""#, "\"responsible\": \"A\u{01}na\""), (#""notes": "n"}"#, #""notes": "n"} {"#),
    (#""notes": "n"}"#, #""notes": "n"}]}, "#), (#""notes": "n"}"#, #""notes": "n"}}"#), (#""weight": 1,"#, #""weight": 1.,"#),
    (#""done": null"#, #""done": nul"#), (#""notes": "n"}"#, #""notes": "n" "x": 1}"#), (#""name": "Iniciativa""#, #""name" "I""#),
    (#""id": "C1-01""#, #""id": "\ud800""#), (#""notes": "n"}"#, #""notes": "n"}, ]"#),
  ])
  func syntaxErrorsAreTheParsers(old: String, new: String) throws {
    let outcome = Self.expectSame(Self.withInitiative(Self.replacing(old, new)), "\(old) → \(new)")
    guard case .failure(.syntax) = outcome else {
      Issue.record("\(new): expected a syntax error, got \(outcome)")
      return
    }
  }

  @Test func bytesTheParserRefusesAreRefusedTheSame() {
    let good = Array(Self.withInitiative { _ in }.utf8)
    let name = Array("Iniciativa".utf8)
    guard let at = good.firstRange(of: name)?.lowerBound else {
      Issue.record("fixture changed")
      return
    }
    // Invalid UTF-8, NUL, a lone continuation byte, an overlong form, inside a string value.
    for bad: [UInt8] in [[0xFF], [0x00], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
      var bytes = good
      bytes.insert(contentsOf: bad, at: at + 3)
      Self.expectSame(bytes, "bytes \(bad)")
    }
    // A byte order mark, trailing content, nothing but whitespace.
    Self.expectSame([0xEF, 0xBB, 0xBF] + good, "BOM")
    Self.expectSame(good + Array(" x".utf8), "trailing")
    Self.expectSame(Array("  \n".utf8), "blank")
  }

  @Test func nestingLimitIsCountedFromTheTopAsTheParserDoes() {
    // Unknown values nested just under and just over 512 levels, inside an initiative and a
    // milestone: the fast reader passes them to the tree with the enclosing levels counted.
    for depth in [505, 506, 507, 508, 509, 510, 511] {
      let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      Self.expectSame(
        Self.withInitiative(Self.replacing(#""notes": "n""#, #""notes": "n", "x": \#(deep)"#)), "initiative depth \(depth)")
      Self.expectSame(
        Self.withInitiative(Self.replacing(#""done": null"#, #""done": null, "x": \#(deep)"#)), "milestone depth \(depth)")
    }
  }

  @Test func topLevelShapesTheFastRoadLeavesToTheTree() {
    let plain = Self.withInitiative { _ in }
    let cases: [(String, String)] = [
      ("[]", "array"), ("{}", "empty object"), ("null", "null"), ("\"x\"", "string"),
      (plain.replacingOccurrences(of: #""initiatives": ["#, with: #""initiatives": null, "initiatives": ["#), "null first"),
      (plain.replacingOccurrences(of: #""initiatives": ["#, with: #""initiatives": [], "initiatives": ["#), "duplicate array"),
      (plain.replacingOccurrences(of: #""initiatives": ["#, with: #""initiatives": [{"id": 1}], "otra": ["#), "renamed second"),
      (plain.replacingOccurrences(of: #""formatVersion": 1"#, with: #""formatVersion": 99"#), "future version"),
      (plain.replacingOccurrences(of: #""formatVersion": 1, "#, with: ""), "no version"),
      (plain.replacingOccurrences(of: #""formatVersion": 1"#, with: #""formatVersion": 1, "formatVersion": 2"#), "duplicate version"),
      (plain.replacingOccurrences(of: #""initiatives": ["#, with: #""zz": {"a": 1}, "initiatives": ["#), "unknown top-level key"),
      (plain.replacingOccurrences(of: #""initiatives": [{"#, with: #""initiatives": [ {"#), "space before the first"),
      (plain.replacingOccurrences(of: #""formatVersion": 1"#, with: #""\u0066ormatVersion": 1"#), "escaped top-level key"),
    ]
    for (text, label) in cases { Self.expectSame(text, label) }
  }

  /// The loader fuzz corpus and mutations (random bytes, truncations, hostile splices, wrong
  /// types, duplicates), every case decoded both ways.
  @Test func fuzzedFilesLoadTheSameBothWays() {
    var differing = 0
    var loaded = 0
    for index in 0..<1500 {
      let (strategy, bytes) = LoaderFuzzTests.input(index)
      let tree = Self.outcome(bytes, streaming: false)
      if case .success = tree { loaded += 1 }
      if Self.outcome(bytes, streaming: true) != tree {
        differing += 1
        if differing <= 5 { Issue.record("fuzz case \(index) (\(strategy)) differs between the two loaders") }
      }
    }
    #expect(differing == 0)
    #expect(loaded > 0, "some mutated files must load, or the comparison tests only errors")
  }

  @Test func fastReaderKnowsTheDecodersKeys() {
    #expect(InitiativeFastReader.initiativeKeyNames == PortfolioDecoder.initiativeKeys)
    #expect(InitiativeFastReader.milestoneKeyNames == PortfolioDecoder.milestoneKeys)
  }
}

/// The hash computed beside the decoding (load) or the write (save) is the file's FNV-1a.
@Suite("Background hash")
struct BackgroundHashTests {
  @Test func theHashOnASecondThreadIsTheSameAsOnThisOne() {
    var rng = LoaderFuzzTests.SplitMix(state: 99)
    for size in [0, 1, 1000, BackgroundHash.threshold - 1, BackgroundHash.threshold, 3 * BackgroundHash.threshold + 7] {
      let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      let hash = BackgroundHash(bytes)
      #expect(hash.value == FileFingerprint.fnv1a(bytes), "size \(size)")
      #expect(hash.value == FileFingerprint.fnv1a(bytes), "asked twice, size \(size)")
    }
    // Dropped without being asked (a load that failed): the thread is reaped, nothing crashes.
    for _ in 0..<20 { _ = BackgroundHash([UInt8](repeating: 7, count: BackgroundHash.threshold)) }
  }
}
