// Swift-facing view of ncursesw (wide-character ncurses 6).
//
// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here before the
// header. Macros and mutable C globals cannot be used from Swift 6 directly, so each one used by
// DescentTUI gets a `static inline` accessor (prefix `cn_`).
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// ---- globals -------------------------------------------------------------------------------
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_COLORS(void) { return COLORS; }
static inline int cn_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int cn_COLS(void) { return COLS; }
static inline int cn_LINES(void) { return LINES; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }

// ---- attributes ----------------------------------------------------------------------------
static inline attr_t cn_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cn_A_BOLD(void) { return A_BOLD; }
static inline attr_t cn_A_DIM(void) { return A_DIM; }
static inline attr_t cn_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cn_A_UNDERLINE(void) { return A_UNDERLINE; }

// ---- keys (function-like macros) -----------------------------------------------------------
static inline int cn_KEY_F(int n) { return KEY_F(n); }

// ---- mouse masks ---------------------------------------------------------------------------
static inline mmask_t cn_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_BUTTON2_PRESSED(void) { return BUTTON2_PRESSED; }
static inline mmask_t cn_BUTTON2_RELEASED(void) { return BUTTON2_RELEASED; }
static inline mmask_t cn_BUTTON3_PRESSED(void) { return BUTTON3_PRESSED; }
static inline mmask_t cn_BUTTON3_RELEASED(void) { return BUTTON3_RELEASED; }
static inline mmask_t cn_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
static inline mmask_t cn_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }

// ---- terminal restoration and signals ------------------------------------------------------
// Leaves curses mode if it is active. Safe to call at any time, any number of times.
static inline void cn_restore_terminal(void) {
    if (stdscr != NULL && !isendwin()) endwin();
}

static void cn_restore_terminal_at_exit(void) { cn_restore_terminal(); }

// Registers cn_restore_terminal with atexit(3), so `exit` from anywhere leaves the terminal sane.
static inline int cn_register_atexit_restore(void) { return atexit(cn_restore_terminal_at_exit); }

// ---- stderr while the screen is in curses mode ------------------------------------------------
// What is written to stderr while curses owns the screen (a Swift runtime error's "Fatal error: …"
// line, printed before its trap; any warning) would land raw in the middle of the picture and
// vanish with it. So stderr goes to an unlinked temporary file meanwhile, and when the terminal
// is restored (normally, or in the crash handler below, before the runtime's backtracer prints)
// the real stderr is put back and what was captured is written to it (at most
// CN_STDERR_REPLAY_LIMIT bytes, then a line saying how much was left out). Everything here is
// async-signal-safe (dup2, lseek, read, write, close). The state is `static` like the signal
// flag below: these functions are called from Backend/SignalTrap.swift only.
#define CN_STDERR_REPLAY_LIMIT 65536
static int cn_saved_stderr = -1;
static int cn_captured_stderr = -1;

static inline void cn_capture_stderr(void) {
    if (cn_saved_stderr >= 0) return;
    char path[] = "/tmp/descent-stderr-XXXXXX";
    int file = mkstemp(path);
    if (file < 0) return;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0 || dup2(file, STDERR_FILENO) < 0) {
        if (saved >= 0) close(saved);
        close(file);
        return;
    }
    cn_saved_stderr = saved;
    cn_captured_stderr = file;
}

static inline void cn_write_all(int fd, const char *bytes, ssize_t count) {
    while (count > 0) {
        ssize_t written = write(fd, bytes, (size_t)count);
        if (written <= 0) return;
        bytes += written;
        count -= written;
    }
}

static inline void cn_release_stderr(void) {
    if (cn_saved_stderr < 0) return;
    dup2(cn_saved_stderr, STDERR_FILENO);
    close(cn_saved_stderr);
    cn_saved_stderr = -1;
    char buffer[4096];
    ssize_t total = 0, n;
    lseek(cn_captured_stderr, 0, SEEK_SET);
    while (total < CN_STDERR_REPLAY_LIMIT && (n = read(cn_captured_stderr, buffer, sizeof buffer)) > 0) {
        cn_write_all(STDERR_FILENO, buffer, n);
        total += n;
    }
    if (total >= CN_STDERR_REPLAY_LIMIT && read(cn_captured_stderr, buffer, 1) > 0) {
        static const char cut[] = "\ndescent: more was written to stderr while the screen was in use (cut at 64 KiB)\n";
        cn_write_all(STDERR_FILENO, cut, sizeof cut - 1);
    }
    close(cn_captured_stderr);
    cn_captured_stderr = -1;
}

// The signal flag and handler are `static`: every Swift source file that calls these functions gets
// its own copy, so DescentTUI calls them from ONE file only (Backend/SignalTrap.swift).
//
// First SIGINT/SIGTERM/SIGHUP/SIGQUIT: only record it (async-signal-safe); the event loop sees it
// and quits through the normal path (which calls endwin). A second one while the first is still
// pending means the loop is stuck: restore the terminal right here (endwin is not formally
// async-signal-safe, but it is the last chance), then die of the signal with its default action.
// Trapping SIGQUIT (Ctrl-\) also keeps the Swift runtime's backtracer from taking the screen.
#define CN_TRAPPED_COUNT 4
static volatile sig_atomic_t cn_pending_signal = 0;
static struct sigaction cn_previous_actions[CN_TRAPPED_COUNT] = {{{0}}};
static const int cn_trapped_signals[CN_TRAPPED_COUNT] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

// Fatal signals (a crash: a trap, a bad access, an abort): restore the terminal first, then run
// whatever handled the signal before (the Swift runtime's backtracer, which then prints its report
// on a sane terminal), then die of the signal with its default action: the signal is raised again
// at SIG_DFL while blocked in this handler, so it ends the process as soon as the handler returns
// (exit status 128 + signal), also when it was sent with kill(2) and no instruction would fault
// again (the runtime's handler returns after its report and the program would run on, drawing
// its picture over the report). Installed with SA_ONSTACK, so it also runs on a stack overflow
// when the runtime has set up an alternate signal stack.
#define CN_FATAL_COUNT 6
static struct sigaction cn_previous_fatal_actions[CN_FATAL_COUNT] = {{{0}}};
static const int cn_fatal_signals[CN_FATAL_COUNT] = { SIGSEGV, SIGILL, SIGBUS, SIGFPE, SIGTRAP, SIGABRT };

static void cn_on_fatal_signal(int sig, siginfo_t *info, void *context) {
    cn_restore_terminal();
    cn_release_stderr();
    for (int i = 0; i < CN_FATAL_COUNT; i++) {
        if (cn_fatal_signals[i] != sig) continue;
        struct sigaction previous = cn_previous_fatal_actions[i];
        sigaction(sig, &previous, NULL);
        if (previous.sa_flags & SA_SIGINFO) {
            if (previous.sa_sigaction != NULL) previous.sa_sigaction(sig, info, context);
        } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
            previous.sa_handler(sig);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void cn_on_signal(int sig) {
    if (cn_pending_signal != 0) {
        cn_restore_terminal();
        cn_release_stderr();
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    cn_pending_signal = sig;
}

// Installs the handler for SIGINT, SIGTERM, SIGHUP and SIGQUIT, without SA_RESTART so a blocking
// read is interrupted, and the terminal-restoring handler for the fatal signals. Ncurses' own
// SIGINT/SIGTERM handlers are then not installed (it only takes signals still at SIG_DFL), while
// its SIGTSTP (suspend/resume) and SIGWINCH (KEY_RESIZE) handlers remain.
static inline void cn_install_signal_handlers(void) {
    struct sigaction action;
    action.sa_handler = cn_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int i = 0; i < CN_TRAPPED_COUNT; i++) sigaction(cn_trapped_signals[i], &action, &cn_previous_actions[i]);
    struct sigaction fatal;
    fatal.sa_sigaction = cn_on_fatal_signal;
    sigemptyset(&fatal.sa_mask);
    fatal.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (int i = 0; i < CN_FATAL_COUNT; i++) sigaction(cn_fatal_signals[i], &fatal, &cn_previous_fatal_actions[i]);
}

// Puts back the dispositions saved by cn_install_signal_handlers.
static inline void cn_remove_signal_handlers(void) {
    for (int i = 0; i < CN_TRAPPED_COUNT; i++) sigaction(cn_trapped_signals[i], &cn_previous_actions[i], NULL);
    for (int i = 0; i < CN_FATAL_COUNT; i++) sigaction(cn_fatal_signals[i], &cn_previous_fatal_actions[i], NULL);
}

// Turns off XON/XOFF flow control on the terminal (Ctrl-S would otherwise freeze the output)
// and records the result as ncurses' program mode, so it survives a suspend and resume; endwin
// restores the shell's own settings.
static inline void cn_disable_flow_control(void) {
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) != 0) return;
    settings.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    if (tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0) def_prog_mode();
}

// The pending signal number (0 if none), clearing it.
static inline int cn_take_pending_signal(void) {
    int sig = cn_pending_signal;
    cn_pending_signal = 0;
    return sig;
}

// ---- character width -----------------------------------------------------------------------
// wcwidth is only declared by glibc under _XOPEN_SOURCE, which the module build may not see.
extern int wcwidth(wchar_t);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

// ---- locale --------------------------------------------------------------------------------
// The codeset of the current LC_CTYPE locale ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

#endif
