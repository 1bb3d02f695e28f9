#if canImport(Glibc)
  import Glibc
#endif

/// Holds Ctrl-C, SIGTERM, SIGHUP and SIGQUIT while git is in the middle of a merge, so the
/// process is not killed between `git merge` and its commit or abort: a signal that arrives
/// meanwhile waits (pending), the merge is aborted, and only then the process ends.
/// Children (git, the drivers) start with nothing blocked and react to the signal as usual.
enum SignalShield {
  static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  private static var set: sigset_t {
    var s = sigset_t()
    sigemptyset(&s)
    for signal in terminating { sigaddset(&s, signal) }
    return s
  }

  /// Blocks the terminating signals on this thread.
  static func hold() {
    var s = set
    pthread_sigmask(SIG_BLOCK, &s, nil)
  }

  /// Unblocks them; a pending one is delivered now (and usually ends the process).
  static func release() {
    var s = set
    pthread_sigmask(SIG_UNBLOCK, &s, nil)
  }

  /// A terminating signal waiting to be delivered, if any.
  static var pending: Int32? {
    var waiting = sigset_t()
    sigpending(&waiting)
    return terminating.first { sigismember(&waiting, $0) == 1 }
  }
}
