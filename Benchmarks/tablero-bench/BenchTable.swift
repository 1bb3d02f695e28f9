/// The printed results: a Markdown table (pasted into docs/PERFORMANCE.md), a per-1 000
/// line to judge linearity, and the issue's targets at 100k.
enum BenchTable {
  static let columns: [(key: String, title: String)] = [
    ("initiatives", "initiatives"), ("components", "components"), ("file_mb", "file MB"),
    ("encode_ms", "encode ms"), ("save_ms", "save ms"), ("load_ms", "load+validate ms"),
    ("status_ms", "status ms"), ("summary_ms", "Cuadro 9 text ms"), ("dashboard_ms", "detail rows ms"),
    ("text_ms", "detail text ms"), ("csv_ms", "CSV export ms"), ("rss_write_mib", "peak RSS write MiB"),
    ("rss_loaded_mib", "peak RSS after load MiB"), ("rss_read_mib", "peak RSS read MiB"),
    ("session_open_ms", "session open ms"), ("session_open_cpu_ms", "(CPU ms)"),
    ("session_save_ms", "session save ms"), ("session_save_cpu_ms", "(CPU ms)"),
    ("session_resave_ms", "session re-save ms"), ("session_resave_cpu_ms", "(CPU ms)"),
  ]

  static func render(_ rows: [[String: String]]) -> String {
    var rows = rows
    for i in rows.indices {
      let bytes = Double(rows[i]["bytes"] ?? "0") ?? 0
      rows[i]["file_mb"] = one(bytes / 1_000_000)
    }
    var out: [String] = []
    out.append("| " + columns.map(\.title).joined(separator: " | ") + " |")
    out.append("|" + columns.map { _ in "---:" }.joined(separator: "|") + "|")
    for row in rows {
      out.append("| " + columns.map { row[$0.key] ?? "" }.joined(separator: " | ") + " |")
    }
    out.append("")
    out.append("Per 1 000 initiatives (linear cost keeps these flat):")
    out.append("")
    let perK = ["save_ms", "load_ms", "status_ms", "text_ms", "csv_ms", "session_open_ms", "session_save_ms", "bytes"]
    out.append("| initiatives | " + perK.map { $0 == "bytes" ? "file MB" : $0 }.joined(separator: " | ") + " |")
    out.append("|" + (0...perK.count).map { _ in "---:" }.joined(separator: "|") + "|")
    for row in rows {
      let n = Double(row["initiatives"] ?? "1") ?? 1
      let cells = perK.map { key -> String in
        let v = Double(row[key] ?? "0") ?? 0
        return key == "bytes" ? two(v / 1_000_000 / n * 1000) : two(v / n * 1000)
      }
      out.append("| \(row["initiatives"] ?? "") | " + cells.joined(separator: " | ") + " |")
    }
    out.append("")
    out.append("Parts of a save, before → after (CPU ms):")
    out.append("")
    out.append("| initiatives | encode: tree + writer | encode: from the model | changed check: hash | changed check: stat | history diff: by id | history diff: in place |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows {
      let keys = ["tree_encode_cpu_ms", "stream_encode_cpu_ms", "hash_check_cpu_ms", "stat_check_cpu_ms", "diff_by_id_cpu_ms", "diff_in_place_cpu_ms"]
      out.append("| \(row["initiatives"] ?? "") | " + keys.map { row[$0] ?? "" }.joined(separator: " | ") + " |")
    }
    out.append("")
    out.append("Several sessions on one file (issue 11):")
    out.append("")
    out.append("| initiatives | poll, nothing changed (CPU ms) | poll, another session saved (ms) | save merging another save (ms) |")
    out.append("|---:|---:|---:|---:|")
    for row in rows {
      let keys = ["poll_idle_cpu_ms", "poll_incoming_ms", "merged_save_ms"]
      out.append("| \(row["initiatives"] ?? "") | " + keys.map { row[$0] ?? "" }.joined(separator: " | ") + " |")
    }
    if let big = rows.first(where: { $0["initiatives"] == "100000" }) {
      func check(_ key: String, _ limit: Double, _ label: String, _ unit: String) -> String {
        let v = Double(big[key] ?? "") ?? .infinity
        return "- \(label): \(big[key] ?? "?") \(unit) (target ≤ \(Int(limit)) \(unit)) — \(v <= limit ? "met" : "MISSED")"
      }
      out.append("")
      out.append("Targets at 100 000 initiatives:")
      out.append(check("load_ms", 1000, "load+validate", "ms"))
      out.append(check("status_ms", 100, "status", "ms"))
      out.append(check("save_ms", 1000, "save", "ms"))
      out.append(check("session_save_ms", 1000, "save through the session (TUI s, set-progress)", "ms"))
      out.append(check("session_open_ms", 500, "open (start-up's load)", "ms"))
      out.append(check("rss_read_mib", 300, "peak memory (load, status, report)", "MiB"))
    }
    return out.joined(separator: "\n")
  }

  static func one(_ v: Double) -> String { "\((v * 10).rounded() / 10)" }
  static func two(_ v: Double) -> String { "\((v * 100).rounded() / 100)" }
}
