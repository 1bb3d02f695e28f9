import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// The git work tree a data file lives in, and the questions sync asks it. Every command runs
/// at the top of the work tree, so paths are relative to it.
struct GitRepository {
  /// The work tree's top folder (absolute).
  let top: String
  /// Git at `top`.
  let git: GitProcess

  /// The work tree containing `folder`, or nil when it is not in one (or git is missing).
  static func containing(_ folder: String) -> GitRepository? {
    let probe = GitProcess(directory: folder).run("rev-parse", "--show-toplevel")
    guard probe.ok, !probe.text.isEmpty else { return nil }
    return GitRepository(top: probe.text, git: GitProcess(directory: probe.text))
  }

  func run(_ arguments: String...) -> GitProcess.Result { git.run(arguments) }

  /// An absolute path's folder and file name ("/a/b/p.json" → ("/a/b", "p.json")).
  static func folderAndName(of path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = slash == path.startIndex ? "/" : String(path[..<slash])
    return (folder, String(path[path.index(after: slash)...]))
  }

  /// `git config --get name`, nil when unset.
  func config(_ name: String) -> String? {
    let r = git.run(["config", "--get", name])
    return r.ok ? r.text : nil
  }

  /// The branch checked out; nil on a detached HEAD.
  var currentBranch: String? {
    let r = git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
    return r.ok && !r.text.isEmpty ? r.text : nil
  }

  /// The remote this branch syncs with: its upstream's remote, else `origin`, else the only one.
  func remote(for branch: String) -> String? {
    if let configured = config("branch.\(branch).remote"), configured != "." { return configured }
    let remotes = git.run(["remote"]).text.split(separator: "\n").map(String.init)
    if remotes.contains("origin") { return "origin" }
    return remotes.count == 1 ? remotes.first : nil
  }

  var hasRemotes: Bool { !git.run(["remote"]).text.isEmpty }

  /// True when the branch has an upstream configured (else the first push sets it).
  func hasUpstream(_ branch: String) -> Bool { config("branch.\(branch).merge") != nil }

  /// The commit a ref names, nil when it does not exist.
  func commit(_ ref: String) -> String? {
    let r = git.run(["rev-parse", "--verify", "--quiet", ref + "^{commit}"])
    return r.ok && !r.text.isEmpty ? r.text : nil
  }

  func isAncestor(_ a: String, of b: String) -> Bool { git.run(["merge-base", "--is-ancestor", a, b]).ok }

  /// Commits in `to` that `from` lacks.
  func count(from: String, to: String) -> Int { Int(git.run(["rev-list", "--count", "\(from)..\(to)"]).text) ?? 0 }

  /// A file of git's own folder (`MERGE_HEAD`…), as an absolute path.
  func gitPath(_ name: String) -> String {
    let p = git.run(["rev-parse", "--git-path", name]).text
    return p.hasPrefix("/") ? p : top + "/" + p
  }

  var isMerging: Bool { PortfolioStore.exists(gitPath("MERGE_HEAD")) }

  /// A merge, rebase, cherry-pick, revert or bisect left unfinished, in words; nil when none.
  func operationInProgress(_ l: Language) -> String? {
    let marks: [(String, String, String)] = [
      ("MERGE_HEAD", "una fusión (git merge)", "a merge (git merge)"),
      ("rebase-merge", "un rebase (git rebase)", "a rebase (git rebase)"),
      ("rebase-apply", "un rebase o git am", "a rebase or git am"),
      ("CHERRY_PICK_HEAD", "un cherry-pick", "a cherry-pick"),
      ("REVERT_HEAD", "un revert", "a revert"),
      ("BISECT_LOG", "un bisect", "a bisect"),
    ]
    for (file, es, en) in marks where PortfolioStore.exists(gitPath(file)) { return l.pick(es, en) }
    return nil
  }

  /// Changes to tracked files (staged or not), and conflicted paths.
  func trackedChanges() -> [GitStatusEntry] {
    GitStatus.parse(git.run(["status", "--porcelain=v1", "-z", "--untracked-files=no"]).output)
  }

  /// Paths left conflicted by a merge.
  func unmergedPaths() -> [String] {
    git.run(["diff", "--name-only", "--diff-filter=U", "-z"]).output
      .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// A blob's bytes (`HEAD:path`, `:2:path`), nil when it does not exist.
  func show(_ spec: String) -> [UInt8]? {
    let r = git.run(["cat-file", "blob", spec])
    return r.ok ? r.output : nil
  }

  /// Ends an unfinished merge, back to the commit before it: `git merge --abort`, and
  /// `git reset --merge` if that was not enough. True when no merge is left in progress.
  @discardableResult
  func abortMerge() -> Bool {
    guard isMerging else { return true }
    _ = git.run(["merge", "--abort"])
    if isMerging { _ = git.run(["reset", "--merge"]) }
    return !isMerging
  }

  /// `user.name`/`user.email` for a commit when git has no identity configured: the session's
  /// user at this host, so a field laptop without git set up can still commit.
  func identitySettings(_ identity: SessionIdentity) -> [String] {
    if git.run(["var", "GIT_COMMITTER_IDENT"]).ok { return [] }
    return ["user.name=\(identity.user)", "user.email=\(identity.user)@\(identity.host)"]
  }
}
