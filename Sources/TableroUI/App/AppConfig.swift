import TableroCore

/// Inputs the UI needs from the environment, fixed for a session. Tests set them explicitly,
/// so no test depends on the machine's clock, locale or terminal.
public struct AppConfig: Sendable {
  public var language: Language
  /// False with NO_COLOR or on a terminal without colours: glyphs and attributes carry status.
  public var useColor: Bool
  /// False on terminals without UTF-8: ASCII glyphs and borders.
  public var useUnicode: Bool
  public var filePath: String
  public var readOnly: Bool
  /// Who is using the session (`$USER`): "mine" in the agreements.
  public var userName: String = ""
  /// The wall clock, read when a meeting starts or ends (tests set a fixed or stepping one).
  public var clock: @Sendable () -> Timestamp = { Timestamp(seconds: 0) }
  /// The clock's current reading; setting it fixes the clock at that moment.
  public var now: Timestamp {
    get { clock() }
    set { clock = { newValue } }
  }
  /// Start in presentation mode (`--presentar`).
  public var presenting: Bool = false
  /// The local date, used to date progress notes.
  public var today: Day

  public init(
    language: Language = .es, useColor: Bool = true, useUnicode: Bool = true, filePath: String = "",
    readOnly: Bool = false, today: Day
  ) {
    self.language = language
    self.useColor = useColor
    self.useUnicode = useUnicode
    self.filePath = filePath
    self.readOnly = readOnly
    self.today = today
  }
}
