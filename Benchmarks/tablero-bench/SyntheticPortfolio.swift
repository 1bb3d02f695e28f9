import TableroCore

/// A large, realistic, deterministic portfolio: N initiatives spread over max(9, N/100)
/// components and the 4 imperatives of the seed, dates 2011–2030, Spanish names with accents,
/// progress values, some milestones and notes (with commas and quotes, as people write them).
enum SyntheticPortfolio {
  static let reportDate = Day(year: 2020, month: 6, day: 30)!
  static let firstDay = Day(year: 2011, month: 10, day: 1)!
  static let lastDay = Day(year: 2030, month: 12, day: 31)!

  static func make(initiatives count: Int, seed: UInt64 = 20_111_001) -> Portfolio {
    var rng = SeededGenerator(seed: seed &+ UInt64(count))
    let componentCount = max(9, count / 100)

    var components: [Component] = []
    components.reserveCapacity(componentCount)
    for k in 0..<componentCount {
      let start = firstDay.adding(days: rng.int(0...(13 * 365)))
      let end = min(lastDay, start.adding(days: rng.int(365...(6 * 365))))
      let span = start.days(to: end)
      let formulationEnd = start.adding(days: span / 4)
      let implementationEnd = start.adding(days: span * 3 / 4)
      let area = rng.pick(areas)
      components.append(
        Component(
          id: padded(k + 1, prefix: "C"),
          name: "\(area) \(k + 1)",
          description: "Componente sintético de \(area.lowercased()) (benchmark).",
          responsible: rng.pick(responsibles),
          start: start, end: end,
          phases: PhasePlan(ranges: [
            .formulation: DateRange(start: start, end: formulationEnd),
            .implementation: DateRange(start: formulationEnd.adding(days: 1), end: implementationEnd),
            .monitoring: DateRange(start: implementationEnd.adding(days: 1), end: end),
          ])))
    }

    // Every component serves one to three imperatives (many-to-many, as in Cuadro 9).
    var members = Array(repeating: [String](), count: imperativeNames.count)
    for (k, component) in components.enumerated() {
      var chosen: Set<Int> = [k % imperativeNames.count]
      for _ in 0..<rng.int(0...2) { chosen.insert(rng.int(0...(imperativeNames.count - 1))) }
      for m in chosen.sorted() { members[m].append(component.id) }
    }
    let imperatives = imperativeNames.enumerated().map { m, pair in
      let share = (100.0 / Double(max(1, members[m].count)) * 1000).rounded() / 1000
      return Imperative(
        id: pair.id, name: pair.name, description: "Beneficio esperado: \(pair.name.lowercased()).",
        weight: 25, members: members[m].map { Membership(componentID: $0, weight: share) })
    }

    var initiatives: [Initiative] = []
    initiatives.reserveCapacity(count)
    var sequence = Array(repeating: 0, count: componentCount)
    for _ in 0..<count {
      let c = rng.int(0...(componentCount - 1))
      let component = components[c]
      sequence[c] += 1
      let span = component.start.days(to: component.end)
      let start = component.start.adding(days: rng.int(0...(span * 2 / 3)))
      let end = min(component.end, start.adding(days: rng.int(30...max(30, start.days(to: component.end)))))
      let expected = ExpectedProgress.linear(start: start, end: max(start, end), at: reportDate)
      let actual = min(100, max(0, ((expected + Double(rng.int(-40...25))) * 10).rounded() / 10))
      var milestones: [Milestone] = []
      if rng.chance(0.5) {
        let n = rng.int(1...3)
        let days = max(1, start.days(to: end))
        for j in 0..<n {
          let due = start.adding(days: days * (j + 1) / n)
          milestones.append(
            Milestone(
              name: rng.pick(milestoneNames), due: due,
              done: due < reportDate && rng.chance(0.7) ? due.adding(days: rng.int(0...45)) : nil,
              weight: Double([40, 30, 30][j])))
        }
      }
      var notes = ""
      if rng.chance(0.5) { notes = rng.pick(noteTexts) }
      if rng.chance(0.05) { notes += (notes.isEmpty ? "" : "\n") + "Revisión \(reportDate.display): sin cambios." }
      initiatives.append(
        Initiative(
          id: "\(component.id)-\(padded(sequence[c], prefix: ""))",
          name: "\(rng.pick(verbs)) \(rng.pick(objects)) \(rng.pick(qualifiers))",
          componentID: component.id,
          horizon: start.days(to: end) <= 730 ? .short : .medium,
          isQuickWin: rng.chance(0.15),
          responsible: rng.chance(0.8) ? rng.pick(responsibles) : "",
          start: start, end: max(start, end),
          weight: rng.chance(0.1) ? Double(rng.int(2...5)) : 1,
          actualProgress: actual, milestones: milestones, notes: notes))
    }
    return Portfolio(
      name: "Portafolio sintético de \(count) iniciativas (benchmark)", reportDate: reportDate,
      imperatives: imperatives, components: components, initiatives: initiatives)
  }

  static let imperativeNames: [(id: String, name: String)] = [
    ("RTE", "Reducción de Tiempos de Espera"),
    ("OAM", "Oportunidad de Abasto de Medicamentos"),
    ("CAM", "Calidad en la Atención Médica"),
    ("IOS", "Igualdad de Oportunidades en Salud"),
  ]

  static let areas = [
    "Expediente Clínico Electrónico", "Padrón General de Salud", "Intercambio de Servicios",
    "Guías de Práctica Clínica", "Plan Maestro Sectorial de Recursos", "Adquisición coordinada de medicamentos",
    "Formación de Recursos Humanos", "Calidad de la Atención", "Marco Legal y Gobierno",
    "Información en Salud", "Vigilancia Epidemiológica", "Telemedicina y Telesalud",
  ]

  static let verbs = [
    "Implementar", "Fortalecer", "Desarrollar", "Homologar", "Integrar", "Actualizar", "Diseñar",
    "Establecer", "Consolidar", "Evaluar", "Promover", "Difundir", "Certificar", "Reorganizar",
  ]

  static let objects = [
    "el padrón único de beneficiarios", "los lineamientos de compra coordinada", "la guía de práctica clínica",
    "el expediente clínico electrónico", "la red de telemedicina", "los indicadores de calidad y seguridad",
    "el catálogo sectorial de insumos médicos", "el sistema de referencia y contrarreferencia",
    "la plantilla de médicos especialistas", "el convenio de intercambio de servicios",
    "la información de abasto en farmacias", "los protocolos de atención obstétrica",
    "la acreditación de unidades médicas", "el tabulador de costos unitarios",
  ]

  static let qualifiers = [
    "en la región Sureste", "en unidades de primer nivel", "para la atención de urgencias",
    "con las instituciones públicas del sector", "en hospitales de alta especialidad",
    "en zonas rurales e indígenas", "con participación de los SESA", "a nivel nacional",
    "en el Estado de México", "en Michoacán, Yucatán y Querétaro", "para niñas, niños y adolescentes",
  ]

  static let responsibles = [
    "Dirección General de Información en Salud", "Dra. María Fernández Íñiguez", "Lic. José Ramírez Núñez",
    "Subsecretaría de Integración y Desarrollo", "Comisión Coordinadora de Institutos Nacionales",
    "Mtra. Sofía Martínez Peña", "Dr. Julián Gómez Ávila", "Centro Nacional de Excelencia Tecnológica",
  ]

  static let milestoneNames = [
    "Diagnóstico situacional", "Aprobación del anteproyecto", "Piloto en dos entidades",
    "Publicación en el DOF", "Capacitación del personal", "Evaluación de resultados",
  ]

  static let noteTexts = [
    "Reunión de seguimiento: se acordó, con el IMSS y el ISSSTE, revisar el \"anexo técnico\".",
    "Pendiente la firma del convenio; el área jurídica envió observaciones.",
    "Retraso por cambio de administración en la entidad, ya se reprogramó.",
    "Avance validado por la Dirección General de Planeación y Desarrollo en Salud.",
    "Se requiere presupuesto adicional (≈ 12,5 millones de pesos) para la fase 2.",
  ]
}

/// `C00042`-style ids: a prefix and a zero-padded number of at least five digits.
func padded(_ value: Int, prefix: String) -> String {
  let digits = String(value)
  return prefix + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
}
