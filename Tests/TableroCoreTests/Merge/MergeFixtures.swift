import TableroCore
import TableroJSON

/// Small portfolios for the merge tests: every level has something to merge.
enum MergeFixtures {
  static func day(_ text: String) -> Day { TestPortfolios.day(text) }

  /// Two imperatives (I1 with C1 and C2, I2 with C2 and C3), three components (C3 without
  /// initiatives), five initiatives; A-1 has two milestones, A-2 an unknown key.
  static var base: Portfolio {
    Portfolio(
      name: "Portafolio de prueba", reportDate: day("2013-06-30"),
      imperatives: [
        Imperative(
          id: "I1", name: "Tiempos de espera",
          members: [Membership(componentID: "C1", weight: 50), Membership(componentID: "C2", weight: 50)]),
        Imperative(
          id: "I2", name: "Abasto",
          members: [Membership(componentID: "C2", weight: 60), Membership(componentID: "C3", weight: 40)]),
      ],
      components: [
        Component(id: "C1", name: "Expediente", start: day("2012-01-01"), end: day("2016-12-31")),
        Component(id: "C2", name: "Padrón", start: day("2012-01-01"), end: day("2018-12-31")),
        Component(id: "C3", name: "Marco legal", start: day("2012-01-01"), end: day("2014-12-31"), actualProgress: 10),
      ],
      initiatives: [
        Initiative(
          id: "A-1", name: "Norma del expediente", componentID: "C1", start: day("2012-01-01"),
          end: day("2013-12-31"), actualProgress: 40,
          milestones: [
            Milestone(name: "Borrador", due: day("2012-06-30")),
            Milestone(name: "Publicación", due: day("2013-06-30")),
          ]),
        Initiative(
          id: "A-2", name: "Piloto en hospitales", componentID: "C1", start: day("2012-06-01"),
          end: day("2014-06-30"), actualProgress: 20, notes: "Inicio",
          extra: JSONObject([(key: "x-origen", value: .string("campo"))])),
        Initiative(
          id: "B-1", name: "Padrón único", componentID: "C2", start: day("2012-01-01"), end: day("2015-12-31"),
          actualProgress: 30),
        Initiative(
          id: "B-2", name: "CURP en consulta", componentID: "C2", start: day("2013-01-01"), end: day("2016-12-31")),
        Initiative(
          id: "B-3", name: "Depuración", componentID: "C2", start: day("2012-01-01"), end: day("2013-12-31"),
          actualProgress: 80),
      ])
  }

  static func edited(_ edits: Edit...) -> Portfolio {
    var p = base
    for edit in edits {
      do { try p.apply(edit) } catch { preconditionFailure("fixture edit \(edit) failed: \(error)") }
    }
    return p
  }

  static func newInitiative(_ id: String, in component: String = "C1", progress: Double = 0) -> Initiative {
    Initiative(
      id: id, name: "Nueva \(id)", componentID: component, start: day("2013-01-01"), end: day("2013-12-31"),
      actualProgress: progress)
  }

  static let june = day("2013-06-15")
}

/// A portfolio with every list in id order and unknown keys sorted: equality "modulo order".
func canonical(_ portfolio: Portfolio) -> Portfolio {
  func sorted(_ o: JSONObject) -> JSONObject {
    JSONObject(o.keys.sorted().compactMap { k in o[k].map { (key: k, value: $0) } })
  }
  var p = portfolio
  p.extra = sorted(p.extra)
  p.imperatives = p.imperatives.map { imp in
    var imp = imp
    imp.extra = sorted(imp.extra)
    imp.members = imp.members.map { var m = $0; m.extra = sorted(m.extra); return m }.sorted { $0.componentID < $1.componentID }
    return imp
  }.sorted { $0.id < $1.id }
  p.components = p.components.map { var c = $0; c.extra = sorted(c.extra); return c }.sorted { $0.id < $1.id }
  p.initiatives = p.initiatives.map { ini in
    var ini = ini
    ini.extra = sorted(ini.extra)
    ini.milestones = ini.milestones.map { var m = $0; m.extra = sorted(m.extra); return m }
      .sorted { ($0.name, $0.due.ordinal) < ($1.name, $1.due.ordinal) }
    return ini
  }.sorted { $0.id < $1.id }
  return p
}
