/// The export's only stylesheet, inline. No web fonts: system fonts that carry the glyphs
/// (DejaVu Sans has ✓ ▲ ✗ ○). Colours follow the seed's three-colour legend, and every
/// state also has a glyph and a word so a black-and-white print still reads.
enum HTMLStyle {
  static func color(_ level: StatusLevel) -> (fill: String, ink: String) {
    switch level {
    case .onTrack: ("#d7efd9", "#1b5e20")
    case .minorDeviation: ("#fff1b8", "#7a5300")
    case .majorDeviation: ("#f9d3d3", "#b71c1c")
    case .notStarted, .noComponents: ("#eceff1", "#37474f")
    }
  }

  /// Stroke colour of a state on a white background (legend swatches, chart titles).
  static func strong(_ level: StatusLevel) -> String {
    switch level {
    case .onTrack: "#2e7d32"
    case .minorDeviation: "#f9a825"
    case .majorDeviation: "#c62828"
    case .notStarted, .noComponents: "#78909c"
    }
  }

  static var css: String {
    var rules = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { font-family: "DejaVu Sans", "Segoe UI", system-ui, -apple-system, "Liberation Sans", Arial, sans-serif;
        font-size: 14px; line-height: 1.35; color: #1a1a1a; background: #fff; margin: 24px auto; max-width: 1240px; padding: 0 16px; }
      h1 { font-size: 22px; margin: 0 0 6px; }
      h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #263238; padding-bottom: 3px; }
      h3 { font-size: 15px; margin: 14px 0 6px; }
      p.meta { margin: 2px 0; }
      p.note { color: #455a64; font-size: 12px; margin: 6px 0; }
      .legend { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 10px 0; padding: 0; list-style: none; }
      .legend li { display: flex; align-items: center; gap: 6px; }
      .swatch { display: inline-block; min-width: 26px; text-align: center; font-weight: bold; border: 1px solid; border-radius: 3px; padding: 0 4px; }
      table { border-collapse: collapse; width: 100%; font-size: 13px; }
      th, td { border: 1px solid #b0bec5; padding: 3px 6px; vertical-align: top; }
      thead th { background: #263238; color: #fff; text-align: left; }
      td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.date { white-space: nowrap; }
      td.state { white-space: nowrap; font-weight: bold; }
      .glyph { display: inline-block; width: 1.1em; text-align: center; }
      tr.imperative th { background: #cfd8dc; text-align: left; font-size: 1.2em; }
      tr.subtotal td { font-weight: bold; border-top: 2px solid #263238; }
      tr.total td { font-weight: bold; font-size: 1.15em; border-top: 3px double #263238; background: #eceff1; }
      /* Sizes relative to the table's, so screen and print keep the hierarchy: imperative >
         component (semi-bold) > initiative (smaller). */
      tr.component td { font-weight: 600; }
      tr.initiative td { font-size: 0.92em; color: #263238; }
      tr.initiative td.name { padding-left: 34px; }
      tr.component td.name { padding-left: 16px; }
      .id { font-weight: bold; margin-right: 4px; }
      figure { margin: 8px 0 16px; }
      figcaption { font-size: 12px; color: #37474f; margin-top: 4px; }
      svg { display: block; width: 100%; height: auto; font-family: inherit; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; }
      .chart { border: 1px solid #cfd8dc; border-radius: 4px; padding: 8px; break-inside: avoid; page-break-inside: avoid; }
      .chart h3 { margin: 0 0 4px; font-size: 14px; }
      .chart p { margin: 0 0 4px; font-size: 12px; }
      .badge { display: inline-block; border: 1px solid; border-radius: 3px; padding: 0 5px; font-weight: bold; white-space: nowrap; }
      .red-list { margin: 6px 0; padding-left: 0; list-style: none; }
      .red-item { margin: 8px 0; }
      ul.why { margin: 3px 0 0 24px; font-size: 0.92em; }
      ul.why li.lead { list-style: none; margin-left: -14px; font-weight: 600; }
      td.forecast { font-size: 0.9em; color: #4a148c; white-space: nowrap; }
      .red-item .forecast { color: #4a148c; }
      td.spark { width: 190px; }
      td.spark .note { display: block; margin: 0; }
      footer { margin-top: 28px; font-size: 11px; color: #607d8b; border-top: 1px solid #cfd8dc; padding-top: 6px; }
      @media print {
        @page { size: A4 landscape; margin: 12mm; }
        body { margin: 0; max-width: none; font-size: 11px; padding: 0; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        table { font-size: 10px; }
        thead { display: table-header-group; }
        /* A heading never ends a page: it keeps with what follows, and each heading+content
           wrapper (.keep) moves to the next page whole rather than splitting. */
        h1, h2, h3, .heading-group { break-after: avoid; page-break-after: avoid; }
        .keep, .red-item, tr, figure, .chart { break-inside: avoid; page-break-inside: avoid; }
        /* Charts flow three to a row, as many rows as fit: no forced page per pair. */
        .charts { grid-template-columns: repeat(3, 1fr); gap: 8px; }
        .chart { padding: 4px; }
        td.spark { width: 130px; }
        svg.indicator-chart { max-width: 120px !important; }
        footer { position: static; }
      }

      """
    for level in [StatusLevel.onTrack, .minorDeviation, .majorDeviation, .notStarted, .noComponents] {
      let c = color(level)
      rules += ".st-\(level.colorName) { background: \(c.fill); color: \(c.ink); border-color: \(strong(level)); }\n"
      rules += "tr.row-\(level.colorName) > td:first-child { border-left: 5px solid \(strong(level)); }\n"
    }
    return rules
  }
}
