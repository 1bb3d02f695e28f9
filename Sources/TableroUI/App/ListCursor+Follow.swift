import TableroCore

extension ListCursor {
  /// After the rows were rebuilt (edit, re-sort, filter): selects the same item as before, or,
  /// when it left the list, the nearest of its old neighbours still listed, so the next key acts
  /// on what the user was looking at rather than on whatever row slid under the cursor.
  mutating func follow<Row, Key: Hashable>(
    from old: [Row], selected: Int, to new: [Row], visible: Int, key: (Row) -> Key
  ) {
    guard old.indices.contains(selected), !new.isEmpty else {
      clamp(count: new.count, visible: visible)
      return
    }
    let wanted = key(old[selected])
    // Most rebuilds keep the row where it was: check there first.
    if new.indices.contains(selected), key(new[selected]) == wanted {
      self.selected = selected
    } else if let same = new.firstIndex(where: { key($0) == wanted }) {
      self.selected = same
    } else {
      var position: [Key: Int] = [:]
      position.reserveCapacity(new.count)
      for (i, row) in new.enumerated() where position[key(row)] == nil { position[key(row)] = i }
      self.selected = min(selected, new.count - 1)
      for distance in 1..<max(old.count, 1) {
        if selected + distance < old.count, let i = position[key(old[selected + distance])] {
          self.selected = i
          break
        }
        if selected - distance >= 0, let i = position[key(old[selected - distance])] {
          self.selected = i
          break
        }
      }
    }
    clamp(count: new.count, visible: visible)
  }
}

/// What identifies a row across rebuilds: an item under one parent (a component is listed
/// under each imperative that has it; the subtotal shares its imperative's id).
struct DashboardRowKey: Hashable {
  var kind: DashboardRow.Kind
  var id: String
  var imperativeID: String

  init(_ row: DashboardRow) {
    kind = row.kind
    id = row.id
    imperativeID = row.imperativeID
  }
}

/// A tree or timeline row's identity (its path) without building the path string: comparing
/// it allocates nothing, which matters when a filter change makes `follow` scan 30 000 rows.
struct TreeRowKey: Hashable {
  var parentPath: String
  var id: String

  init(_ row: TreeRow) {
    parentPath = row.parentPath
    id = row.id
  }
}
