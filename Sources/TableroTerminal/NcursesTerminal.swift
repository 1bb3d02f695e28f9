import CNcursesw
import TableroUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ncursesw terminal: setup, teardown, drawing one cell, reading one key.
///
/// Use it from one thread (the main one). It is not Sendable on purpose: curses keeps global
/// state and is not thread-safe.
public final class NcursesTerminal {
  public private(set) var isActive = false
  /// False on monochrome terminals and when NO_COLOR is set; styles then keep their
  /// attributes (bold, reverse, …) and drop their colours.
  public private(set) var supportsColor = false
  public let settings: TerminalSettings

  private var screen: OpaquePointer?
  private var hasDefaultColors = false
  private var colorPairs = ColorPairTable(pairCount: 0)
  private var inputTimeout: Int32 = -1
  private var mouseEnabled = false
  /// The terminal type used because TERM was unknown (nil when TERM worked).
  public private(set) var fallbackType: String?
  /// Tried in order when TERM has no terminfo entry: both are in ncurses-base.
  static let fallbackTypes = ["vt100", "ansi"]
  /// Characters read while looking for an escape sequence that turned out not to be one.
  private var pendingInputs: [KeyInput] = []

  public init(
    settings: TerminalSettings = TerminalSettings(environment: NcursesTerminal.environment)
  ) {
    self.settings = settings
  }

  deinit {
    stop()
  }

  /// Reads one environment variable.
  public static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// What to print on stderr if SIGTERM, SIGHUP or SIGQUIT arrives while the program is too busy
  /// to notice within 60 ms and the watchdog ends it (see `tb_capture_restore_sequence`).
  public static func setAbortMessage(_ text: String) { tb_set_abort_message(text) }

  /// Takes over the terminal. Calling it again after `stop()` resumes the same session.
  /// Throws instead of letting ncurses exit the process when TERM is unknown.
  public func start() throws {
    if isActive { return }
    if screen != nil {
      wrefresh(tb_stdscr())  // after endwin, a refresh restores program mode
      isActive = true
      return
    }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalError.notATerminal
    }
    // Our flag handlers go in first so newterm leaves SIGINT/SIGTERM to us; ncurses still
    // installs its own SIGTSTP (suspend/resume with repaint) and SIGWINCH (KEY_RESIZE).
    tb_install_signal_flags()
    _ = tb_setlocale()
    if let newScreen = tb_newterm() {
      screen = newScreen
    } else {
      // TERM unknown here (TERM=foo, a terminfo entry missing on this server): start with a
      // plain terminal type every ncurses ships, and say so, instead of refusing to start.
      for type in Self.fallbackTypes {
        if let newScreen = tb_newterm_type(type) {
          screen = newScreen
          fallbackType = type
          break
        }
      }
      guard screen != nil else { throw TerminalError.unknownTerminal(term: settings.term) }
    }
    tb_capture_restore_sequence()
    tb_install_exit_restore()
    isActive = true
    configureInput()
    configureColors()
  }

  private func configureInput() {
    let window = tb_stdscr()
    cbreak()  // keys arrive at once; Ctrl-C and Ctrl-Z still raise signals
    noecho()
    nonl()
    keypad(window, true)
    intrflush(window, false)
    tb_disable_flow_control()
    if !settings.hasEscapeDelay { set_escdelay(TerminalSettings.defaultEscapeDelay) }
    curs_set(0)
    leaveok(window, true)
  }

  private func configureColors() {
    guard has_colors(), !settings.noColor else { return }
    start_color()
    hasDefaultColors = use_default_colors() == OK
    colorPairs = ColorPairTable(pairCount: Int(tb_color_pairs()))
    supportsColor = true
  }

  /// Gives the terminal back (endwin). Safe to call any number of times.
  public func stop() {
    guard isActive else { return }
    isActive = false
    curs_set(1)
    endwin()
  }

  /// The current size in cells (updated by ncurses on KEY_RESIZE).
  public var size: Size {
    guard isActive else { return .zero }
    var rows: Int32 = 0
    var columns: Int32 = 0
    tb_getmaxyx(tb_stdscr(), &rows, &columns)
    return Size(width: Int(columns), height: Int(rows))
  }

  // MARK: - Drawing (used by ScreenWriter)

  /// Draws one cell. If the terminal's wcwidth disagrees with the cell's width (another
  /// Unicode version, a non-UTF-8 locale), draws "?" in each column instead so nothing
  /// after it shifts.
  func draw(_ cell: Cell, x: Int, y: Int) {
    guard isActive, let row = Int32(exactly: y), let column = Int32(exactly: x) else { return }
    let (attributes, pair) = attributes(for: cell.style)
    var characters = CellText.scalars(of: cell.grapheme).map { wchar_t(truncatingIfNeeded: $0) }
    let base = characters.first ?? wchar_t(32)
    if Int(tb_wcwidth(base)) != cell.width {
      characters = [wchar_t(63)]  // "?"
      for offset in 0..<Int32(max(1, cell.width)) {
        _ = tb_put_cell(row, column + offset, characters, 1, attributes, pair)
      }
      return
    }
    // ERR at the bottom-right cell only means the cursor could not advance; the cell is drawn.
    _ = tb_put_cell(row, column, characters, Int32(characters.count), attributes, pair)
  }

  /// Forgets what ncurses believes is on screen, so the next refresh repaints everything.
  func clearScreen() {
    guard isActive else { return }
    wclear(tb_stdscr())
  }

  /// Sends the frame to the terminal.
  func refresh() {
    guard isActive else { return }
    wrefresh(tb_stdscr())
  }

  private func attributes(for style: CellStyle) -> (attr_t, Int16) {
    var attributes = tb_attr_normal()
    if style.bold { attributes |= tb_attr_bold() }
    if style.dim { attributes |= tb_attr_dim() }
    if style.reverse { attributes |= tb_attr_reverse() }
    if style.underline { attributes |= tb_attr_underline() }
    guard supportsColor else { return (attributes, 0) }
    let (pair, isNew) = colorPairs.pair(foreground: style.foreground, background: style.background)
    if isNew {
      init_pair(
        pair, colorNumber(style.foreground, isForeground: true),
        colorNumber(style.background, isForeground: false))
    }
    return (attributes, pair)
  }

  private func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int16 {
    switch color {
    case .default:
      if hasDefaultColors { return -1 }
      return Int16(isForeground ? COLOR_WHITE : COLOR_BLACK)
    default:
      return Int16(color.rawValue) - 1  // black = COLOR_BLACK (0) … white = COLOR_WHITE (7)
    }
  }

  // MARK: - Input (used by EventLoop)

  /// Milliseconds `readInput` waits before returning nil.
  func setInputTimeout(milliseconds: Int32) {
    guard isActive else { return }
    inputTimeout = milliseconds
    wtimeout(tb_stdscr(), milliseconds)
  }

  /// One decoded input, or nil on timeout or an interrupted read. An ESC followed by a key
  /// sequence ncurses did not know (see `EscapeSequence`) becomes that key.
  func readInput() -> DecodedInput? {
    guard isActive else { return nil }
    if !pendingInputs.isEmpty { return KeyDecoder.decode(pendingInputs.removeFirst()) }
    guard let input = readRaw() else { return nil }
    if mouseEnabled, input == .keyCode(KEY_MOUSE) { return readMouse() }
    guard input == .character(27) else { return KeyDecoder.decode(input) }
    var following: [UInt32] = []
    defer { wtimeout(tb_stdscr(), inputTimeout) }
    while true {
      switch EscapeSequence.match(following) {
      case .complete(let decoded, let length):
        pendingInputs += following.dropFirst(length).map { .character($0) }
        return decoded
      case .none:
        pendingInputs += following.map { .character($0) }
        return .key(.escape)
      case .needsMore:
        // ncurses already waited ESCDELAY after ESC, so what belongs to a sequence is buffered:
        // no wait for the first character (a lone Esc stays fast), a short one inside a sequence
        // (a slow ssh link may split it).
        wtimeout(tb_stdscr(), following.isEmpty ? 0 : 50)
        guard let next = readRaw() else {
          pendingInputs += following.map { .character($0) }
          return .key(.escape)
        }
        guard case .character(let value) = next else {
          pendingInputs += following.map { .character($0) } + [next]
          return .key(.escape)
        }
        following.append(value)
      }
    }
  }

  /// Asks the terminal for click and wheel reports; false when it has no mouse support.
  @discardableResult
  public func enableMouse() -> Bool {
    guard isActive else { return false }
    mouseEnabled = tb_enable_mouse() != 0
    return mouseEnabled
  }

  private func readMouse() -> DecodedInput {
    var x: Int32 = 0
    var y: Int32 = 0
    var kind: Int32 = 0
    guard tb_get_mouse(&x, &y, &kind) != 0 else { return .ignored }
    switch kind {
    case 1: return .mouse(MouseEvent(x: Int(x), y: Int(y), kind: .click))
    case 2: return .mouse(MouseEvent(x: Int(x), y: Int(y), kind: .wheelUp))
    case 3: return .mouse(MouseEvent(x: Int(x), y: Int(y), kind: .wheelDown))
    default: return .ignored
    }
  }

  private func readRaw() -> KeyInput? {
    var value: wint_t = 0
    switch tb_get_wch(&value) {
    case KEY_CODE_YES: return .keyCode(Int32(truncatingIfNeeded: value))
    case OK: return .character(UInt32(value))
    default: return nil
    }
  }

  /// The pending terminating signal, if any (cleared by reading it).
  func takePendingSignal() -> Int32? {
    let signal = tb_take_pending_signal()
    return signal == 0 ? nil : signal
  }

  /// True once after the process continued from a stop.
  func takeResumed() -> Bool { tb_take_resumed() != 0 }
}
