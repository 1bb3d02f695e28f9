import TableroCore

/// Small portfolios built in code, so each test states exactly what it depends on.
enum TestPortfolios {
  static func day(_ text: String) -> Day {
    guard let day = Day(iso: text) else { preconditionFailure("bad test date \(text)") }
    return day
  }

  /// One imperative, one component, one initiative from 2012-01-01 to 2012-12-31.
  static func single(progress: Double = 0, report: String = "2012-07-01") -> Portfolio {
    Portfolio(
      name: "Prueba", reportDate: day(report),
      imperatives: [Imperative(id: "I1", name: "Imperativo", members: [Membership(componentID: "C1", weight: 100)])],
      components: [Component(id: "C1", name: "Componente", start: day("2012-01-01"), end: day("2012-12-31"))],
      initiatives: [
        Initiative(
          id: "C1-01", name: "Iniciativa", componentID: "C1", start: day("2012-01-01"),
          end: day("2012-12-31"), actualProgress: progress)
      ])
  }
}
