import Testing
import TableroJSON
@testable import TableroCore

/// The plain-shape reader of measurements (Indicator+JSON.swift) gives what the general decoder
/// gives, and steps aside for anything with a problem to report or an unknown key to keep.
@Suite struct IndicatorDecodeTests {
  static func value(_ text: String) throws -> JSONValue { try JSON.parse(text) }

  @Test func thePlainShapeMatchesTheGeneralDecoder() throws {
    let plain = [
      #"{"date": "2013-06-30", "value": 42}"#,
      #"{"date": "2013-06-30", "value": 42.125, "note": "Corte, «junio»", "by": "ana"}"#,
      #"{"value": null, "reason": "N.D.", "date": "2012-12-31"}"#,
      #"{"date": "2012-12-31", "value": -0.5, "reason": "", "note": "", "by": ""}"#,
      #"{"date": "2012-12-31"}"#,
    ]
    for text in plain {
      var issues: [ValidationIssue] = []
      let general = PortfolioDecoder.decodeMeasurement(try Self.value(text), path: "$.x", issues: &issues)
      #expect(issues.isEmpty)
      let fast = try #require(PortfolioDecoder.plainMeasurement(try Self.value(text)), "\(text)")
      #expect(fast == general, "\(text)")
    }
  }

  @Test func anythingElseGoesTheLongWay() throws {
    let other = [
      #"{"date": "2013-02-30", "value": 42}"#,  // no such day: an error with its place
      #"{"date": "2013-06-30", "value": "42"}"#,  // a text as value
      #"{"date": "2013-06-30", "value": 1, "value": 2}"#,  // a repeated key
      #"{"date": "2013-06-30", "value": 1, "fuente": "x"}"#,  // an unknown key, kept
      #"{"value": 1}"#,  // no date
      #"[1, 2]"#,
      #"{"date": "2013-06-30", "value": 1, "note": 5}"#,
    ]
    for text in other { #expect(PortfolioDecoder.plainMeasurement(try Self.value(text)) == nil, "\(text)") }
  }

  @Test func aFileDecodesTheSameAsBefore() throws {
    let demo = try EmbeddedPortfolios.load(.demo).portfolio
    let bytes = PortfolioCodec.encode(demo)
    let again = try PortfolioCodec.decode(bytes, path: "demo.json").portfolio
    #expect(again.indicators == demo.indicators)
    #expect(again.indicators.contains { $0.measurements.contains { $0.value == nil && !$0.reason.isEmpty } })
  }
}
