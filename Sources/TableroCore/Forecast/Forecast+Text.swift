extension Forecast {
  /// "a este ritmo termina el 15/03/2014 — 9 meses después de lo planeado", or why not.
  public func sentence(_ l: Language) -> String {
    switch outcome {
    case .finished: return l.pick("terminado", "finished")
    case .noRecentProgress: return l.pick("sin avance reciente: no se puede estimar", "no recent progress: cannot estimate")
    case .tooSlow: return l.pick("a este ritmo tardaría más de un siglo", "at this pace it would take over a century")
    case .finishes(let day):
      return l.pick("a este ritmo termina el ", "at this pace it finishes on ") + day.display + " — " + delayText(l)
    }
  }

  /// "9 meses después de lo planeado", "12 días antes de lo planeado", "a tiempo".
  public func delayText(_ l: Language) -> String {
    guard let d = delayDays else { return "" }
    if d == 0 { return l.pick("a tiempo", "on time") }
    let after = d > 0
    let span = Self.span(abs(d), l)
    return after ? l.pick("\(span) después de lo planeado", "\(span) later than planned")
      : l.pick("\(span) antes de lo planeado", "\(span) earlier than planned")
  }

  /// A short cell for tables: "15/03/2014 (+9 m)", "terminado", "no estimable".
  public func cell(_ l: Language) -> String {
    switch outcome {
    case .finished: return l.pick("terminado", "finished")
    case .noRecentProgress, .tooSlow: return l.pick("no estimable", "no estimate")
    case .finishes(let day):
      guard let d = delayDays else { return day.display }
      return day.display + " (" + Self.signedSpan(d, l) + ")"
    }
  }

  /// Days up to two months, then months (30.44 days), then years with one decimal past 3 years.
  static func span(_ days: Int, _ l: Language) -> String {
    if days < 60 { return days == 1 ? l.pick("1 día", "1 day") : l.pick("\(days) días", "\(days) days") }
    let months = Int((Double(days) / 30.44).rounded())
    if months < 36 { return l.pick("\(months) meses", "\(months) months") }
    return l.pick("\(Format.oneDecimal(Double(days) / 365.25)) años", "\(Format.oneDecimal(Double(days) / 365.25)) years")
  }

  static func signedSpan(_ days: Int, _ l: Language) -> String {
    if days == 0 { return l.pick("a tiempo", "on time") }
    let sign = days > 0 ? "+" : "-"
    let n = abs(days)
    if n < 60 { return "\(sign)\(n) d" }
    let months = Int((Double(n) / 30.44).rounded())
    if months < 36 { return "\(sign)\(months) m" }
    return "\(sign)\(Format.oneDecimal(Double(n) / 365.25)) a"
  }

  /// How the date was obtained; for a parent, which part decides it first ("lo determina ACMI-04: …").
  public func methodText(_ l: Language) -> String {
    guard let part = decidedBy else { return leafMethodText(l) }
    if outcome == .noRecentProgress {
      return l.pick("lo determina \(part), sin avance reciente", "set by \(part), with no recent progress")
    }
    if method == nil, case .finishes = outcome {
      return l.pick("lo determina \(part), que aún no empieza: su fin planeado", "set by \(part), not started yet: its planned end")
    }
    return l.pick("lo determina \(part): ", "set by \(part): ") + leafMethodText(l)
  }

  func leafMethodText(_ l: Language) -> String {
    switch method {
    case .recentTrend(let n)?:
      return l.pick("recta de mínimos cuadrados sobre las últimas \(n) actualizaciones", "least-squares line over the last \(n) updates")
    case .averagePace?: return l.pick("ritmo promedio desde el inicio", "average pace since the start")
    case nil: return l.pick("sin datos de avance", "no progress data")
    }
  }
}
