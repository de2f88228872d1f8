#include "child_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace docpipe::testkit::detail {

ChildOutcome run_in_child(const std::function<void(const std::function<void(const std::string&)>&)>& body,
                          int timeout_seconds) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // A test framework's crash handlers (Catch2 installs some) would report the child's crash as the
    // parent's test failure; the parent must see the signal itself.
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS})
      std::signal(sig, SIG_DFL);
    // An expected crash must not leave a core file in the test's working folder (the repository).
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    ::close(fds[0]);
    const int out = fds[1];
    auto write = [out](const std::string& text) {
      std::size_t done = 0;
      while (done < text.size()) {
        const ssize_t n = ::write(out, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(3);
        done += static_cast<std::size_t>(n);
      }
    };
    try {
      body(write);
    } catch (...) {
      ::_exit(4);
    }
    ::close(out);
    ::_exit(0);  // no atexit handlers: the parent's test framework must not report twice
  }
  ::close(fds[1]);
  ChildOutcome outcome;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false;
  char buffer[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue;  // the deadline check above ends the loop
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    outcome.output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    outcome.how = "timed out after " + std::to_string(timeout_seconds) + " s";
  } else if (WIFSIGNALED(status)) {
    const char* name = ::sigabbrev_np(WTERMSIG(status));
    outcome.how = std::string("killed by SIG") + (name ? name : std::to_string(WTERMSIG(status)).c_str());
  } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    outcome.how = "exit status " + std::to_string(WEXITSTATUS(status));
  } else {
    outcome.exited = true;
  }
  return outcome;
}

}  // namespace docpipe::testkit::detail
