// Out-of-line parts of the shim: state (signal flags) and code too long to inline.
// _GNU_SOURCE first: glibc declares wcwidth only for X/Open or GNU builds.
#define _GNU_SOURCE 1
#include "CNcursesw.h"

#include <langinfo.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <time.h>
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

int tb_enable_mouse(void) {
  if (!has_mouse() && tigetstr("kmous") == NULL) return 0;
  mmask_t wanted = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
  wanted |= BUTTON5_PRESSED;
#endif
  mouseinterval(0);  /* report presses at once instead of waiting to detect a click */
  return mousemask(wanted, NULL) != 0;
}

int tb_get_mouse(int *x, int *y, int *kind) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *x = event.x;
  *y = event.y;
  *kind = 0;
  if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *kind = 1;
  if (event.bstate & BUTTON4_PRESSED) *kind = 2;
#ifdef BUTTON5_PRESSED
  if (event.bstate & BUTTON5_PRESSED) *kind = 3;
#endif
  return 1;
}

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

// The watchdog: SIGTERM, SIGHUP and SIGQUIT must end the program within 100 ms whatever it is
// doing. The handler wakes a thread; if the event loop has not taken the signal after a grace
// period (the UI is busy computing), the thread restores the terminal and exits 128 + signal.
// Every confirmed edit is already in the journal, so this loses only the edit in flight, as a
// kill -9 would, but leaves the terminal usable.
#define TB_WATCHDOG_GRACE_MS 60
static sem_t tb_watchdog_wakeup;
static atomic_int tb_watchdog_ready = 0;
static atomic_int tb_signal_taken = 0;
static struct termios tb_shell_modes;
static int tb_have_shell_modes = 0;
static char tb_restore_sequence[256];
static char tb_abort_message[1024];

static void tb_write_all(int fd, const char *text, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, text, length);
    if (n <= 0) return;
    text += n;
    length -= (size_t)n;
  }
}

static void *tb_watchdog(void *unused) {
  (void)unused;
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, NULL);  // signals go to the main thread
  for (;;) {
    if (sem_wait(&tb_watchdog_wakeup) != 0) continue;
    int sig = atomic_load(&tb_pending_signal);
    if (sig == 0 || sig == SIGINT) continue;
    atomic_store(&tb_signal_taken, 0);
    int waited = 0;
    struct timespec step = {0, 5 * 1000 * 1000};
    while (waited < TB_WATCHDOG_GRACE_MS && !atomic_load(&tb_signal_taken)) {
      nanosleep(&step, NULL);
      waited += 5;
    }
    if (atomic_load(&tb_signal_taken)) continue;
    if (tb_have_shell_modes) tcsetattr(STDIN_FILENO, TCSANOW, &tb_shell_modes);
    tb_write_all(STDOUT_FILENO, tb_restore_sequence, strlen(tb_restore_sequence));
    tb_write_all(STDERR_FILENO, tb_abort_message, strlen(tb_abort_message));
    _exit(128 + sig);
  }
  return NULL;
}

static void tb_on_terminating_signal(int sig) {
  atomic_store(&tb_pending_signal, sig);
  if (sig != SIGINT && atomic_load(&tb_watchdog_ready)) sem_post(&tb_watchdog_wakeup);
}

static void tb_start_watchdog(void) {
  if (tcgetattr(STDIN_FILENO, &tb_shell_modes) == 0) tb_have_shell_modes = 1;
  if (sem_init(&tb_watchdog_wakeup, 0, 0) != 0) return;
  pthread_t thread;
  if (pthread_create(&thread, NULL, tb_watchdog, NULL) != 0) return;
  pthread_detach(thread);
  atomic_store(&tb_watchdog_ready, 1);
}

static void tb_append_capability(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return;
  size_t used = strlen(tb_restore_sequence);
  if (used + strlen(value) + 1 < sizeof tb_restore_sequence) strcat(tb_restore_sequence, value);
}

void tb_capture_restore_sequence(void) {
  tb_restore_sequence[0] = '\0';
  tb_append_capability("sgr0");
  tb_append_capability("cnorm");
  tb_append_capability("rmkx");
  tb_append_capability("rmcup");
  size_t used = strlen(tb_restore_sequence);
  if (used + 3 < sizeof tb_restore_sequence) strcat(tb_restore_sequence, "\r\n");
}

void tb_set_abort_message(const char *message) {
  if (message == NULL) return;
  strncpy(tb_abort_message, message, sizeof tb_abort_message - 2);
  tb_abort_message[sizeof tb_abort_message - 2] = '\0';
  size_t used = strlen(tb_abort_message);
  if (used > 0 && tb_abort_message[used - 1] != '\n') strcat(tb_abort_message, "\n");
}
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
  tb_start_watchdog();
}

int tb_take_pending_signal(void) {
  int sig = atomic_exchange(&tb_pending_signal, 0);
  if (sig != 0) atomic_store(&tb_signal_taken, 1);
  return sig;
}

int tb_take_resumed(void) { return atomic_exchange(&tb_resumed, 0); }

static void tb_restore_at_exit(void) {
  if (stdscr != NULL && !isendwin()) endwin();
}

void tb_install_exit_restore(void) {
  if (atomic_exchange(&tb_exit_restore_installed, 1)) return;
  atexit(tb_restore_at_exit);
}
