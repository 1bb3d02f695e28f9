#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Monotonic clock and peak memory of this process.
enum Measure {
  /// Nanoseconds on CLOCK_MONOTONIC.
  static func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }

  /// CPU nanoseconds of this process (all threads, user + system): on a machine shared with
  /// other work the wall clock mostly measures waiting for a core; this does not.
  static func cpuNow() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }

  /// Runs `body` once: its result, elapsed milliseconds and CPU milliseconds.
  static func timeBoth<T>(_ body: () throws -> T) rethrows -> (value: T, ms: Double, cpuMS: Double) {
    let start = now()
    let cpuStart = cpuNow()
    let value = try body()
    let cpu = Double(cpuNow() - cpuStart) / 1e6
    return (value, Double(now() - start) / 1e6, cpu)
  }

  /// Runs `body` once and gives its result and the elapsed milliseconds.
  static func time<T>(_ body: () throws -> T) rethrows -> (value: T, ms: Double) {
    let start = now()
    let value = try body()
    return (value, Double(now() - start) / 1e6)
  }

  /// Runs `body` `runs` times and gives the median milliseconds and the last result.
  static func median<T>(runs: Int, _ body: () throws -> T) rethrows -> (value: T, ms: Double) {
    var times: [Double] = []
    var last: T?
    for _ in 0..<runs {
      let (value, ms) = try time(body)
      times.append(ms)
      last = value
    }
    times.sort()
    return (last!, times[times.count / 2])
  }

  /// Peak resident set size (getrusage ru_maxrss) in MiB. Linux reports KiB, macOS bytes.
  static var peakRSSMiB: Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Double(usage.ru_maxrss) / 1024
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Double(usage.ru_maxrss) / 1_048_576
    #endif
  }

  /// Current resident set size in MiB (/proc/self/statm on Linux; the peak elsewhere).
  static var currentRSSMiB: Double {
    #if os(Linux)
      let fd = open("/proc/self/statm", O_RDONLY)
      guard fd >= 0 else { return peakRSSMiB }
      defer { close(fd) }
      var buffer = [UInt8](repeating: 0, count: 128)
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      guard n > 0 else { return peakRSSMiB }
      let fields = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: " ")
      guard fields.count >= 2, let pages = Int(fields[1]) else { return peakRSSMiB }
      return Double(pages * sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    #else
      return peakRSSMiB
    #endif
  }
}
