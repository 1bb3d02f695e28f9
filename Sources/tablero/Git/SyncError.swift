import ArgumentParser

/// Why a sync stopped. Every case leaves the repository as it was before the merge (the
/// local commit of the saved state, if one was made, stays: nothing of the user's is lost).
enum SyncError: Error {
  /// The work tree or the setup does not allow a sync (not a repository, no remote, unrelated
  /// changes, unsaved edits, git failed): exit 74.
  case refused(String)
  /// Conflicts that need a person: no terminal and no `--preferir`, or the resolver was
  /// cancelled: exit 65.
  case undecided(String)

  var message: String {
    switch self {
    case .refused(let text), .undecided(let text): text
    }
  }

  var exitCode: ExitCode {
    switch self {
    case .refused: Exit.ioError
    case .undecided: Exit.dataError
    }
  }
}
