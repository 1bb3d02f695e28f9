/// The horizontal axis of the Cuadro 8 timeline in the HTML export: as in the seed's figure
/// (and the TUI's Cronograma), a first block for the partial first year ("Oc-Di 2011"), then
/// one block per year. Blocks have equal widths (the first partial one at least as wide as its
/// label needs), and days are placed linearly inside their block.
struct HTMLTimeScale {
  struct Block {
    var label: String
    var start: Day
    /// Exclusive.
    var end: Day
    var x: Double
    var width: Double
  }

  var blocks: [Block]
  var x0: Double
  var x1: Double

  static let monthsES = ["En", "Fe", "Mr", "Ab", "My", "Jn", "Jl", "Ag", "Se", "Oc", "No", "Di"]
  static let monthsEN = ["Ja", "Fe", "Mr", "Ap", "My", "Jn", "Jl", "Au", "Se", "Oc", "No", "De"]

  /// From the month of `from` to the end of the year of `to`, drawn between `x0` and `x1`.
  init(from: Day, to: Day, x0: Double, x1: Double, language: Language) {
    let months = language == .es ? Self.monthsES : Self.monthsEN
    let first = from.components
    let lastYear = max(to.year, first.year)
    func day(_ y: Int, _ m: Int) -> Day { Day(year: y, month: m, day: 1) ?? from }
    var raw: [(String, Day, Day)] = []
    var year = first.year
    if first.month > 1 {
      raw.append(("\(months[first.month - 1])-\(months[11]) \(year)", day(year, first.month), day(year + 1, 1)))
      year += 1
    }
    while year <= lastYear {
      raw.append(("\(year)", day(year, 1), day(year + 1, 1)))
      year += 1
    }
    let total = x1 - x0
    let partial = first.month > 1
    // The partial block needs room for "Oc-Di 2011" (~62 px at 11 px).
    let equal = total / Double(raw.count)
    let firstWidth = partial ? max(equal, min(66, total / 2)) : equal
    let rest = raw.count > 1 ? (total - firstWidth) / Double(raw.count - 1) : total
    var x = x0
    blocks = []
    for (i, r) in raw.enumerated() {
      let w = i == 0 ? firstWidth : rest
      blocks.append(Block(label: r.0, start: r.1, end: r.2, x: x, width: w))
      x += w
    }
    self.x0 = x0
    self.x1 = x1
  }

  /// The x of the start of `day` (clamped to the axis).
  func x(_ day: Day) -> Double {
    guard let first = blocks.first, let last = blocks.last else { return x0 }
    if day <= first.start { return first.x }
    if day >= last.end { return last.x + last.width }
    for b in blocks where day < b.end {
      let length = Double(max(1, b.start.days(to: b.end)))
      return b.x + b.width * Double(b.start.days(to: day)) / length
    }
    return x1
  }

  /// The x just after the end of `day` (ranges are closed: an end date is included).
  func xEnd(_ day: Day) -> Double { x(day.adding(days: 1)) }
}
