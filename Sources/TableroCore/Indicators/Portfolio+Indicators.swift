extension Portfolio {
  /// Records a measurement, keeping the series in date order; a measurement on the same date
  /// replaces the old one (a correction), so repeating a command never duplicates a point.
  @discardableResult
  public mutating func recordMeasurement(_ measurement: Measurement, of id: String) throws(EditError) -> Change {
    guard let i = indicatorIndex(id) else { throw .notAnIndicator(id) }
    if let value = measurement.value {
      guard value.isFinite else { throw .measurementWithoutValue }
    } else if measurement.reason.trimmingSpaces().isEmpty {
      throw .measurementWithoutValue
    }
    var list = indicators[i].measurements
    var old = ""
    if let same = list.firstIndex(where: { $0.day == measurement.day }) {
      old = Self.measurementText(list[same])
      list[same] = measurement
    } else {
      let at = list.firstIndex { $0.day > measurement.day } ?? list.count
      list.insert(measurement, at: at)
    }
    indicators[i].measurements = list
    let note = measurement.note.trimmingSpaces()
    return Change(
      itemID: id, field: "measurement", oldValue: old, newValue: Self.measurementText(measurement),
      note: note.isEmpty ? nil : note)
  }

  /// "12.5 (31/12/2012)" or "N.D. (31/12/2012)", for history and minutes.
  static func measurementText(_ m: Measurement) -> String {
    "\(m.value.map(Format.measure) ?? m.reason) (\(m.day.display))"
  }

  /// The indicators of one imperative or component, in file order.
  public func indicators(of ownerID: String) -> [Indicator] {
    indicators.filter { $0.ownerID == ownerID }
  }
}

extension Format {
  /// An indicator value with up to three decimals and no trailing zeros: 12.5, 0.125, 30.
  /// Rates like 0.8 per 1 000 must not be rounded away as percentages are.
  public static func measure(_ value: Double) -> String {
    guard value.isFinite else { return oneDecimal(value) }
    if abs(value) >= 1e12 { return number(value) }
    let thousandths = (value * 1000).rounded(.toNearestOrAwayFromZero)
    if thousandths == 0 { return "0" }
    var text = String(Int(abs(thousandths)) / 1000)
    var fraction = Int(abs(thousandths)) % 1000
    if fraction > 0 {
      var digits = 3
      while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
      let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
      text += "." + padded
    }
    return (thousandths < 0 ? "-" : "") + text
  }
}
