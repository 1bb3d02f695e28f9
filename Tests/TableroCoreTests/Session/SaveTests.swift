import Foundation
import Testing
@testable import TableroCore

@Suite("Durable saves with backups")
struct SaveTests {
  @Test func backupsRotateUpToThree() throws {
    let data = try DataFolder(TestPortfolios.single(progress: 0))
    var versions: [[UInt8]] = [data.bytes]
    for p in [10.0, 20, 30, 40] {
      try PortfolioStore.save(TestPortfolios.single(progress: p), to: data.path)
      versions.append(data.bytes)
    }
    #expect(try data.load().initiatives[0].actualProgress == 40)
    #expect(try data.folder.read("portafolio.json.bak") == versions[3])
    #expect(try data.folder.read("portafolio.json.bak.1") == versions[2])
    #expect(try data.folder.read("portafolio.json.bak.2") == versions[1])
    #expect(!data.entries.contains("portafolio.json.bak.3"))
    #expect(data.temporaries.isEmpty)
    #expect(PortfolioStore.backupPaths(for: data.path) == [data.path + ".bak", data.path + ".bak.1", data.path + ".bak.2"])
  }

  @Test func savesWithoutChangesKeepTheThreePreviousVersions() throws {
    let data = try DataFolder(TestPortfolios.single(progress: 0))
    var versions: [[UInt8]] = [data.bytes]
    for p in [10.0, 20, 30] {
      try PortfolioStore.save(TestPortfolios.single(progress: p), to: data.path)
      versions.append(data.bytes)
    }
    // Three saves of the same content: the promise is still "the three previous versions".
    for _ in 0..<3 { try PortfolioStore.save(TestPortfolios.single(progress: 30), to: data.path) }
    #expect(data.bytes == versions[3])
    #expect(try data.folder.read("portafolio.json.bak") == versions[2])
    #expect(try data.folder.read("portafolio.json.bak.1") == versions[1])
    #expect(try data.folder.read("portafolio.json.bak.2") == versions[0])
    // The next real change rotates as before.
    try PortfolioStore.save(TestPortfolios.single(progress: 40), to: data.path)
    #expect(try data.folder.read("portafolio.json.bak") == versions[3])
    #expect(try data.folder.read("portafolio.json.bak.2") == versions[1])
  }

  @Test func backupIsACopyWhereLinksFail() throws {
    let data = try DataFolder(TestPortfolios.single(progress: 5))
    let before = data.bytes
    try PortfolioStore.write(
      PortfolioCodec.encode(TestPortfolios.single(progress: 6)), to: data.path, faults: .init(noHardLinks: true))
    #expect(try data.folder.read("portafolio.json.bak") == before)
    var a = stat(), b = stat()
    stat(data.path + ".bak", &a)
    stat(data.path, &b)
    #expect(a.st_ino != b.st_ino && a.st_nlink == 1)
    #expect(data.temporaries.isEmpty)
  }

  @Test func permissionsAndSymlinksAreKept() throws {
    let data = try DataFolder()
    chmod(data.path, 0o640)
    let link = data.folder.file("enlace.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data.path)
    try PortfolioStore.save(TestPortfolios.single(progress: 77), to: link)
    var info = stat()
    lstat(link, &info)
    #expect(info.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
    stat(data.path, &info)
    #expect(info.st_mode & 0o777 == 0o640)
    #expect(try data.load().initiatives[0].actualProgress == 77)
    #expect(FileManager.default.fileExists(atPath: data.path + ".bak"))
  }

  /// Each step failing with a real errno: original intact, temp removed, the reason given.
  @Test(arguments: [
    (FileSystem.SaveStep.createTemp, EACCES), (.write, ENOSPC), (.fsync, EIO), (.backup, ENOSPC), (.rename, EXDEV),
    (.createTemp, EROFS),
  ])
  func aFailedStepLeavesTheOriginal(_ step: FileSystem.SaveStep, _ code: Int32) throws {
    let data = try DataFolder()
    let before = data.bytes
    do {
      try PortfolioStore.write(
        PortfolioCodec.encode(TestPortfolios.single(progress: 99)), to: data.path, faults: .init([step: code]))
      Issue.record("should fail")
    } catch {
      guard case .writeFailed(let path, let reason) = error else { Issue.record("\(error)"); return }
      #expect(path == data.path)
      #expect(reason.contains(String(cString: strerror(code))), "\(reason)")
      #expect(error.describe(.es).contains("el archivo anterior queda intacto"))
      #expect(error.describe(.en).contains("the previous file is untouched"))
    }
    #expect(data.bytes == before)
    #expect(data.temporaries.isEmpty, "\(data.entries)")
  }

  @Test func theFolderVanished() throws {
    let data = try DataFolder()
    try FileManager.default.removeItem(atPath: data.folder.path)
    #expect(
      throws: StoreError.writeFailed(
        path: data.path,
        reason: "la carpeta \(data.folder.path) ya no existe: ¿se movió, renombró o borró? / the folder is gone: moved, renamed or deleted?")
    ) {
      try PortfolioStore.save(TestPortfolios.single(), to: data.path)
    }
  }

  @Test(.enabled(if: TinyFilesystem.canMount, "needs root and mount(2) to make a tiny tmpfs")) func aFullDiskForReal() throws {
    let tiny = try #require(TinyFilesystem(size: "64k"), "mount -t tmpfs failed")
    let path = tiny.path + "/p.json"
    let small = TestPortfolios.single(progress: 12)
    try PortfolioStore.save(small, to: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    var big = small
    for i in 0..<400 {
      var copy = big.initiatives[0]
      copy.id = "C1-\(1000 + i)"
      copy.notes = String(repeating: "relleno ", count: 20)
      big.initiatives.append(copy)
    }
    do {
      try PortfolioStore.save(big, to: path)
      Issue.record("a \(PortfolioCodec.encode(big).count)-byte file fits in 64k?")
    } catch {
      #expect(error.describe(.en).contains("No space left on device"), "\(error.describe(.en))")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let left = try FileManager.default.contentsOfDirectory(atPath: tiny.path)
    #expect(!left.contains { $0.contains(".tmp-") }, "\(left)")
    #expect(try PortfolioStore.load(from: path).portfolio == small)
  }

  @Test(.enabled(if: TinyFilesystem.canMount, "needs root and mount(2) to make a tiny tmpfs")) func aReadOnlyFilesystemForReal() throws {
    let fs = try #require(TinyFilesystem(size: "256k"), "mount -t tmpfs failed")
    let path = fs.path + "/p.json"
    try PortfolioStore.save(TestPortfolios.single(progress: 1), to: path)
    #expect(fs.remount(readOnly: true))
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    do {
      try PortfolioStore.save(TestPortfolios.single(progress: 2), to: path)
      Issue.record("should fail")
    } catch {
      #expect(error.describe(.en).contains("Read-only file system"), "\(error.describe(.en))")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(fs.remount(readOnly: false))
  }

  @Test func permissionDeniedForReal() throws {
    // Root writes anywhere; this runs only as an ordinary user (the CLI test covers root via setpriv).
    guard getuid() != 0 else { return }
    let data = try DataFolder()
    chmod(data.folder.path, 0o555)
    defer { chmod(data.folder.path, 0o755) }
    let before = data.bytes
    #expect(throws: StoreError.self) { try PortfolioStore.save(TestPortfolios.single(progress: 3), to: data.path) }
    #expect(data.bytes == before)
  }

  @Test func staleTemporariesOfDeadSavesAreRemoved() throws {
    let data = try DataFolder()
    let dead = try deadPID()
    _ = try data.folder.write(".portafolio.json.tmp-\(dead)", [1, 2, 3])
    _ = try data.folder.write(".portafolio.json.tmp-1", [1])  // pid 1 is alive: not ours to remove
    _ = try data.folder.write(".otro.json.tmp-\(dead)", [1])
    FileSystem.removeStaleTemporaries(for: data.path)
    #expect(data.temporaries.sorted() == [".otro.json.tmp-\(dead)", ".portafolio.json.tmp-1"])
  }
}
