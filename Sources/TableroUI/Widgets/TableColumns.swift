/// Column layout for a table: fixed widths, one flexible column, one space between. A column
/// of width 0 is dropped (narrow terminals): it takes no space and no gap.
struct TableColumn {
  var title: String
  var width: Int
  var alignment: TextAlignment
}

enum TableColumns {
  /// x positions of each column; the flexible column (index `flex`) takes what is left.
  static func layout(_ columns: inout [TableColumn], flex: Int, totalWidth: Int) -> [Int] {
    let fixed = columns.enumerated().filter { $0.offset != flex }.reduce(0) { $0 + $1.element.width }
    let shown = columns.enumerated().filter { $0.offset == flex || $0.element.width > 0 }.count
    let gaps = max(0, shown - 1)
    if columns.indices.contains(flex) { columns[flex].width = max(4, totalWidth - fixed - gaps) }
    var xs: [Int] = []
    var x = 0
    for c in columns {
      xs.append(x)
      if c.width > 0 { x += c.width + 1 }
    }
    return xs
  }
}
