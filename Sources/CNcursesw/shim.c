// Out-of-line parts of the shim: state (signal flags) and code too long to inline.
// _GNU_SOURCE first: glibc declares wcwidth only for X/Open or GNU builds.
#define _GNU_SOURCE 1
#include "CNcursesw.h"

#include <langinfo.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int tb_put_cell(int y, int x, const wchar_t *wch, int nwch, attr_t attrs, short pair) {
  wchar_t text[CCHARW_MAX + 1];
  int n = nwch < CCHARW_MAX ? nwch : CCHARW_MAX;
  if (n < 1) {
    text[0] = L' ';
    n = 1;
  } else {
    memcpy(text, wch, (size_t)n * sizeof(wchar_t));
  }
  text[n] = L'\0';
  cchar_t cell;
  if (setcchar(&cell, text, attrs, pair, NULL) == ERR) {
    return ERR;
  }
  return mvadd_wch(y, x, &cell);
}

int tb_wcwidth(wchar_t c) { return wcwidth(c); }

SCREEN *tb_newterm(void) { return newterm(NULL, stdout, stdin); }

SCREEN *tb_newterm_type(const char *type) { return newterm(type, stdout, stdin); }

static int tb_ctype_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

int tb_setlocale(void) {
  setlocale(LC_ALL, "");
  if (tb_ctype_is_utf8()) return 1;
  if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
  return tb_ctype_is_utf8();
}

void tb_disable_flow_control(void) {
  struct termios modes;
  if (tcgetattr(STDIN_FILENO, &modes) == 0) {
    modes.c_iflag &= ~(tcflag_t)IXON;
    tcsetattr(STDIN_FILENO, TCSANOW, &modes);
  }
  def_prog_mode();
}

static atomic_int tb_pending_signal = 0;
static atomic_int tb_resumed = 0;
static atomic_int tb_signals_installed = 0;
static atomic_int tb_exit_restore_installed = 0;

static void tb_on_terminating_signal(int sig) { atomic_store(&tb_pending_signal, sig); }
static void tb_on_continue(int sig) {
  (void)sig;
  atomic_store(&tb_resumed, 1);
}

static void tb_set_handler(int sig, void (*handler)(int), int flags) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  action.sa_flags = flags;
  sigemptyset(&action.sa_mask);
  sigaction(sig, &action, NULL);
}

void tb_install_signal_flags(void) {
  if (atomic_exchange(&tb_signals_installed, 1)) return;
  tb_set_handler(SIGINT, tb_on_terminating_signal, 0);
  tb_set_handler(SIGTERM, tb_on_terminating_signal, 0);
  tb_set_handler(SIGHUP, tb_on_terminating_signal, 0);
  tb_set_handler(SIGQUIT, tb_on_terminating_signal, 0);
  tb_set_handler(SIGCONT, tb_on_continue, SA_RESTART);
}

int tb_take_pending_signal(void) { return atomic_exchange(&tb_pending_signal, 0); }

int tb_take_resumed(void) { return atomic_exchange(&tb_resumed, 0); }

static void tb_restore_at_exit(void) {
  if (stdscr != NULL && !isendwin()) endwin();
}

void tb_install_exit_restore(void) {
  if (atomic_exchange(&tb_exit_restore_installed, 1)) return;
  atexit(tb_restore_at_exit);
}
