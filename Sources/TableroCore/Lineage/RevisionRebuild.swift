import TableroJSON

/// Rebuilds an earlier revision of a file from the file as it is and its revision log, by
/// applying the saves' patches backwards.
public enum RevisionRebuild {
  public struct Failure: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
      /// The file carries no revision.
      case noRevision
      /// The file is not the revision it names (changed by hand or by another program since).
      case changedSinceSaved(String)
      /// The log has no way from the file's revision back to the one wanted (older than the
      /// log keeps, or saved elsewhere).
      case notInLog(String)
      /// A patch did not fit or the result did not load.
      case damaged(String)
    }
    public var reason: Reason

    public func describe(_ l: Language) -> String {
      switch reason {
      case .noRevision: l.pick("el archivo no tiene revisión", "the file has no revision")
      case .changedSinceSaved(let id):
        l.pick(
          "el archivo cambió fuera de tablero después de guardar la revisión \(id)",
          "the file changed outside tablero after revision \(id) was saved")
      case .notInLog(let id):
        l.pick(
          "el registro de revisiones no llega a la revisión \(id) (es más antigua de lo que guarda, o se guardó en otra copia)",
          "the revision log does not reach revision \(id) (older than it keeps, or saved in another copy)")
      case .damaged(let why): l.pick("el registro de revisiones no sirve: \(why)", "the revision log cannot be used: \(why)")
      }
    }
  }

  public struct Rebuilt: Sendable {
    public var portfolio: Portfolio
    /// Saves undone to get there (0: the file itself).
    public var steps: Int
  }

  /// Revision `target` of the file whose bytes are `bytes` (loaded as `current`), using `log`.
  public static func rebuild(
    _ target: String, current: Portfolio, bytes: [UInt8], log: [RevisionLog.Entry]
  ) -> Result<Rebuilt, Failure> {
    guard let start = current.lineage.revision?.id else { return .failure(Failure(reason: .noRevision)) }
    if let own = log.last(where: { $0.revision == start }), own.hash != FileFingerprint.fnv1a(bytes) {
      return .failure(Failure(reason: .changedSinceSaved(start)))
    }
    if start == target { return .success(Rebuilt(portfolio: current, steps: 0)) }
    guard let path = path(from: start, to: target, in: log) else { return .failure(Failure(reason: .notInLog(target))) }
    guard case .object(var top)? = try? JSON.parse(bytes) else {
      return .failure(Failure(reason: .damaged("JSON")))
    }
    for entry in path {
      do throws(RevisionPatch.Failure) {
        try RevisionPatch.apply(entry.undo, to: &top)
      } catch {
        return .failure(Failure(reason: .damaged(error.reason)))
      }
    }
    do {
      let loaded = try PortfolioCodec.decode(JSONWriter.bytes(.object(top)), path: "revisión \(target)")
      guard loaded.portfolio.lineage.revision?.id == target else {
        return .failure(Failure(reason: .damaged("revision \(target) not reached")))
      }
      return .success(Rebuilt(portfolio: loaded.portfolio, steps: path.count))
    } catch {
      return .failure(Failure(reason: .damaged(error.describe(.en))))
    }
  }

  /// The shortest chain of log entries from revision `start` back to `target` (breadth first:
  /// a merge has one entry per parent).
  static func path(from start: String, to target: String, in log: [RevisionLog.Entry]) -> [RevisionLog.Entry]? {
    var edges: [String: [RevisionLog.Entry]] = [:]
    for e in log where e.parent != nil { edges[e.revision, default: []].append(e) }
    var cameFrom: [String: RevisionLog.Entry] = [:]
    var visited: Set<String> = [start]
    var frontier = [start]
    while !frontier.isEmpty, !visited.contains(target) {
      var next: [String] = []
      for node in frontier {
        // The newest entry per parent: a revision id is written once, but a log merged by hand
        // could repeat it.
        for e in (edges[node] ?? []).reversed() {
          guard let parent = e.parent, visited.insert(parent).inserted else { continue }
          cameFrom[parent] = e
          next.append(parent)
        }
      }
      frontier = next
    }
    guard visited.contains(target) else { return nil }
    var chain: [RevisionLog.Entry] = []
    var node = target
    while node != start, let e = cameFrom[node] {
      chain.append(e)
      node = e.revision
    }
    return chain.reversed()
  }
}
