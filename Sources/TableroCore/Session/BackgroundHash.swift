#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// FNV-1a of a file's bytes computed on a second thread while this one does something else
/// (parse the file at load, write and fsync it at save). FNV-1a is one multiply per byte in a
/// chain, ≈ 100 ms for 61 MB, and cannot be made faster on one core; it can run beside.
/// Small inputs, and a failure to start the thread, hash on the caller's thread in `value`.
final class BackgroundHash: @unchecked Sendable {
  /// Below this the thread costs more than it saves.
  static let threshold = 1 << 20

  private let bytes: [UInt8]
  // Written by the thread before it ends and read only after `pthread_join`, which orders them.
  private var result: UInt64 = 0
  private var computed = false
  private var thread: pthread_t?

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    guard bytes.count >= Self.threshold else { return }
    var handle = pthread_t()
    let context = Unmanaged.passRetained(self).toOpaque()
    let started = pthread_create(&handle, nil, { context in
      guard let context else { return nil }
      let hash = Unmanaged<BackgroundHash>.fromOpaque(context).takeRetainedValue()
      hash.result = FileFingerprint.fnv1a(hash.bytes)
      hash.computed = true
      return nil
    }, context)
    if started == 0 {
      thread = handle
    } else {
      Unmanaged<BackgroundHash>.fromOpaque(context).release()
    }
  }

  /// The hash, waiting for the thread when there is one.
  var value: UInt64 {
    if let running = thread {
      pthread_join(running, nil)
      thread = nil
    }
    if !computed {
      result = FileFingerprint.fnv1a(bytes)
      computed = true
    }
    return result
  }

  deinit {
    // The thread holds a reference until it ends, so it has ended or is ending here (possibly on
    // itself, when it let go last): reap it.
    guard let running = thread else { return }
    if pthread_equal(running, pthread_self()) != 0 {
      pthread_detach(running)
    } else {
      pthread_join(running, nil)
    }
  }
}
