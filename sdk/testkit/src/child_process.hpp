#pragma once
// Runs a function in a forked child and collects the text it writes back, so that a crash or a hang
// of the code under test becomes a result instead of the end of the test program.

#include <functional>
#include <string>

namespace docpipe::testkit::detail {

/// How the child ended.
struct ChildOutcome {
  std::string output;   ///< Everything the child wrote to its channel.
  bool exited = false;  ///< True when it returned normally (exit status 0).
  std::string how;      ///< Otherwise: "killed by SIGSEGV", "timed out after 120 s", "exit status 3".
};

/// Forks; the child calls @p body with a writer for its channel and exits with status 0 without
/// running the parent's atexit handlers or destructors. The parent waits at most @p timeout_seconds.
ChildOutcome run_in_child(const std::function<void(const std::function<void(const std::string&)>& write)>& body,
                          int timeout_seconds);

}  // namespace docpipe::testkit::detail
