/// Column layout for a table: fixed widths, one flexible column, one space between.
struct TableColumn {
  var title: String
  var width: Int
  var alignment: TextAlignment
}

enum TableColumns {
  /// x positions of each column; the flexible column (index `flex`) takes what is left.
  static func layout(_ columns: inout [TableColumn], flex: Int, totalWidth: Int) -> [Int] {
    let fixed = columns.enumerated().filter { $0.offset != flex }.reduce(0) { $0 + $1.element.width }
    let gaps = max(0, columns.count - 1)
    if columns.indices.contains(flex) { columns[flex].width = max(4, totalWidth - fixed - gaps) }
    var xs: [Int] = []
    var x = 0
    for c in columns {
      xs.append(x)
      x += c.width + 1
    }
    return xs
  }
}
