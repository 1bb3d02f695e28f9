import TableroJSON

/// How expected progress (avance esperado) of an initiative is computed.
public enum ExpectedProgressRule: String, CaseIterable, Sendable {
  /// Linear in time between start and expected end.
  case linear
  /// Share of milestone weight due by the report date, when the initiative has weighted milestones.
  case milestones
}

/// The whole portfolio file: imperatives → components → initiatives.
public struct Portfolio: Equatable, Sendable {
  /// The newest format this version reads: 2 added `indicators`, 3 `revision`.
  public static let currentFormatVersion = 3
  /// The oldest format this version reads, and the one a file without indicators keeps.
  public static let baseFormatVersion = 1
  public static let defaultTolerance = -30.0

  public var formatVersion: Int
  public var name: String
  public var reportDate: Day
  /// Desviación aceptable in percent, negative (−30 by default).
  public var tolerance: Double
  public var expectedProgressRule: ExpectedProgressRule
  public var imperatives: [Imperative]
  public var components: [Component]
  public var initiatives: [Initiative]
  /// Acuerdos of the status-review meetings, kept in the file so they travel with the data.
  public var agreements: [Agreement] = []
  /// Meetings held, for their minutes.
  public var meetings: [Meeting] = []
  /// Indicadores of the benefits of imperatives and components, with their measurements.
  public var indicators: [Indicator] = []
  /// Which saved revision this is and what it descends from (not part of `==`).
  public var lineage = Lineage()
  public var extra: JSONObject

  public init(
    name: String, reportDate: Day, tolerance: Double = Portfolio.defaultTolerance,
    expectedProgressRule: ExpectedProgressRule = .linear,
    imperatives: [Imperative] = [], components: [Component] = [], initiatives: [Initiative] = [],
    formatVersion: Int = Portfolio.baseFormatVersion, extra: JSONObject = JSONObject()
  ) {
    self.formatVersion = formatVersion
    self.name = name
    self.reportDate = reportDate
    self.tolerance = tolerance
    self.expectedProgressRule = expectedProgressRule
    self.imperatives = imperatives
    self.components = components
    self.initiatives = initiatives
    self.extra = extra
  }

  /// The version written on save: a file keeps its version until it holds something only a
  /// newer version can read (indicators need 2, a revision 3), so an unedited old file saves
  /// byte for byte. A revision needs 3 so that an older tablero, which would keep the revision
  /// while changing the data, refuses the file instead of mislabelling it.
  public var savedFormatVersion: Int {
    if lineage.revision != nil { return max(formatVersion, 3) }
    return indicators.isEmpty ? formatVersion : max(formatVersion, 2)
  }

  public func indicatorIndex(_ id: String) -> Int? { indicators.firstIndex { $0.id == id } }

  public func imperativeIndex(_ id: String) -> Int? { imperatives.firstIndex { $0.id == id } }
  public func componentIndex(_ id: String) -> Int? { components.firstIndex { $0.id == id } }
  public func initiativeIndex(_ id: String) -> Int? { initiatives.firstIndex { $0.id == id } }

  public func component(_ id: String) -> Component? { componentIndex(id).map { components[$0] } }
  public func initiative(_ id: String) -> Initiative? { initiativeIndex(id).map { initiatives[$0] } }

  /// Initiatives of one component, in file order.
  public func initiatives(of componentID: String) -> [Initiative] {
    initiatives.filter { $0.componentID == componentID }
  }

  public func agreementIndex(_ folio: String) -> Int? { agreements.firstIndex { $0.folio == folio } }

  /// The next free folio: "AC-001", "AC-002"…
  public var nextAgreementFolio: String {
    let numbers = agreements.compactMap { a -> Int? in
      guard a.folio.hasPrefix("AC-") else { return nil }
      return Int(a.folio.dropFirst(3))
    }
    let n = (numbers.max() ?? 0) + 1
    return "AC-" + (n < 10 ? "00" : n < 100 ? "0" : "") + String(n)
  }

  /// Imperatives a component serves.
  public func imperatives(containing componentID: String) -> [Imperative] {
    imperatives.filter { imp in imp.members.contains { $0.componentID == componentID } }
  }
}
