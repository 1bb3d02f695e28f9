import Foundation
import Testing
import TableroJSON

@testable import TableroCore

/// The one-pass loader reads the `indicators` array with `IndicatorFastReader` and gives exactly
/// what the tree loader gives: the same portfolio and warnings, or the same error with the same
/// problems and paths. Each test decodes both ways (`StreamDecoderTests.expectSame`) and compares.
@Suite("Indicator stream decoder")
struct IndicatorStreamDecoderTests {
  typealias S = StreamDecoderTests

  /// How many indicators the fast reader took and how many went through the tree; nil when the
  /// whole file went the tree road or had no `indicators` array.
  static func indicatorCounts(_ bytes: [UInt8]) -> (fast: Int, tree: Int)? {
    guard let read = bytes.withUnsafeBufferPointer({ PortfolioStreamDecoder.read($0) }), let list = read.indicators
    else { return nil }
    return (list.items.count - list.readFromTree, list.readFromTree)
  }

  /// A portfolio whose first indicator has every member, missing values with their reasons and
  /// measurements with note and author; the second has only the required ones.
  static func withIndicator(_ edit: (inout String) -> Void) -> String {
    var indicator = #"""
      {"id": "1.1", "name": "Indicador", "owner": "I1", "unit": "%", "kind": "management", "trend": "descending",
       "periodicity": "quarterly", "accumulation": "cumulative", "baseline": {"year": 2011, "value": 45, "note": "b"},
       "goals": [{"year": 2013, "value": null, "reason": "N.D."}, {"year": 2014, "value": 30.5}],
       "finalGoal": {"year": 2015, "value": 20, "reason": "", "note": "f"}, "method": "m", "source": "s",
       "measurements": [{"date": "2012-03-31", "value": 44, "note": "n", "by": "Ana"},
         {"date": "2012-06-30", "value": null, "reason": "N.A."}]}
      """#
    edit(&indicator)
    return #"""
      {"formatVersion": 1, "name": "P", "reportDate": "2012-07-01",
       "imperatives": [{"id": "I1", "name": "Imp", "components": [{"component": "C1", "weight": 100}]}],
       "components": [{"id": "C1", "name": "Comp", "start": "2012-01-01", "end": "2012-12-31"}],
       "initiatives": [{"id": "C1-01", "name": "Otra", "component": "C1", "horizon": "medium",
         "start": "2012-01-01", "end": "2012-12-31"}],
       "indicators": [\#(indicator), {"id": "1.2", "name": "Otro", "owner": "C1"}]}
      """#
  }

  @Test func shippedIndicatorsLoadTheSameAndTakeTheFastRoad() throws {
    var total = 0
    for choice in EmbeddedPortfolios.Choice.allCases {
      let bytes = Array(EmbeddedPortfolios.json(choice).utf8)
      let loaded = try S.expectSame(bytes, "\(choice)").get()
      guard !loaded.portfolio.indicators.isEmpty else { continue }
      let counts = try #require(Self.indicatorCounts(bytes))
      #expect(counts.tree == 0, "\(choice): every indicator of a shipped file is plain")
      #expect(counts.fast == loaded.portfolio.indicators.count)
      total += counts.fast
    }
    #expect(total > 0, "some shipped portfolio has indicators")
  }

  @Test func everyOptionalMemberAndMissingValuesLoadTheSame() throws {
    let bytes = Array(Self.withIndicator { _ in }.utf8)
    let loaded = try S.expectSame(bytes, "fixture").get()
    #expect(Self.indicatorCounts(bytes).map { $0.fast == 2 && $0.tree == 0 } == true)
    let x = try #require(loaded.portfolio.indicators.first)
    #expect(x.unit == "%" && x.kind == .management && x.trend == .descending && x.periodicity == .quarterly)
    #expect(x.accumulation == .cumulative && x.method == "m" && x.source == "s")
    #expect(x.baseline == IndicatorTarget(year: 2011, value: 45, note: "b"))
    #expect(x.goals == [IndicatorTarget(year: 2013, value: nil, reason: "N.D."), IndicatorTarget(year: 2014, value: 30.5)])
    #expect(x.finalGoal == IndicatorTarget(year: 2015, value: 20, note: "f"))
    #expect(x.measurements.map(\.reason) == ["", "N.A."])
    #expect(x.measurements.map(\.value) == [44, nil])
    #expect(x.measurements.first?.by == "Ana")
    // Saved by the app, compact, and re-spaced: the same both ways, all of it fast.
    let saved = PortfolioCodec.encode(loaded.portfolio)
    #expect(try S.expectSame(saved, "saved").get().portfolio.indicators == loaded.portfolio.indicators)
    #expect(Self.indicatorCounts(saved)?.tree == 0)
    let tree = try JSON.parse(bytes)
    S.expectSame(JSONWriter.compactBytes(tree), "compact")
    S.expectSame(JSONWriter.write(tree, indent: 7), "indent 7")
  }

  /// Unknown keys on every object are kept, in file order, the same both ways; a goal's member
  /// name on a measurement (and the reverse) is an unknown key there.
  @Test(arguments: [
    (#""source": "s","#, #""source": "s", "x": {"a": [1, {"b": null}]}, "y": 2,"#),
    (#""note": "b"}"#, #""note": "b", "date": "2012-01-01", "extra": [true]}"#),
    (#""reason": "N.D."}"#, #""reason": "N.D.", "by": "Ana"}"#),
    (#""by": "Ana"}"#, #""by": "Ana", "year": 2012, "z": {}}"#),
    (#""note": "f"}"#, #""note": "f", "k": "v"}"#),
    (#""value": 30.5"#, #""value": 3.05e1"#), (#""year": 2014"#, #""year": 2014.0"#),
    (#""baseline": {"year": 2011, "value": 45, "note": "b"}"#, #""baseline": null"#),
    (#""finalGoal": {"year": 2015, "value": 20, "reason": "", "note": "f"}"#, #""finalGoal": null"#),
    (#""goals": [{"year": 2013, "value": null, "reason": "N.D."}, {"year": 2014, "value": 30.5}]"#, #""goals": []"#),
    (#""date": "2012-06-30""#, #""date": "2012-01-30""#),  // out of order: a warning, both ways
    (#""name": "Indicador""#, #""name": "Indicad\u00f3r \"1\" 😀""#), (#""value": 44"#, #""value": -0"#),
  ])
  func unknownKeysAndOtherValuesLoadTheSame(old: String, new: String) throws {
    let text = Self.withIndicator(S.replacing(old, new))
    let loaded = try S.expectSame(text, "\(old) → \(new)").get()
    #expect(loaded.portfolio.indicators.count == 2)
    #expect(Self.indicatorCounts(Array(text.utf8))?.tree == 0, "\(new) is plain")
  }

  /// Every way an indicator can be wrong, each reported with its path as the tree loader does.
  @Test(arguments: [
    // Wrong types, for every member.
    (#""id": "1.1""#, #""id": 7"#), (#""name": "Indicador""#, #""name": null"#), (#""owner": "I1""#, #""owner": ["I1"]"#),
    (#""unit": "%""#, #""unit": 1"#), (#""kind": "management""#, #""kind": null"#), (#""trend": "descending""#, #""trend": 1"#),
    (#""periodicity": "quarterly""#, #""periodicity": 4"#), (#""accumulation": "cumulative""#, #""accumulation": false"#),
    (#""baseline": {"#, #""baseline": "2011", "b": {"#), (#""goals": ["#, #""goals": {"a": 1}, "g": ["#),
    (#""finalGoal": {"#, #""finalGoal": 2015, "f": {"#), (#""method": "m""#, #""method": {}"#),
    (#""source": "s""#, #""source": null"#), (#""measurements": ["#, #""measurements": "none", "m": ["#),
    // Values that do not read.
    (#""name": "Indicador""#, #""name": "  ""#), (#""kind": "management""#, #""kind": "tactical""#),
    (#""trend": "descending""#, #""trend": "up""#), (#""periodicity": "quarterly""#, #""periodicity": "weekly""#),
    (#""accumulation": "cumulative""#, #""accumulation": "Cumulative""#),
    // Goals: year missing, out of range, not an integer, not a number; value and texts of the wrong type.
    (#"{"year": 2011, "#, "{"), (#""year": 2011"#, #""year": 1800"#), (#""year": 2014"#, #""year": 2201"#),
    (#""year": 2014"#, #""year": 2014.5"#), (#""year": 2015"#, #""year": "2015""#), (#""year": 2013"#, #""year": 1e999"#),
    (#""value": 30.5"#, #""value": "30.5""#), (#""value": 20"#, #""value": 1e400"#), (#""reason": "N.D.""#, #""reason": 5"#),
    (#""note": "f""#, #""note": null"#), (#""goals": [{"#, #""goals": [7, {"#), (#""goals": [{"#, #""goals": [{}, {"#),
    (#""value": 45"#, #""value": 45, "value": 46"#), (#""note": "b""#, #""note": "b", "x": 1, "x": 2"#),
    // Measurements: date missing, wrong, of the wrong type; value, reason, note, by of the wrong type; not objects.
    (#""date": "2012-03-31", "#, ""), (#""date": "2012-03-31""#, #""date": "31/03/2012""#),
    (#""date": "2012-03-31""#, #""date": 20120331"#), (#""value": 44"#, #""value": true"#), (#""value": 44"#, #""value": 1e999"#),
    (#""reason": "N.A.""#, #""reason": ["N.A."]"#), (#""note": "n""#, #""note": 1"#), (#""by": "Ana""#, #""by": null"#),
    (#""measurements": [{"#, #""measurements": [null, {"#), (#""measurements": [{"#, #""measurements": [{}, {"#),
    (#""date": "2012-03-31""#, #""date": "2012-03-31", "date": "2012-04-30""#), (#""by": "Ana""#, #""by": "Ana", "by": "Luis""#),
    // Missing required members, duplicates, escaped and non-ASCII keys.
    (#""id": "1.1", "#, ""), (#""name": "Indicador", "#, ""), (#""owner": "I1", "#, ""),
    (#""unit": "%""#, #""unit": "%", "unit": "$""#), (#""source": "s""#, #""source": "s", "q": 1, "q": 2"#),
    (#""kind""#, #""k\u0069nd""#), (#""source": "s""#, #""source": "s", "ñ": 1"#), (#""note": "n""#, #""n\u006fte": "n""#),
    // Not an object at all; the model's rules (owner, duplicate id) after a fast read.
    (#"{"id": "1.1""#, #"7, {"id": "1.1""#), (#"{"id": "1.1""#, #"{}, {"id": "1.1""#), (#""owner": "I1""#, #""owner": "C1-01""#),
    (#""owner": "I1""#, #""owner": "NADIE""#), (#""id": "1.1""#, #""id": "1.2""#), (#""id": "1.1""#, #""id": "C1""#),
  ])
  func problemsAreReportedAsTheTreeLoaderDoes(old: String, new: String) throws {
    let text = Self.withIndicator(S.replacing(old, new))
    let outcome = S.expectSame(text, "\(old) → \(new)")
    if case .success = outcome {
      // Only unknown keys (and known keys spelled with an escape) load; the rest are refused.
      #expect(new.contains("ñ") || new.contains("\\u00"), "\(new) should not load")
    }
  }

  /// The `indicators` member itself: missing, not an array, repeated, empty.
  @Test func theIndicatorsMemberItselfIsReadAsTheTreeLoaderDoes() {
    let list = #""indicators": ["#
    for new in [
      #""indicators": null, "i": ["#, #""indicators": {}, "i": ["#, #""indicators": [], "indicators": ["#, #""i": ["#,
      #""indicators": [], "i": ["#,
    ] {
      S.expectSame(Self.withIndicator { _ in }.replacingOccurrences(of: list, with: new), new)
    }
  }

  /// Unknown values nested near the parser's depth limit, inside a measurement, a goal and the
  /// indicator: accepted or refused (syntax error) alike, so the reader counts depth as the parser does.
  @Test func nestingNearTheDepthLimitIsTheParsers() {
    var outcomes: Set<String> = []
    for depth in (JSONParser.defaultMaxDepth - 8)...(JSONParser.defaultMaxDepth - 1) {
      let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      for (old, new) in [
        (#""by": "Ana""#, #""by": "Ana", "x": \#(nested)"#), (#""reason": "N.D.""#, #""reason": "N.D.", "x": \#(nested)"#),
        (#""note": "b""#, #""note": "b", "x": \#(nested)"#), (#""source": "s""#, #""source": "s", "x": \#(nested)"#),
      ] {
        let outcome = S.expectSame(Self.withIndicator(S.replacing(old, new)), "\(old) at depth \(depth)")
        if case .failure(.syntax) = outcome { outcomes.insert("syntax") } else { outcomes.insert("other") }
      }
    }
    #expect(outcomes == ["syntax", "other"], "the range must straddle the limit")
  }

  @Test func fastReaderKnowsTheDecodersKeys() {
    #expect(IndicatorFastReader.indicatorKeyNames == PortfolioDecoder.indicatorKeys)
    #expect(IndicatorFastReader.partKeyNames == PortfolioDecoder.targetKeys.union(PortfolioDecoder.measurementKeys))
  }
}
