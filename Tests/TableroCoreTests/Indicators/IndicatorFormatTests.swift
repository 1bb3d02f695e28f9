import Foundation
import Testing
import TableroCore

/// Indicators in the file: every field round-trips, unknown keys survive, absent values keep
/// their reason, and the format version moves to 2 only when indicators are added.
@Suite struct IndicatorFormatTests {
  static let v1 = """
    {
      "formatVersion": 1,
      "name": "P",
      "reportDate": "2013-06-30",
      "tolerance": -30,
      "imperatives": [{"id": "I1", "name": "Imp", "components": [{"component": "C1", "weight": 100}]}],
      "components": [{"id": "C1", "name": "Comp", "start": "2012-01-01", "end": "2014-12-31", "actualProgress": 10}],
      "initiatives": []
    }

    """

  static let withIndicator = """
    {
      "formatVersion": 2,
      "name": "P",
      "reportDate": "2013-06-30",
      "tolerance": -30,
      "imperatives": [{"id": "I1", "name": "Imp", "components": []}],
      "components": [],
      "initiatives": [],
      "indicators": [
        {
          "id": "1.1", "name": "Tiempo de espera", "owner": "I1", "unit": "días", "kind": "management",
          "trend": "descending", "periodicity": "quarterly", "accumulation": "cumulative",
          "baseline": {"year": 2011, "value": 40, "note": "ENSANUT", "zzBase": 1},
          "goals": [{"year": 2012, "value": null, "reason": "N.D."}],
          "finalGoal": {"year": 2014, "value": 25.5},
          "method": "promedio", "source": "SINBA",
          "measurements": [
            {"date": "2012-12-31", "value": null, "reason": "N.A.", "note": "sin encuesta"},
            {"date": "2013-03-31", "value": 31.25, "by": "ana", "zzM": [true]}
          ],
          "zzIndicator": "kept"
        }
      ]
    }

    """

  static func load(_ text: String) throws -> Portfolio {
    try PortfolioCodec.decode(Array(text.utf8), path: "p.json").portfolio
  }

  @Test func everyFieldIsReadIncludingAbsentValuesAndTheirReasons() throws {
    let p = try Self.load(Self.withIndicator)
    #expect(p.formatVersion == 2)
    let x = try #require(p.indicators.first)
    #expect(x.id == "1.1" && x.ownerID == "I1" && x.unit == "días")
    #expect(x.kind == .management && x.trend == .descending && x.periodicity == .quarterly && x.accumulation == .cumulative)
    #expect(x.baseline == IndicatorTarget(year: 2011, value: 40, note: "ENSANUT", extra: ["zzBase": 1]))
    #expect(x.goals == [IndicatorTarget(year: 2012, value: nil, reason: "N.D.")])
    #expect(x.finalGoal?.value == 25.5)
    #expect(x.method == "promedio" && x.source == "SINBA")
    #expect(x.measurements.map(\.value) == [nil, 31.25])
    #expect(x.measurements[0].reason == "N.A." && x.measurements[0].note == "sin encuesta")
    #expect(x.measurements[1].by == "ana")
  }

  @Test func savingKeepsUnknownKeysAtEveryLevel() throws {
    let p = try Self.load(Self.withIndicator)
    let saved = String(decoding: PortfolioCodec.encode(p), as: UTF8.self)
    #expect(saved.contains("\"zzIndicator\": \"kept\""))
    #expect(saved.contains("\"zzBase\": 1"))
    #expect(saved.contains("\"zzM\": ["))
    #expect(saved.contains("\"reason\": \"N.D.\""))
    #expect(try Self.load(saved) == p)
  }

  @Test func anOldFileLoadsAndSavesUnchangedInVersion1() throws {
    let p = try Self.load(Self.v1)
    #expect(p.formatVersion == 1 && p.indicators.isEmpty)
    let saved = String(decoding: PortfolioCodec.encode(p), as: UTF8.self)
    #expect(saved.contains("\"formatVersion\": 1,"))
    #expect(!saved.contains("indicators"))
  }

  @Test func addingAnIndicatorSavesInVersion2() throws {
    var p = try Self.load(Self.v1)
    p.indicators.append(Indicator(id: "1.1", name: "Cobertura", ownerID: "I1"))
    let saved = String(decoding: PortfolioCodec.encode(p), as: UTF8.self)
    #expect(saved.contains("\"formatVersion\": 2,"))
    #expect(try Self.load(saved).indicators.count == 1)
  }

  @Test func badIndicatorsAreErrorsWithTheirPlace() throws {
    let bad = Self.withIndicator
      .replacingOccurrences(of: "\"owner\": \"I1\"", with: "\"owner\": \"NOPE\"")
      .replacingOccurrences(of: "\"trend\": \"descending\"", with: "\"trend\": \"down\"")
      .replacingOccurrences(of: "\"value\": 31.25", with: "\"value\": \"31\"")
    do {
      _ = try PortfolioCodec.decode(Array(bad.utf8), path: "p.json")
      Issue.record("a bad file loaded")
    } catch {
      let text = error.describe(.es)
      #expect(text.contains("$.indicators[0].owner"))
      #expect(text.contains("$.indicators[0].trend"))
      #expect(text.contains("$.indicators[0].measurements[1].value"))
    }
  }

  @Test func recordingAMeasurementKeepsDateOrderAndReplacesTheSameDate() throws {
    var p = try Self.load(Self.withIndicator)
    let day = try #require(Day(iso: "2013-01-15"))
    try p.recordMeasurement(Measurement(day: day, value: 33, note: "corte"), of: "1.1")
    #expect(p.indicators[0].measurements.map(\.day.iso) == ["2012-12-31", "2013-01-15", "2013-03-31"])
    let change = try p.recordMeasurement(Measurement(day: day, value: 32), of: "1.1")
    #expect(p.indicators[0].measurements.count == 3)
    #expect(change.oldValue == "33 (15/01/2013)" && change.newValue == "32 (15/01/2013)")
    #expect(throws: EditError.measurementWithoutValue) { try p.recordMeasurement(Measurement(day: day, value: nil), of: "1.1") }
    #expect(throws: EditError.notAnIndicator("9.9")) { try p.recordMeasurement(Measurement(day: day, value: 1), of: "9.9") }
  }

  @Test func theJournalCarriesAMeasurement() throws {
    let day = try #require(Day(iso: "2013-01-15"))
    let edit = Edit.recordMeasurement(indicator: "1.1", measurement: Measurement(day: day, value: nil, reason: "N.D.", note: "x", by: "ana"))
    #expect(try Edit(json: edit.json) == edit)
  }

  @Test func measurementsAppearInTheDiffForHistoryAndMinutes() throws {
    let old = try Self.load(Self.withIndicator)
    var new = old
    try new.recordMeasurement(Measurement(day: try #require(Day(iso: "2013-06-30")), value: 30), of: "1.1")
    let changes = PortfolioDiff.changes(from: old, to: new)
    #expect(changes == [Change(itemID: "1.1", field: "measurements[2013-06-30]", oldValue: "", newValue: "30")])
  }

  @Test func typedValuesAreNumbersOrRecognisableReasons() {
    #expect(MeasurementValue("63,5")?.value == 63.5)
    #expect(MeasurementValue("63.5%")?.value == 63.5)
    #expect(MeasurementValue("N.D.") == MeasurementValue(value: nil, reason: "N.D."))
    #expect(MeasurementValue("n/a")?.reason == "n/a")
    #expect(MeasurementValue("No disponible")?.reason == "No disponible")
    // A word or a typo is not a reason.
    #expect(MeasurementValue("cuarenta") == nil)
    #expect(MeasurementValue("4o") == nil)
    #expect(MeasurementValue("") == nil)
  }

  @Test func valuesShowUpToThreeDecimals() {
    #expect(Format.measure(0.125) == "0.125")
    #expect(Format.measure(12.5) == "12.5")
    #expect(Format.measure(30) == "30")
    #expect(Format.measure(-0.8) == "-0.8")
    #expect(Format.measure(0.0004) == "0")
  }
}

@Suite struct IndicatorOwnershipTests {
  @Test func removingTheOwnerRemovesItsIndicatorsSoTheFileStaysValid() throws {
    var p = try EmbeddedPortfolios.load(.demo).portfolio
    #expect(p.indicators(of: "RTE").count == 2)
    try p.remove("RTE")
    #expect(p.indicators(of: "RTE").isEmpty)
    #expect(p.indicators.count == 4)
    #expect(PortfolioValidator.validate(p).filter { $0.severity == .error }.isEmpty)
  }
}
