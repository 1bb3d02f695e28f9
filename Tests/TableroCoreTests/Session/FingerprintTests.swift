import Foundation
import Testing
import TableroCore

@Suite("File fingerprint")
struct FingerprintTests {
  @Test func fnv1aKnownValues() {
    #expect(FileFingerprint.fnv1a([]) == 0xcbf2_9ce4_8422_2325)
    #expect(FileFingerprint.fnv1a(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
    #expect(FileFingerprint.fnv1a(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
  }

  @Test func detectsChangesByOtherProgramsButNotTouches() throws {
    let data = try DataFolder()
    let before = try #require(try FileFingerprint.current(data.path))
    #expect(before.size == data.bytes.count)
    #expect(!before.changed(at: data.path))

    // touch: same bytes, new mtime → not a change.
    var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, data.path, &times, 0) == 0)
    #expect(!before.changed(at: data.path))

    // Same size, different bytes (a sed in place), even with the mtime put back.
    var bytes = data.bytes
    let i = bytes.firstIndex(of: UInt8(ascii: "4"))!
    bytes[i] = UInt8(ascii: "5")
    _ = try data.folder.write("portafolio.json", bytes)
    times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, data.path, &times, 0) == 0)
    #expect(before.changed(at: data.path), "same size, inode and mtime: still a change")

    // Replaced by rename (git checkout, editors), deleted.
    let other = try #require(try FileFingerprint.current(data.path))
    try PortfolioStore.save(TestPortfolios.single(progress: 90), to: data.path, backups: 0)
    #expect(other.changed(at: data.path))
    try FileManager.default.removeItem(atPath: data.path)
    #expect(other.changed(at: data.path))
    #expect(try FileFingerprint.current(data.path) == nil)
  }

  @Test func jsonRoundTrip() throws {
    let f = FileFingerprint(size: 123, mtimeNanoseconds: 1_764_086_703_999_999_999, inode: 99, hash: .max)
    #expect(FileFingerprint(json: f.json) == f)
    #expect(f.hashHex == "ffffffffffffffff")
  }
}
