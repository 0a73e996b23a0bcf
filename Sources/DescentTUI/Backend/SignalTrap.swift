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
/// The shim's flag is a `static` C variable, instantiated once per Swift file that uses it: every
/// call to the `cn_*signal*` functions must stay in this file.
enum SignalTrap {
    /// Installs the handlers, saving the previous dispositions.
    static func install() { cn_install_signal_handlers() }

    /// Restores the dispositions saved by ``install()``.
    static func remove() { cn_remove_signal_handlers() }

    /// The signal received since the last call, if any (and forgets it).
    static func takePending() -> Int32? {
        let signal = cn_take_pending_signal()
        return signal == 0 ? nil : signal
    }
}
