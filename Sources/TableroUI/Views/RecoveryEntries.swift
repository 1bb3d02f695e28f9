import TableroCore

/// The start-up recovery dialog with its entries shown ("v"): the summary and one line per
/// journalled edit, scrolled like the comparison list instead of cut at the screen's end.
enum RecoveryEntries {
  /// The page the dialog shows; its room leaves space for the choices however they wrap.
  static func page(_ prompt: RecoveryPrompt, state: AppState) -> LinesPage {
    let lines = [prompt.summary, ""] + prompt.entries
    let probe = LinesPage(lines, state: state, offset: prompt.entryOffset)
    let rows = TextWrap.lines(options(prompt, page: probe, state.language), width: ModalView.innerWidth(state)).count
    return LinesPage(lines, state: state, offset: prompt.entryOffset, optionRows: rows)
  }

  /// The choices, and where the list is when it scrolls.
  static func options(_ prompt: RecoveryPrompt, page: LinesPage?, _ l: Language) -> String {
    let choices = l.pick(
      "a aplicarlos · v " + (prompt.showsEntries ? "ocultar" : "verlos") + " · d descartar (se guarda copia) · Esc después",
      "a apply them · v " + (prompt.showsEntries ? "hide" : "show") + " · d discard (a copy is kept) · Esc later")
    guard let page, page.scrolls else { return choices }
    return choices + " · " + page.position(l)
  }
}
