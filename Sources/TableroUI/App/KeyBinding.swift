import TableroCore

/// One binding: keys, action, and the words shown in help and in the key bar. Dispatch, the
/// help view and the footer all read this one table, so they cannot drift apart.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  public var action: Action
  /// How the keys are written for people, e.g. "↑/k".
  public var keyLabel: String
  public var es: String
  public var en: String
  /// Shown in the key bar of these views (empty: only in help).
  public var footerViews: Set<ViewID>
  /// Changes data: refused in read-only mode.
  public var edits: Bool

  public func help(_ l: Language) -> String { l.pick(es, en) }

  static func b(
    _ keys: [Key], _ action: Action, _ label: String, _ es: String, _ en: String,
    footer: Set<ViewID> = [], edits: Bool = false
  ) -> KeyBinding {
    KeyBinding(keys: keys, action: action, keyLabel: label, es: es, en: en, footerViews: footer, edits: edits)
  }

  static let lists: Set<ViewID> = [.dashboard, .tree, .timeline]

  public static let all: [KeyBinding] = [
    b([.up, .character("k")], .up, "↑ k", "subir", "up"),
    b([.down, .character("j")], .down, "↓ j", "bajar", "down"),
    b([.pageUp, .control("b")], .pageUp, "RePág", "página arriba", "page up"),
    b([.pageDown, .control("f")], .pageDown, "AvPág", "página abajo", "page down"),
    b([.home, .character("g")], .top, "Inicio g", "al principio", "to the top"),
    b([.end, .character("G")], .bottom, "Fin G", "al final", "to the end"),
    b([.left, .character("h")], .left, "← h", "cerrar / desplazar a la izquierda", "collapse / scroll left"),
    b([.right, .character("l")], .right, "→ l", "abrir / desplazar a la derecha", "expand / scroll right"),
    b([.enter, .character(" ")], .open, "Intro", "abrir", "open", footer: lists),
    b([.escape, .backspace], .back, "Esc", "volver", "back"),
    b([.tab], .nextView, "Tab", "vista siguiente", "next view"),
    b([.backTab], .previousView, "⇧Tab", "vista anterior", "previous view"),
    b([.character("1")], .show(.dashboard), "1", "Tablero de control", "Dashboard"),
    b([.character("2")], .show(.tree), "2", "Portafolio", "Portfolio"),
    b([.character("3")], .show(.timeline), "3", "Cronograma", "Timeline"),
    b([.character("4"), .character("?"), .function(1)], .show(.help), "? 4", "Ayuda", "Help", footer: lists),
    b([.character("5")], .show(.agreements), "5", "Acuerdos (a agregar, e avance, c concluir, m míos, v vencidos, o abiertos, i por elemento)", "Agreements (a add, e progress, c conclude, m mine, v overdue, o open, i by item)"),
    b([.character("6")], .show(.indicators), "6", "Indicadores (Intro detalle, e medición, f rojos / sin medición, ]/[ rojo siguiente/anterior)", "Indicators (Enter detail, e measurement, f red / not measured, ]/[ next/previous red)"),
    b([.character("K")], .compare, "K", "comparar con otra fecha del reporte", "compare with another report date"),
    b([.character("R")], .toggleMeeting, "R", "iniciar / terminar la reunión (acta)", "start / end the meeting (minutes)", edits: true),
    b([.character("C")], .newAgreement, "C", "nuevo acuerdo sobre el elemento seleccionado", "new agreement on the selected item", edits: true),
    b([.character("/")], .search, "/", "buscar", "search", footer: lists),
    b([.character("]")], .nextAttention, "]", "siguiente elemento en rojo (luego amarillo), peor primero", "next red (then yellow) item, worst first"),
    b([.character("[")], .previousAttention, "[", "elemento en rojo o amarillo anterior", "previous red or yellow item"),
    b([.character("T")], .triage, "T", "triage: lista de todo lo rojo y amarillo (e edita, Intro abre)", "triage: list of every red and yellow item (e edits, Enter opens)"),
    b([.character("n")], .nextMatch, "n", "siguiente coincidencia", "next match"),
    b([.character("N")], .previousMatch, "N", "coincidencia anterior", "previous match"),
    b([.character("f")], .cycleStatusFilter, "f", "filtro de estado (rojos, rojos y amarillos…)", "status filter (red, red and yellow…)", footer: lists),
    b([.character("w")], .toggleQuickWins, "w", "solo impacto rápido (*)", "quick wins only (*)"),
    b([.character("p")], .cycleHorizon, "p", "plazo: corto / mediano / todos", "horizon: short / medium / all"),
    b([.character("F")], .clearFilters, "F", "quitar filtros", "clear filters"),
    b([.character("o")], .cycleSort, "o", "ordenar por columna", "sort by column"),
    b([.character("O")], .reverseSort, "O", "invertir orden", "reverse order"),
    b([.character("i")], .toggleDetail, "i", "mostrar iniciativas en el tablero", "show initiatives in the dashboard"),
    b([.character("e")], .editProgress, "e", "avance real (con nota)", "actual progress (with note)", footer: lists, edits: true),
    b([.character("E")], .editItem, "E", "editar nombre, responsable, fechas, peso", "edit name, owner, dates, weight", edits: true),
    b([.character("a")], .addInitiative, "a", "agregar iniciativa", "add initiative", edits: true),
    b([.character("A")], .addComponent, "A", "agregar componente", "add component", edits: true),
    b([.character("x"), .delete], .remove, "x Supr", "eliminar (pide confirmación)", "remove (asks first)", edits: true),
    b([.character("m")], .moveInitiative, "m", "mover iniciativa a otro componente", "move initiative to another component", edits: true),
    b([.character("M")], .addMilestone, "M", "agregar hito", "add milestone", edits: true),
    b([.character("c")], .milestoneDone, "c", "marcar hito cumplido", "mark milestone done", edits: true),
    b([.character("X")], .removeMilestone, "X", "eliminar hito", "remove milestone", edits: true),
    b([.character("W")], .memberWeight, "W", "ponderación del componente en el imperativo", "component weight in the imperative", edits: true),
    b([.character("d")], .reportDate, "d", "fecha del reporte", "report date", edits: true),
    b([.character("t")], .tolerance, "t", "desviación aceptable", "acceptable deviation", edits: true),
    b([.character("z"), .character("+")], .zoomIn, "z +", "acercar (cronograma)", "zoom in (timeline)", footer: [.timeline]),
    b([.character("Z"), .character("-")], .zoomOut, "Z -", "alejar (cronograma)", "zoom out (timeline)"),
    b([.character(".")], .jumpToReportDate, ".", "ir a la fecha del reporte", "go to the report date"),
    b([.character("s"), .control("s")], .save, "s ^S", "guardar", "save", footer: lists, edits: true),
    b([.character("u")], .undo, "u", "deshacer", "undo", edits: true),
    b([.control("r")], .redo, "^R", "rehacer", "redo", edits: true),
    b([.character("}")], .scrollDetailDown, "}", "bajar el panel de detalle (Portafolio)", "scroll the detail pane down (Portfolio)"),
    b([.character("{")], .scrollDetailUp, "{", "subir el panel de detalle", "scroll the detail pane up"),
    b([.character("v")], .toggleChart, "v", "gráfica de avance esperado y real (Portafolio)", "expected vs actual progress chart (Portfolio)"),
    b([.character("P")], .present, "P", "modo presentación para la reunión", "presentation mode for the meeting"),
    b([.character("q"), .control("c")], .quit, "q", "salir", "quit", footer: [.dashboard, .tree, .timeline, .help]),
  ]

  static let byKey: [Key: KeyBinding] = {
    var table: [Key: KeyBinding] = [:]
    for binding in all { for key in binding.keys where table[key] == nil { table[key] = binding } }
    return table
  }()
}
