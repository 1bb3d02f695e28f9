// CNcursesw: the smallest C surface Tablero needs from ncursesw.
//
// Why a shim: the wide-character API (cchar_t, get_wch, add_wch) is only declared when
// _XOPEN_SOURCE_EXTENDED is defined before <curses.h>; without it SwiftPM sees no cchar_t
// (TermKit#6, sc-im#126). Swift also cannot import function-like macros (COLOR_PAIR, A_BOLD,
// getmaxyx) and, in the Swift 6 language mode, refuses mutable C globals (stdscr, LINES,
// COLORS). Each of those gets a `static inline` accessor below.
#ifndef CNCURSESW_H
#define CNCURSESW_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// MARK: - Globals Swift 6 will not read directly

static inline WINDOW *tb_stdscr(void) { return stdscr; }
static inline int tb_lines(void) { return LINES; }
static inline int tb_cols(void) { return COLS; }
static inline int tb_colors(void) { return COLORS; }
static inline int tb_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Macros

static inline attr_t tb_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t tb_attr_normal(void) { return (attr_t)A_NORMAL; }
static inline attr_t tb_attr_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t tb_attr_dim(void) { return (attr_t)A_DIM; }
static inline attr_t tb_attr_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t tb_attr_underline(void) { return (attr_t)A_UNDERLINE; }

/// Function keys are KEY_F0 + n; KEY_F(n) is a macro Swift cannot call.
static inline int tb_key_f(int n) { return KEY_F(n); }

static inline void tb_getmaxyx(WINDOW *win, int *y, int *x) {
  int rows = 0, cols = 0;
  if (win != NULL) { getmaxyx(win, rows, cols); }
  *y = rows;
  *x = cols;
}

// MARK: - Drawing and input

/// Draws one grapheme (a base character plus up to CCHARW_MAX - 1 combining marks) at (y, x)
/// of stdscr. `wch` need not be NUL-terminated; extra characters beyond CCHARW_MAX are dropped.
/// Returns the mvadd_wch status; ERR at the bottom-right cell still draws the cell (the cursor
/// just cannot advance past it), so callers may ignore it.
int tb_put_cell(int y, int x, const wchar_t *wch, int nwch, attr_t attrs, short pair);

/// Reads one key or character: OK (character in *out), KEY_CODE_YES (key code in *out)
/// or ERR (timeout, or input failed).
static inline int tb_get_wch(wint_t *out) { return get_wch(out); }

/// newterm(NULL, stdout, stdin): returns NULL for an unknown TERM instead of exiting as initscr
/// does. Lives here because Swift 6 will not read the `stdout`/`stdin` globals.
SCREEN *tb_newterm(void);

/// Turns on mouse reports for clicks and the wheel (buttons 4 and 5); returns 1 when the
/// terminal supports the mouse at all.
int tb_enable_mouse(void);

/// The pending mouse event after KEY_MOUSE: cell and kind (1 click, 2 wheel up, 3 wheel
/// down, 0 anything else). Returns 0 when there was none.
int tb_get_mouse(int *x, int *y, int *kind);

/// newterm(type, stdout, stdin): the same, for a named terminal type (the fallback when TERM
/// is unknown).
SCREEN *tb_newterm_type(const char *type);

/// setlocale(LC_ALL, "") so ncursesw decodes and encodes UTF-8. If the resulting character
/// encoding is not UTF-8 (the plain C/POSIX locale of many containers and ssh sessions), tries
/// LC_CTYPE=C.UTF-8 so "ñ" still works. Returns 1 when the final LC_CTYPE is UTF-8.
int tb_setlocale(void);

/// wcwidth of one scalar in the current locale (-1 for non-printable): what ncurses will use
/// to advance the cursor.
int tb_wcwidth(wchar_t c);

/// Clears IXON so Ctrl-S and Ctrl-Q reach the program instead of pausing output, then records
/// the terminal modes as ncurses' "program mode" so endwin and resume keep the change.
void tb_disable_flow_control(void);

// MARK: - Signals
// Handlers only store the signal number in a lock-free atomic; the event loop polls it.

/// Installs flag-setting handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT (no SA_RESTART, so a
/// blocked read returns at once) and SIGCONT. Call before newterm so ncurses keeps them
/// instead of installing its own exit-on-signal handlers. Idempotent.
void tb_install_signal_flags(void);

/// The last terminating signal received since the previous call (0 if none), then clears it.
/// Taking it tells the watchdog the event loop is responsive.
int tb_take_pending_signal(void);

/// Records (after newterm) the terminal's sequences to reset attributes, show the cursor and
/// leave the alternate screen, for the watchdog that ends a program busy when SIGTERM, SIGHUP
/// or SIGQUIT arrives (60 ms grace, then terminal modes restored and _exit(128 + signal)).
void tb_capture_restore_sequence(void);

/// What the watchdog prints on stderr when it ends the program (UTF-8; copied).
void tb_set_abort_message(const char *message);

/// 1 if SIGCONT arrived (the process was resumed after a stop) since the previous call.
int tb_take_resumed(void);

/// Registers (once) an atexit handler that calls endwin if curses is still active, so even an
/// unexpected exit() leaves the terminal usable.
void tb_install_exit_restore(void);

#endif
