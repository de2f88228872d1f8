#include "stop_signal.hpp"

#include <atomic>
#include <csignal>

namespace docpipe::engine {

namespace {

std::atomic<int> received{0};

extern "C" void on_stop_signal(int sig) {
  received.store(sig);
  // A second Ctrl-C should not wait for in-flight documents.
  std::signal(sig, SIG_DFL);
}

}  // namespace

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking read returns EINTR and the loop checks the flag
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

int stop_signal() noexcept { return received.load(); }

void reset_stop_signal() noexcept { received.store(0); }

}  // namespace docpipe::engine
