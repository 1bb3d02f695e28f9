import TableroCore

/// What a key does in the resolver (browsing). One table drives dispatch, the footer and the
/// help, so the keys on screen cannot drift from the keys that work.
enum MergeResolverAction: Equatable, CaseIterable {
  case up, down, first, last, takeMine, takeTheirs, edit, allMine, allTheirs, apply, cancel, help
}

struct MergeResolverBinding {
  var action: MergeResolverAction
  var keys: [Key]
  /// How the keys are shown: "↑↓", "m".
  var label: String
  var asciiLabel: String
  /// Short word for the footer; nil keeps the binding out of it.
  var footer: (es: String, en: String)?
  /// The keys as the footer shows them, when they differ from `label` ("M/T").
  var footerLabel: String? = nil
  var help: (es: String, en: String)

  func footerText(_ l: Language) -> String? { footer.map { l.pick($0.es, $0.en) } }
  func helpText(_ l: Language) -> String { l.pick(help.es, help.en) }
}

enum MergeResolverKeys {
  static let bindings: [MergeResolverBinding] = [
    .init(
      action: .up, keys: [.up, .character("k")], label: "↑↓", asciiLabel: "up/dn", footer: ("elegir", "select"),
      help: ("conflicto anterior / siguiente (también k / j)", "previous / next conflict (also k / j)")),
    .init(action: .down, keys: [.down, .character("j")], label: "", asciiLabel: "", footer: nil, help: ("", "")),
    .init(
      action: .first, keys: [.home, .pageUp, .character("g")], label: "Inicio", asciiLabel: "Home", footer: nil,
      help: ("primer conflicto", "first conflict")),
    .init(
      action: .last, keys: [.end, .pageDown, .character("G")], label: "Fin", asciiLabel: "End", footer: nil,
      help: ("último conflicto", "last conflict")),
    .init(
      action: .takeMine, keys: [.character("m")], label: "m", asciiLabel: "m", footer: ("mío", "mine"),
      help: ("conservar el valor de este archivo", "keep this file's value")),
    .init(
      action: .takeTheirs, keys: [.character("t")], label: "t", asciiLabel: "t", footer: ("otro", "theirs"),
      help: ("tomar el valor del otro archivo", "take the other file's value")),
    .init(
      action: .edit, keys: [.character("e")], label: "e", asciiLabel: "e", footer: ("editar", "edit"),
      help: ("escribir otro valor (se valida según el campo)", "type another value (checked against the field)")),
    .init(
      action: .allMine, keys: [.character("M")], label: "M", asciiLabel: "M", footer: ("todos", "all"), footerLabel: "M/T",
      help: ("todos los pendientes: mío", "every pending conflict: mine")),
    .init(
      action: .allTheirs, keys: [.character("T")], label: "T", asciiLabel: "T", footer: nil,
      help: ("todos los pendientes: otro", "every pending conflict: theirs")),
    .init(
      action: .apply, keys: [.enter, .character("a")], label: "Enter", asciiLabel: "Enter", footer: ("aplicar", "apply"),
      help: ("aplicar y escribir (cuando todos están resueltos)", "apply and write (once all are resolved)")),
    .init(
      action: .cancel, keys: [.character("q"), .escape, .control("c")], label: "q", asciiLabel: "q",
      footer: ("cancelar", "cancel"), help: ("cancelar sin escribir nada", "cancel, writing nothing")),
    .init(
      action: .help, keys: [.character("?"), .function(1)], label: "?", asciiLabel: "?", footer: ("ayuda", "help"),
      help: ("mostrar u ocultar esta ayuda", "show or hide this help")),
  ]

  static func action(for key: Key) -> MergeResolverAction? {
    bindings.first { $0.keys.contains(key) }?.action
  }
}
