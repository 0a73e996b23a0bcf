import CNcursesw

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT while the terminal is in curses mode, and the fatal
/// signals of a crash (SIGSEGV, SIGILL, SIGBUS, SIGFPE, SIGTRAP, SIGABRT), whose handler restores
/// the terminal before passing the signal on to the previous handler (the Swift runtime's
/// backtracer) so that its report prints on a sane terminal.
///
/// The C handler (in the CNcursesw shim) only stores the signal number in a `sig_atomic_t`;
/// ``NcursesTerminal/readEvent(timeoutMilliseconds:)`` takes it and returns `.signal`, so the
/// app quits through its normal path and ``NcursesTerminal/stop()`` restores the terminal. A
/// second signal arriving before the first was taken (a stuck event loop) calls `endwin` from the
/// handler and re-raises the signal with its default action. The handler is installed without
/// `SA_RESTART`, so a blocking `wget_wch` returns at once.
///
/// The crash handler also puts stderr back (``install()`` captured it) before the runtime's
/// report prints.
///
/// The shim's flag is a `static` C variable, instantiated once per Swift file that uses it: every
/// call to the `cn_*signal*` functions must stay in this file.
enum SignalTrap {
    /// Installs the handlers, saving the previous dispositions, and captures stderr until the
    /// terminal is restored (what a crash prints before its signal, e.g. a runtime error's
    /// message, then shows on the restored terminal instead of raw in the picture).
    static func install() {
        cn_install_signal_handlers()
        cn_capture_stderr()
    }

    /// Restores the dispositions saved by ``install()``, and stderr, writing to it what was
    /// captured. Called after the terminal left curses mode.
    static func remove() {
        cn_remove_signal_handlers()
        cn_release_stderr()
    }

    /// The signal received since the last call, if any (and forgets it).
    static func takePending() -> Int32? {
        let signal = cn_take_pending_signal()
        return signal == 0 ? nil : signal
    }
}
