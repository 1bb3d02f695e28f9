import TableroCore

#if canImport(Glibc)
  import Glibc
#endif

/// Installs the tablero merge drivers for one data file: the driver commands in the clone's
/// config (`merge.tablero.*`, `merge.tablero-historial.*`), the `merge=` attributes in the
/// data folder's `.gitattributes`, and the local-only files in its `.gitignore`.
/// `tablero git instalar` does it on request; `tablero sincronizar` on first use.
struct GitSetup {
  let repository: GitRepository
  /// The data file's folder, relative to the work tree's top ("" at the top, else "datos/").
  let prefix: String
  let files: SyncFiles
  let language: Language

  /// What was changed, in words (empty when everything was already in place).
  struct Report {
    var lines: [String] = []
    /// Work-tree files written (relative to the top): commit them.
    var changedFiles: [String] = []
  }

  /// `replaceDrivers`: write the driver commands even when some are configured (an explicit
  /// `tablero git instalar`); otherwise only missing ones are written.
  func install(replaceDrivers: Bool) throws(SyncError) -> Report {
    let l = language
    var report = Report()
    let command = Self.executableCommand()
    let drivers = [
      (SyncFiles.portfolioDriver, l.pick("Tablero: fusión por id y campo", "Tablero: merge by id and field"),
       "\(command) merge-driver %O %A %B %P"),
      (SyncFiles.historyDriver, l.pick("Tablero: historial (unión por fecha)", "Tablero: history (union by time)"),
       "\(command) merge-driver --historial %O %A %B"),
    ]
    for (driver, name, line) in drivers {
      let current = repository.config("merge.\(driver).driver")
      guard current == nil || (replaceDrivers && current != line) else { continue }
      for (key, value) in [("driver", line), ("name", name)] {
        let r = repository.run("config", "merge.\(driver).\(key)", value)
        if !r.ok { throw failure(l.pick("no se pudo escribir la configuración de git", "could not write git's config"), r) }
      }
      report.lines.append(l.pick("git config merge.\(driver).driver \"\(line)\" (en este clon)", "git config merge.\(driver).driver \"\(line)\" (in this clone)"))
    }

    let data = prefix + files.name
    let history = prefix + files.historyName
    let attributes = repository.run("check-attr", "merge", "--", data, history).text
    let wanted = [(data, SyncFiles.portfolioDriver), (history, SyncFiles.historyDriver)]
    if !wanted.allSatisfy({ attributes.contains("\($0.0): merge: \($0.1)") }) {
      try append(files.attributeLines, to: ".gitattributes",
        comment: l.pick("Tablero: fusión del portafolio y su historial (tablero git instalar)",
          "Tablero: merging the portfolio and its history (tablero git install)"), into: &report)
    }
    let examples = files.localExamples.map { prefix + $0 }
    let ignored = Set(repository.git.run(["check-ignore", "--no-index", "--"] + examples).text.split(separator: "\n").map(String.init))
    if !examples.allSatisfy({ ignored.contains($0) }) {
      try append(files.ignoreLines, to: ".gitignore",
        comment: l.pick("Tablero: candado, diario de recuperación, respaldos y temporales son de cada equipo",
          "Tablero: lock, recovery journal, backups and temporaries belong to each machine"), into: &report)
    }
    return report
  }

  private func append(_ lines: [String], to name: String, comment: String, into report: inout Report) throws(SyncError) {
    let l = language
    let path = repository.top + "/" + prefix + name
    var text = ""
    if PortfolioStore.exists(path) {
      do { text = String(decoding: try TextFile.read(path), as: UTF8.self) } catch {
        throw SyncError.refused(error.describe(l))
      }
    }
    guard let updated = SyncFiles.adding(lines, to: text, comment: comment) else { return }
    do { try TextFile.write(Array(updated.utf8), to: path) } catch {
      throw SyncError.refused(error.describe(l))
    }
    report.changedFiles.append(prefix + name)
    report.lines.append(l.pick("\(prefix + name): \(lines.joined(separator: ", "))", "\(prefix + name): \(lines.joined(separator: ", "))"))
  }

  private func failure(_ what: String, _ r: GitProcess.Result) -> SyncError {
    .refused("\(what): \(r.message)")
  }

  /// How git should call this program: `tablero` when that name on the PATH is this very
  /// binary, else this binary's absolute path (quoted for the shell git runs drivers with).
  static func executableCommand() -> String {
    let me = executablePath()
    if let onPath = findOnPath("tablero"), realPath(onPath) == realPath(me) { return "tablero" }
    return shellQuoted(me)
  }

  /// This binary, from /proc/self/exe (Linux), else argv[0].
  static func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    return realPath(CommandLine.arguments.first ?? "tablero")
  }

  static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func findOnPath(_ name: String) -> String? {
    for folder in (Environment.value("PATH") ?? "").split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Single quotes unless the text is plainly safe for sh.
  static func shellQuoted(_ text: String) -> String {
    let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+".contains($0)) }
    return safe ? text : "'" + text.replacing("'", with: "'\\''") + "'"
  }
}
