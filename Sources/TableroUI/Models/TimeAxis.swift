import TableroCore

/// The Cuadro 8 time axis: labelled blocks, each a date range drawn over a number of columns,
/// every block of a zoom the same span (a year, a quarter, a month) and width, so a column
/// stands for the same time everywhere; quarters and months are finer zooms.
public enum TimelineZoom: Int, CaseIterable, Sendable {
  case years, quarters, months

  var finer: TimelineZoom { TimelineZoom(rawValue: min(rawValue + 1, 2)) ?? .months }
  var coarser: TimelineZoom { TimelineZoom(rawValue: max(rawValue - 1, 0)) ?? .years }

  func label(_ l: Language) -> String {
    switch self {
    case .years: l.pick("años", "years")
    case .quarters: l.pick("trimestres", "quarters")
    case .months: l.pick("meses", "months")
    }
  }
}

struct TimeBlock: Equatable, Sendable {
  var label: String
  var start: Day
  /// Exclusive.
  var end: Day
  var width: Int
}

struct TimeAxis: Equatable, Sendable {
  var blocks: [TimeBlock]
  /// First column of each block.
  private var offsets: [Int]
  var totalWidth: Int

  init(blocks: [TimeBlock]) {
    self.blocks = blocks
    var offsets: [Int] = []
    var x = 0
    for b in blocks {
      offsets.append(x)
      x += b.width
    }
    self.offsets = offsets
    totalWidth = x
  }

  static let monthsES = ["En", "Fe", "Mr", "Ab", "My", "Jn", "Jl", "Ag", "Se", "Oc", "No", "Di"]
  static let monthsEN = ["Ja", "Fe", "Mr", "Ap", "My", "Jn", "Jl", "Au", "Se", "Oc", "No", "De"]

  /// An axis from the month of `from` to the end of the year of `to`.
  static func make(from: Day, to: Day, zoom: TimelineZoom, language: Language) -> TimeAxis {
    let months = language == .es ? monthsES : monthsEN
    let first = from.components
    let lastYear = max(to.year, first.year)
    var blocks: [TimeBlock] = []
    func day(_ y: Int, _ m: Int) -> Day { Day(year: y, month: m, day: 1) ?? from }
    switch zoom {
    case .years:
      // Whole years only: a partial first year ("Oc-Di 2011") as wide as a whole one would
      // stretch its months; every column stands for two months.
      var year = first.year
      while year <= lastYear {
        blocks.append(TimeBlock(label: "\(year)", start: day(year, 1), end: day(year + 1, 1), width: 6))
        year += 1
      }
    case .quarters:
      var year = first.year
      var quarter = (first.month - 1) / 3
      while year <= lastYear {
        let label = language.pick("T\(quarter + 1) \(year)", "Q\(quarter + 1) \(year)")
        let next = quarter == 3 ? day(year + 1, 1) : day(year, quarter * 3 + 4)
        blocks.append(TimeBlock(label: label, start: day(year, quarter * 3 + 1), end: next, width: 8))
        quarter += 1
        if quarter == 4 { quarter = 0; year += 1 }
      }
    case .months:
      var year = first.year
      var month = first.month
      while year <= lastYear {
        let next = month == 12 ? day(year + 1, 1) : day(year, month + 1)
        blocks.append(TimeBlock(label: "\(months[month - 1]) \(year % 100 < 10 ? "0" : "")\(year % 100)", start: day(year, month), end: next, width: 6))
        month += 1
        if month == 13 { month = 1; year += 1 }
      }
    }
    return TimeAxis(blocks: blocks)
  }

  func offset(ofBlock index: Int) -> Int { offsets.indices.contains(index) ? offsets[index] : 0 }

  /// The days a column covers, or nil outside the axis.
  func range(ofColumn column: Int) -> (start: Day, end: Day)? {
    guard column >= 0, column < totalWidth else { return nil }
    var lo = 0
    var hi = blocks.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if offsets[mid] <= column { lo = mid } else { hi = mid - 1 }
    }
    let block = blocks[lo]
    let length = block.start.days(to: block.end)
    let j = column - offsets[lo]
    let s = block.start.adding(days: length * j / block.width)
    let e = block.start.adding(days: length * (j + 1) / block.width)
    return (s, max(e, s.adding(days: 1)))
  }

  /// The column that contains a day, or nil outside the axis.
  func column(of day: Day) -> Int? {
    guard let first = blocks.first, let last = blocks.last, day >= first.start, day < last.end else { return nil }
    for (i, block) in blocks.enumerated() where day < block.end {
      let length = max(1, block.start.days(to: block.end))
      return offsets[i] + min(block.width - 1, block.start.days(to: day) * block.width / length)
    }
    return nil
  }
}
