import Foundation
import TableroCore

/// Opening forms for the selected item, validating them as typed, and applying them.
extension AppState {
  private var l: Language { language }

  /// The selected initiative, or a message saying one is needed.
  mutating func requireInitiative() -> Int? {
    if let item = selectedItem, item.kind == .initiative, let i = initiativeIndex[item.id] { return i }
    message = StatusMessage(l.pick("Seleccione una iniciativa.", "Select an initiative."), .error)
    return nil
  }

  func statusLine(_ s: ItemStatus) -> String {
    l.pick("esperado ", "expected ") + Format.percent(s.expected) + l.pick(", real ", ", actual ")
      + Format.percent(s.actual) + l.pick(", desviación ", ", deviation ") + Format.deviation(s.deviation, tolerance: portfolio.tolerance) + " — "
      + s.level.label(l, tolerance: portfolio.tolerance)
  }

  /// The progress form: the value (typing replaces it) and an optional note.
  func progressForm(id: String, name: String, value: Double, status s: ItemStatus) -> Modal {
    .form(
      FormState(
        purpose: .progress(id: id), title: l.pick("Avance real de ", "Actual progress of ") + id,
        fields: [
          FormField(l.pick("Avance real (%)", "Actual progress (%)"), .percent, Format.number(value)),
          FormField(l.pick("Nota (opcional)", "Note (optional)"), .text, ""),
        ],
        context: [name, statusLine(s)]))
  }

  mutating func openProgressForm() {
    guard let item = selectedItem else { return }
    switch item.kind {
    case .initiative:
      guard let i = initiativeIndex[item.id] else { return }
      let x = portfolio.initiatives[i]
      modal = progressForm(id: x.id, name: x.name, value: x.actualProgress, status: status.initiatives[i])
    case .component:
      guard let c = componentIndex[item.id] else { return }
      if !status.initiativesByComponent[c].isEmpty {
        message = StatusMessage(EditError.componentHasInitiatives(item.id).message(l), .error)
        return
      }
      let component = portfolio.components[c]
      modal = progressForm(id: component.id, name: component.name, value: component.actualProgress, status: status.components[c])
    case .imperative:
      message = StatusMessage(
        l.pick("El avance de un imperativo se calcula de sus componentes.", "An imperative's progress comes from its components."), .error)
    }
  }

  mutating func openEditForm() {
    guard let item = selectedItem else { return }
    switch item.kind {
    case .initiative:
      guard let i = initiativeIndex[item.id] else { return }
      let x = portfolio.initiatives[i]
      modal = .form(
        FormState(
          purpose: .editInitiative(id: x.id), title: l.pick("Editar ", "Edit ") + x.id,
          fields: [
            FormField(l.pick("Nombre", "Name"), .requiredText, x.name),
            FormField(l.pick("Responsable", "Owner"), .text, x.responsible, picking: .responsible),
            FormField(l.pick("Inicio", "Start"), .date, x.start.display),
            FormField(l.pick("Fin esperado", "Expected end"), .date, x.end.display),
            FormField(l.pick("Ponderación", "Weight"), .number, Format.number(x.weight)),
            FormField(l.pick("Plazo (corto/mediano)", "Horizon (corto/mediano)"), .horizon, x.horizon == .short ? "corto" : "mediano"),
            FormField(l.pick("Impacto rápido (sí/no)", "Quick win (sí/no)"), .yesNo, x.isQuickWin ? l.pick("sí", "yes") : "no"),
            FormField(l.pick("Notas", "Notes"), .text, x.notes),
          ]))
    case .component:
      guard let c = componentIndex[item.id] else { return }
      let x = portfolio.components[c]
      modal = .form(
        FormState(
          purpose: .editComponent(id: x.id), title: l.pick("Editar ", "Edit ") + x.id,
          fields: [
            FormField(l.pick("Nombre", "Name"), .requiredText, x.name),
            FormField(l.pick("Responsable", "Owner"), .text, x.responsible, picking: .responsible),
            FormField(l.pick("Fecha inicial", "Start"), .date, x.start.display),
            FormField(l.pick("Fecha esperada de terminación", "Expected end"), .date, x.end.display),
          ]))
    case .imperative:
      guard let m = portfolio.imperativeIndex(item.id) else { return }
      let x = portfolio.imperatives[m]
      modal = .form(
        FormState(
          purpose: .editImperative(id: x.id), title: l.pick("Editar ", "Edit ") + x.id,
          fields: [
            FormField(l.pick("Nombre", "Name"), .requiredText, x.name),
            FormField(l.pick("Fecha inicial (vacía: la de sus componentes)", "Start (empty: from components)"), .optionalDate, x.plannedStart?.display ?? ""),
            FormField(l.pick("Fecha de terminación (vacía: la de sus componentes)", "End (empty: from components)"), .optionalDate, x.plannedEnd?.display ?? ""),
            FormField(l.pick("Peso en el portafolio", "Weight in the portfolio"), .number, Format.number(x.weight)),
          ]))
    }
  }

  /// A free id like "ECE-06" for a new initiative of a component.
  func nextInitiativeID(for componentID: String) -> String {
    func make(_ n: Int) -> String { componentID + (n < 10 ? "-0" : "-") + String(n) }
    var n = 1
    while portfolio.contains(id: make(n)) || portfolio.indicatorIndex(make(n)) != nil { n += 1 }
    return make(n)
  }

  mutating func openAddInitiativeForm() {
    var componentID: String?
    if let item = selectedItem {
      switch item.kind {
      case .component: componentID = item.id
      case .initiative: componentID = initiativeIndex[item.id].map { portfolio.initiatives[$0].componentID }
      case .imperative: componentID = nil
      }
    }
    if componentID == nil, let drill = drillComponent { componentID = drill }
    guard let componentID, let c = componentIndex[componentID] else {
      message = StatusMessage(l.pick("Seleccione un componente o una iniciativa.", "Select a component or an initiative."), .error)
      return
    }
    let component = portfolio.components[c]
    modal = .form(
      FormState(
        purpose: .addInitiative(componentID: componentID), title: l.pick("Nueva iniciativa en ", "New initiative in ") + componentID,
        fields: [
          FormField("Id", .id, nextInitiativeID(for: componentID)),
          FormField(l.pick("Nombre", "Name"), .requiredText, ""),
          FormField(l.pick("Inicio", "Start"), .date, max(component.start, portfolio.reportDate).display),
          FormField(l.pick("Fin esperado", "Expected end"), .date, component.end.display),
          FormField(l.pick("Plazo (corto/mediano)", "Horizon (corto/mediano)"), .horizon, "corto"),
          FormField(l.pick("Impacto rápido (sí/no)", "Quick win (sí/no)"), .yesNo, "no"),
          FormField(l.pick("Ponderación", "Weight"), .number, "1"),
        ]))
  }

  mutating func openAddComponentForm() {
    let imperativeID = selectedImperativeID ?? (selectedItem?.kind == .imperative ? selectedItem?.id : nil)
    modal = .form(
      FormState(
        purpose: .addComponent(imperativeID: imperativeID),
        title: l.pick("Nuevo componente", "New component") + (imperativeID.map { l.pick(" en ", " in ") + $0 } ?? ""),
        fields: [
          FormField("Id", .id, ""),
          FormField(l.pick("Nombre", "Name"), .requiredText, ""),
          FormField(l.pick("Fecha inicial", "Start"), .date, portfolio.reportDate.display),
          FormField(l.pick("Fecha esperada de terminación", "Expected end"), .date, portfolio.reportDate.adding(days: 365).display),
          FormField(l.pick("Ponderación en el imperativo", "Weight in the imperative"), .number, "0"),
        ]))
  }

  mutating func askRemove() {
    guard let item = selectedItem, let impact = portfolio.removalImpact(of: item.id) else { return }
    modal = .confirmRemove(impact)
  }

  mutating func openMoveForm() {
    guard let i = requireInitiative() else { return }
    let x = portfolio.initiatives[i]
    modal = .form(
      FormState(
        purpose: .moveInitiative(id: x.id), title: l.pick("Mover ", "Move ") + x.id,
        fields: [FormField(l.pick("Componente destino", "Target component"), .id, x.componentID, picking: .component)],
        context: [x.name, l.pick("Escriba parte del id o del nombre y elija de la lista.", "Type part of the id or name and pick from the list.")]))
  }

  mutating func openMilestoneForm(_ purpose: FormPurpose) {
    guard let i = requireInitiative() else { return }
    let x = portfolio.initiatives[i]
    let list = x.milestones.enumerated().map { n, m in
      "\(n + 1). \(m.name) — \(m.due.display)" + (m.done.map { l.pick(" cumplido ", " done ") + $0.display } ?? "")
    }
    switch purpose {
    case .addMilestone:
      modal = .form(
        FormState(
          purpose: .addMilestone(id: x.id), title: l.pick("Nuevo hito de ", "New milestone of ") + x.id,
          fields: [
            FormField(l.pick("Nombre", "Name"), .requiredText, ""),
            FormField(l.pick("Fecha compromiso", "Due date"), .date, x.end.display),
            FormField(l.pick("Peso", "Weight"), .number, "1"),
          ], context: list))
    case .milestoneDone, .removeMilestone:
      guard !x.milestones.isEmpty else {
        message = StatusMessage(l.pick("\(x.id) no tiene hitos; M agrega uno.", "\(x.id) has no milestones; M adds one."), .error)
        return
      }
      let pending = x.milestones.firstIndex { $0.done == nil } ?? 0
      if case .milestoneDone = purpose {
        modal = .form(
          FormState(
            purpose: .milestoneDone(id: x.id), title: l.pick("Hito cumplido de ", "Milestone done of ") + x.id,
            fields: [
              FormField(l.pick("Número de hito", "Milestone number"), .count, "\(pending + 1)"),
              FormField(l.pick("Fecha cumplida (vacía: pendiente)", "Done on (empty: pending)"), .optionalDate, config.today.display),
            ], context: list))
      } else {
        modal = .form(
          FormState(
            purpose: .removeMilestone(id: x.id), title: l.pick("Eliminar hito de ", "Remove milestone of ") + x.id,
            fields: [FormField(l.pick("Número de hito", "Milestone number"), .count, "")], context: list))
      }
    default:
      break
    }
  }

  mutating func openMemberWeightForm() {
    guard let item = selectedItem, item.kind == .component, let imperativeID = selectedImperativeID,
      let m = portfolio.imperativeIndex(imperativeID),
      let member = portfolio.imperatives[m].members.first(where: { $0.componentID == item.id })
    else {
      message = StatusMessage(
        l.pick("Seleccione un componente dentro de un imperativo.", "Select a component within an imperative."), .error)
      return
    }
    modal = .form(
      FormState(
        purpose: .memberWeight(imperativeID: imperativeID, componentID: item.id),
        title: l.pick("Ponderación de \(item.id) en \(imperativeID)", "Weight of \(item.id) in \(imperativeID)"),
        fields: [FormField(l.pick("Ponderación (%)", "Weight (%)"), .number, Format.number(member.weight))]))
  }

  mutating func openReportDateForm() {
    modal = .form(
      FormState(
        purpose: .reportDate, title: l.pick("Fecha del reporte", "Report date"),
        fields: [FormField(l.pick("Fecha (DD/MM/AAAA)", "Date (DD/MM/YYYY)"), .date, portfolio.reportDate.display)],
        context: [l.pick("Todo el tablero se recalcula a esta fecha.", "The whole dashboard is recomputed at this date.")]))
  }

  mutating func openToleranceForm() {
    modal = .form(
      FormState(
        purpose: .tolerance, title: l.pick("Desviación aceptable", "Acceptable deviation"),
        fields: [FormField(l.pick("Desviación aceptable (%)", "Acceptable deviation (%)"), .number, Format.oneDecimal(portfolio.tolerance))],
        context: [l.pick("Un número negativo, p. ej. -30.", "A negative number, e.g. -30.")]))
  }

  // MARK: Validation

  /// The first problem with the form as typed, in words; nil when it can be applied.
  func validate(_ form: FormState) -> String? {
    for field in form.fields {
      if let problem = validate(field) { return "\(field.label): \(problem)" }
    }
    // Cross-field rules.
    switch form.purpose {
    case .editInitiative, .editComponent, .addInitiative, .addComponent:
      let dates = form.fields.filter { $0.kind == .date }.compactMap { Day(userText: $0.text) }
      if dates.count == 2, dates[1] < dates[0] { return EditError.endBeforeStart(start: dates[0], end: dates[1]).message(l) }
    case .editImperative:
      if let s = Day(userText: form.text(1)), let e = Day(userText: form.text(2)), e < s {
        return EditError.endBeforeStart(start: s, end: e).message(l)
      }
    case .tolerance:
      if let v = FieldParsing.number(form.text(0)), v >= 0 { return EditError.toleranceNotNegative(v).message(l) }
    case .addAgreement:
      let item = form.text(4).trimmingCharacters(in: .whitespaces)
      if !item.isEmpty, itemID(matching: item) == nil {
        return l.pick("no existe el elemento «\(item)»", "there is no item «\(item)»")
      }
    case .moveInitiative:
      if componentID(matching: form.text(0)) == nil {
        return l.pick("no existe el componente «\(form.text(0))»", "there is no component «\(form.text(0))»")
      }
    case .measurement:
      if let problem = measurementProblem(form.text(1).trimmingCharacters(in: .whitespaces)) { return problem }
    case .milestoneDone(let id), .removeMilestone(let id):
      if let n = Int(form.text(0).trimmingCharacters(in: .whitespaces)), let i = initiativeIndex[id],
        !(1...max(1, portfolio.initiatives[i].milestones.count)).contains(n)
      {
        return EditError.milestoneNotFound(n - 1).message(l)
      }
    default:
      break
    }
    let typedID = form.text(0).trimmingCharacters(in: .whitespaces)
    if case .addInitiative = form.purpose, portfolio.contains(id: typedID) || portfolio.indicatorIndex(typedID) != nil {
      return EditError.duplicateID(form.text(0)).message(l)
    }
    if case .addComponent = form.purpose, portfolio.contains(id: typedID) || portfolio.indicatorIndex(typedID) != nil {
      return EditError.duplicateID(form.text(0)).message(l)
    }
    return nil
  }

  func validate(_ field: FormField) -> String? {
    let text = field.text.trimmingCharacters(in: .whitespaces)
    switch field.kind {
    case .text: return nil
    case .requiredText: return text.isEmpty ? l.pick("no puede estar vacío", "cannot be empty") : nil
    case .percent:
      guard let v = FieldParsing.number(text) else { return l.pick("escriba un número de 0 a 100", "type a number from 0 to 100") }
      return (0...100).contains(v) ? nil : l.pick("debe estar entre 0 y 100", "must be between 0 and 100")
    case .number:
      guard FieldParsing.number(text) != nil else { return l.pick("escriba un número", "type a number") }
      return nil
    case .date:
      return Day(userText: text) == nil ? l.pick("fecha no válida (DD/MM/AAAA)", "invalid date (DD/MM/YYYY)") : nil
    case .optionalDate:
      return text.isEmpty || Day(userText: text) != nil ? nil : l.pick("fecha no válida (DD/MM/AAAA)", "invalid date (DD/MM/YYYY)")
    case .id:
      return PortfolioValidator.isValidID(text) ? nil : l.pick("use letras, dígitos, - _ .", "use letters, digits, - _ .")
    case .horizon: return FieldParsing.horizon(text) == nil ? l.pick("escriba corto o mediano", "type corto or mediano") : nil
    case .yesNo: return FieldParsing.yes(text) == nil ? l.pick("escriba sí o no", "type sí or no") : nil
    case .count: return Int(text).map { $0 >= 1 } == true ? nil : l.pick("escriba un número de hito", "type a milestone number")
    }
  }

  // MARK: Submission

  /// Applies a valid form as one edit. Returns false when the domain refused it (message set).
  mutating func submit(_ form: FormState) -> Bool {
    func t(_ i: Int) -> String { form.text(i).trimmingCharacters(in: .whitespaces) }
    func num(_ i: Int) -> Double { FieldParsing.number(t(i)) ?? 0 }
    let fallback = portfolio.reportDate
    func day(_ i: Int) -> Day { Day(userText: t(i)) ?? fallback }
    switch form.purpose {
    case .progress(let id):
      let note = t(1)
      return apply(
        l.pick("avance de ", "progress of ") + id,
        .setProgress(id: id, value: num(0), note: note.isEmpty ? nil : note, day: config.today))
    case .editInitiative(let id):
      var edits: [Edit] = [
        .rename(id: id, name: t(0)), .setResponsible(id: id, name: t(1)),
        .setDates(id: id, start: day(2), end: day(3)), .setWeight(id: id, value: num(4)),
      ]
      if let horizon = FieldParsing.horizon(t(5)) { edits.append(.setHorizon(id: id, horizon: horizon)) }
      if let quick = FieldParsing.yes(t(6)) { edits.append(.setQuickWin(id: id, isQuickWin: quick)) }
      edits.append(.setNotes(id: id, text: form.text(7)))
      return apply(l.pick("editar ", "edit ") + id, .batch(edits))
    case .editComponent(let id):
      return apply(
        l.pick("editar ", "edit ") + id,
        .batch([.rename(id: id, name: t(0)), .setResponsible(id: id, name: t(1)), .setDates(id: id, start: day(2), end: day(3))]))
    case .editImperative(let id):
      return apply(
        l.pick("editar ", "edit ") + id,
        .batch([
          .rename(id: id, name: t(0)), .setPlannedDates(id: id, start: Day(userText: t(1)), end: Day(userText: t(2))),
          .setWeight(id: id, value: num(3)),
        ]))
    case .addInitiative(let componentID):
      let initiative = Initiative(
        id: t(0), name: t(1), componentID: componentID, horizon: FieldParsing.horizon(t(4)) ?? .short,
        isQuickWin: FieldParsing.yes(t(5)) ?? false, start: day(2), end: day(3), weight: num(6))
      let ok = apply(l.pick("agregar ", "add ") + initiative.id, .addInitiative(initiative))
      if ok { selectAfterAdd(kind: .initiative, id: initiative.id) }
      return ok
    case .addComponent(let imperativeID):
      let component = Component(id: t(0), name: t(1), start: day(2), end: day(3))
      let ok = apply(
        l.pick("agregar ", "add ") + component.id,
        .addComponent(component, imperatives: imperativeID.map { [$0] } ?? [], weight: num(4)))
      if ok { selectAfterAdd(kind: .component, id: component.id) }
      return ok
    case .reportDate:
      let ok = apply(l.pick("fecha del reporte", "report date"), .setReportDate(day(0)))
      if ok, view == .timeline { centerTimelineOnReportDate(quiet: true) }
      return ok
    case .tolerance:
      return apply(l.pick("desviación aceptable", "acceptable deviation"), .setTolerance(num(0)))
    case .addMilestone(let id):
      return apply(l.pick("hito de ", "milestone of ") + id, .addMilestone(id: id, milestone: Milestone(name: t(0), due: day(1), weight: num(2))))
    case .milestoneDone(let id):
      return apply(l.pick("hito de ", "milestone of ") + id, .setMilestoneDone(id: id, index: (Int(t(0)) ?? 1) - 1, day: Day(userText: t(1))))
    case .removeMilestone(let id):
      return apply(l.pick("hito de ", "milestone of ") + id, .removeMilestone(id: id, index: (Int(t(0)) ?? 1) - 1))
    case .memberWeight(let imperativeID, let componentID):
      return apply(
        l.pick("ponderación de ", "weight of ") + componentID,
        .setMemberWeight(imperative: imperativeID, component: componentID, value: num(0)))
    case .saveCopy:
      outbox.append(.saveCopy(portfolio, path: t(0)))
      return true
    case .addAgreement, .agreementNote:
      guard let edit = submitAgreementForm(form) else { return false }
      let ok = apply(language.pick("acuerdo", "agreement"), edit)
      if ok, case .addAgreement(let a) = edit {
        message = StatusMessage(language.pick("Acuerdo \(a.folio) registrado", "Agreement \(a.folio) recorded"), .success)
      }
      return ok
    case .compare:
      guard let day = Day(userText: t(0)) else { return false }
      modal = .lines(title: language.pick("Cambios de estado", "State changes"), lines: comparisonLines(from: day))
      return true
    case .measurement(let id):
      return submitMeasurement(form, id: id)
    case .agreementItemFilter:
      agreementsView.filter.itemID = t(0).isEmpty ? nil : (itemID(matching: t(0)) ?? t(0))
      agreementsView.cursor = ListCursor()
      return true
    case .moveInitiative(let id):
      let target = componentID(matching: t(0)) ?? t(0)
      let ok = apply(l.pick("mover ", "move ") + id, .moveInitiative(id: id, component: target))
      if ok, drillComponent != nil {
        drillComponent = target
        refreshRows()
      }
      return ok
    }
  }

  mutating func selectAfterAdd(kind: ItemKind, id: String) {
    switch view {
    case .tree, .help, .agreements, .indicators: reveal(kind: kind, id: id)
    case .dashboard:
      if let row = dashboardRows.firstIndex(where: { $0.id == id }) {
        dashboardCursor.jump(to: row, count: dashboardRows.count, visible: Layout.dashboardListHeight(bodyHeight))
      }
    case .timeline:
      if let row = timelineRows.firstIndex(where: { $0.id == id }) {
        timeline.cursor.jump(to: row, count: timelineRows.count, visible: Layout.timelineListHeight(bodyHeight))
      }
    }
  }
}
