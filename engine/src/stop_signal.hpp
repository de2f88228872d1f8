#pragma once
// SIGINT and SIGTERM during a run: the first asks the batch to stop taking documents, a second one
// kills the process the default way.

namespace docpipe::engine {

/// Installs the handlers for SIGINT and SIGTERM (and ignores SIGPIPE, which a dead worker's pipe
/// would raise).
void install_stop_handlers();

/// The signal that asked the run to stop, or 0.
int stop_signal() noexcept;

/// Forgets a received signal (for tests).
void reset_stop_signal() noexcept;

}  // namespace docpipe::engine
