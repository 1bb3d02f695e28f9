import TableroCore

/// Conflict paths as a person reads them: `initiatives[ACMI-04].actualProgress` is
/// "ACMI-04 · avance real"; the raw path stays on screen too, for the docs and the CLI.
enum MergePathText {
  static func readable(_ path: MergePath, _ l: Language) -> String {
    let item: String
    switch path.item {
    case .portfolio: item = l.pick("Portafolio", "Portfolio")
    case .imperative(let id), .component(let id), .initiative(let id), .agreement(let id), .meeting(let id): item = id
    case .member(let imperative, let component): item = "\(imperative) › \(component)"
    case .milestone(let initiative, let name, let due): item = "\(initiative) · " + l.pick("hito", "milestone") + " «\(name)» \(due.display)"
    case .indicator(let id): item = l.pick("indicador ", "indicator ") + id
    }
    guard let field = path.field else { return item + " · " + l.pick("elemento completo", "whole item") }
    return item + " · " + fieldName(field, path.item, l)
  }

  static func fieldName(_ field: String, _ item: MergePath.Item, _ l: Language) -> String {
    if field.hasPrefix("extra.") { return l.pick("clave ", "key ") + "«\(field.dropFirst(6))»" }
    if field.hasPrefix("notes[") { return l.pick("nota ", "note ") + field.dropFirst(5) }
    if field.hasPrefix("measurements["), field.hasSuffix("]"), let day = Day(iso: String(field.dropFirst(13).dropLast())) {
      return l.pick("medición del ", "measurement of ") + day.display
    }
    if field.hasPrefix("phases.") {
      let phase = Phase(rawValue: String(field.dropFirst(7)))
      return l.pick("fase ", "phase ") + (phase?.label(l) ?? String(field.dropFirst(7)))
    }
    switch field {
    case "name": return l.pick("nombre", "name")
    case "description": return l.pick("descripción", "description")
    case "weight": return l.pick("ponderación", "weight")
    case "plannedDates": return l.pick("fechas planeadas", "planned dates")
    case "responsible": return l.pick("responsable", "responsible")
    case "dates": return l.pick("fechas", "dates")
    case "actualProgress": return l.pick("avance real", "actual progress")
    case "component": return l.pick("componente", "component")
    case "horizon": return l.pick("horizonte", "horizon")
    case "quickWin": return l.pick("impacto rápido", "quick win")
    case "notes": return l.pick("notas", "notes")
    case "done": return l.pick("hecho", "done")
    case "text": return l.pick("texto", "text")
    case "item": return l.pick("elemento", "item")
    case "coResponsibles": return l.pick("corresponsables", "co-responsibles")
    case "created": return l.pick("creado", "created")
    case "due": return l.pick("vence", "due")
    case "meeting": return l.pick("reunión", "meeting")
    case "concluded": return l.pick("concluido", "concluded")
    case "title": return l.pick("título", "title")
    case "started": return l.pick("inicio", "started")
    case "ended": return l.pick("fin", "ended")
    case "reportDate": return l.pick("fecha del reporte", "report date")
    case "tolerance": return l.pick("tolerancia", "tolerance")
    case "expectedProgressRule": return l.pick("regla de avance esperado", "expected progress rule")
    case "milestones": return l.pick("hitos", "milestones")
    case "owner": return l.pick("pertenece a", "belongs to")
    case "unit": return l.pick("unidad", "unit")
    case "kind": return l.pick("tipo", "type")
    case "trend": return l.pick("sentido", "trend")
    case "periodicity": return l.pick("periodicidad", "periodicity")
    case "accumulation": return l.pick("acumulación", "accumulation")
    case "baseline": return l.pick("línea base", "baseline")
    case "goals": return l.pick("metas intermedias", "intermediate goals")
    case "finalGoal": return l.pick("meta final", "final goal")
    case "method": return l.pick("método de cálculo", "method")
    case "source": return l.pick("fuente", "source")
    case "measurements": return l.pick("mediciones", "measurements")
    default: return field
    }
  }

  /// The item's name in whichever version has it, for the panel.
  static func itemName(_ path: MergePath, in result: MergeResult) -> String? {
    let versions = [result.portfolio, result.mine, result.theirs] + (result.base.map { [$0] } ?? [])
    for p in versions {
      switch path.item {
      case .portfolio: return p.name
      case .imperative(let id): if let x = p.imperatives.first(where: { $0.id == id }) { return x.name }
      case .member(_, let id), .component(let id): if let x = p.component(id) { return x.name }
      case .initiative(let id), .milestone(let id, _, _): if let x = p.initiative(id) { return x.name }
      case .agreement(let folio): if let x = p.agreements.first(where: { $0.folio == folio }) { return x.text }
      case .meeting(let id): if let x = p.meetings.first(where: { $0.id == id }) { return x.title }
      case .indicator(let id): if let x = p.indicators.first(where: { $0.id == id }) { return x.name }
      }
    }
    return nil
  }

  /// A short kind for the list column.
  static func shortKind(_ kind: MergeConflict.Kind, _ l: Language) -> String {
    switch kind {
    case .bothChanged: l.pick("cambió en ambos", "changed on both")
    case .bothAdded: l.pick("agregado en ambos", "added on both")
    case .removedVsChanged(let side): side == .mine ? l.pick("eliminado aquí", "removed here") : l.pick("eliminado allá", "removed there")
    case .differsWithoutBase: l.pick("distinto (sin base)", "differs (no base)")
    }
  }
}
