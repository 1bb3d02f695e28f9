import TableroCore
@testable import TableroUI

extension AppHarness {
  /// Presses `o` until the lists are sorted by `key`.
  mutating func sort(by key: SortKey) {
    var guardCount = 0
    while state.sort.key != key, guardCount < SortKey.allCases.count {
      press(.character("o"))
      guardCount += 1
    }
  }

  /// The screen row (y) that shows `fragment`, if any.
  func row(containing fragment: String) -> Int? { lines.firstIndex { $0.contains(fragment) } }

  /// The id of the selected item, as the user sees it.
  var selectedID: String? { state.selectedItem?.id }
}
