import TableroCore

/// Styles and glyphs. Without colour (NO_COLOR, vt100) every status keeps its glyph and word,
/// and attributes (bold, underline, reverse) take over what colour did.
public struct Theme: Sendable {
  public var useColor: Bool
  public var useUnicode: Bool

  public init(useColor: Bool, useUnicode: Bool) {
    self.useColor = useColor
    self.useUnicode = useUnicode
  }

  public func status(_ level: StatusLevel) -> CellStyle {
    switch level {
    case .onTrack: return useColor ? CellStyle(foreground: .green) : .plain
    case .minorDeviation: return useColor ? CellStyle(foreground: .yellow) : CellStyle(underline: true)
    case .majorDeviation: return useColor ? CellStyle(foreground: .red, bold: true) : CellStyle(bold: true)
    case .notStarted, .noComponents: return CellStyle(dim: true)
    }
  }

  public func glyph(_ level: StatusLevel) -> String { useUnicode ? level.glyph : level.asciiGlyph }

  public var titleBar: CellStyle { useColor ? CellStyle(foreground: .white, background: .blue, bold: true) : CellStyle(bold: true, reverse: true) }
  public var activeTab: CellStyle { useColor ? CellStyle(foreground: .black, background: .cyan, bold: true) : CellStyle(bold: true, underline: true) }
  public var header: CellStyle { CellStyle(bold: true, underline: true) }
  public var groupRow: CellStyle { CellStyle(bold: true) }
  public var selected: CellStyle { CellStyle(reverse: true) }
  public var dim: CellStyle { CellStyle(dim: true) }
  public var label: CellStyle { CellStyle(bold: true) }
  public var error: CellStyle { useColor ? CellStyle(foreground: .red, bold: true) : CellStyle(bold: true) }
  public var success: CellStyle { useColor ? CellStyle(foreground: .green) : .plain }
  public var key: CellStyle { useColor ? CellStyle(foreground: .cyan, bold: true) : CellStyle(bold: true) }
  public var dialog: CellStyle { useColor ? CellStyle(foreground: .white, background: .blue) : CellStyle(reverse: true) }
  public var field: CellStyle { CellStyle(underline: true) }
  public var focusedField: CellStyle { useColor ? CellStyle(foreground: .black, background: .white) : CellStyle(reverse: true, underline: true) }

  /// Cuadro 8 phases: a distinct fill character each, so they read without colour.
  public func phaseFill(_ phase: Phase) -> Character {
    switch phase {
    case .formulation: useUnicode ? "░" : "-"
    case .implementation: useUnicode ? "▒" : "="
    case .monitoring: useUnicode ? "▓" : "#"
    }
  }

  public func phaseStyle(_ phase: Phase) -> CellStyle {
    guard useColor else { return .plain }
    switch phase {
    case .formulation: return CellStyle(foreground: .cyan)
    case .implementation: return CellStyle(foreground: .blue)
    case .monitoring: return CellStyle(foreground: .magenta)
    }
  }

  public var barFill: Character { useUnicode ? "━" : "-" }
  public var progressFill: Character { useUnicode ? "█" : "#" }
  public var marker: Character { useUnicode ? "│" : "|" }
  /// The timeline's forecast finish beyond the planned end, and the dots leading to it.
  public var forecastMark: Character { useUnicode ? "◆" : ">" }
  public var forecastTrail: Character { useUnicode ? "┈" : "." }
  public var horizontalRule: Character { useUnicode ? "─" : "-" }
  public var verticalRule: Character { useUnicode ? "│" : "|" }
  // ASCII: not "+", which is Conforme's glyph (issue 9).
  public var expandedMark: String { useUnicode ? "▾" : "v" }
  public var collapsedMark: String { useUnicode ? "▸" : ">" }
  public var quickWinMark: String { "*" }
  /// After an item's id: another session changed it since this one last saved.
  public var othersChangedMark: String { useUnicode ? "↻" : "~" }
  public var dirtyMark: String { useUnicode ? "●" : "*" }
}
