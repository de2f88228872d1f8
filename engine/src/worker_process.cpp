#include "worker_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "document_codec.hpp"
#include "worker_protocol.hpp"

extern char** environ;

namespace docpipe::engine {

namespace {

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  const char* text = strsignal(sig);
  return "signal " + std::to_string(sig) + " (" + (abbrev ? std::string("SIG") + abbrev : std::string("?")) +
         (text ? std::string(": ") + text : std::string()) + ")";
}

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

std::string describe_wait_status(int status) {
  if (WIFSIGNALED(status)) return "killed by " + signal_name(WTERMSIG(status));
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "stopped";
}

WorkerProcess::WorkerProcess(const WorkerLimits& limits, int index, int count)
    : limits_(limits), index_(index), count_(count) {}

WorkerProcess::~WorkerProcess() { stop(); }

void WorkerProcess::start() {
  if (pid_ > 0) return;
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) throw WorkerStartError(std::string("pipe: ") + std::strerror(errno));
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ::close(in[0]);
    ::close(in[1]);
    throw WorkerStartError(std::string("pipe: ") + std::strerror(errno));
  }
  std::vector<std::string> args = limits_.command;
  args.insert(args.end(), {"--worker-index", std::to_string(index_), "--workers", std::to_string(count_),
                           "--memory-limit-bytes", std::to_string(limits_.memory_limit)});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  // The child starts with default signal handling, whatever the parent installed.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(in[0]);
  ::close(out[1]);
  if (rc != 0) {
    ::close(in[1]);
    ::close(out[0]);
    throw WorkerStartError("cannot start worker " + args[0] + ": " + std::strerror(rc));
  }
  pid_ = pid;
  to_worker_ = in[1];
  from_worker_ = out[0];
  ++starts_;
  std::string ready;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(limits_.start_timeout_seconds * 1000));
  const FrameRead r = read_frame(from_worker_, ready, deadline);
  if (r != FrameRead::ok || ready != worker_ready_frame) {
    const std::string why = r == FrameRead::timed_out ? kill_and_describe(true) : reap_and_describe();
    throw WorkerStartError("worker process " + std::to_string(index_) + " did not start: " + why);
  }
}

WorkerOutcome WorkerProcess::process(Document& doc) {
  start();
  WorkerOutcome outcome;
  const auto sent = std::chrono::steady_clock::now();
  if (!write_frame(to_worker_, encode_document(doc))) {
    outcome.error = "worker process " + reap_and_describe() + " before it read the document";
    return outcome;
  }
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (limits_.timeout_seconds > 0)
    deadline = sent + std::chrono::milliseconds(static_cast<long long>(limits_.timeout_seconds * 1000));
  std::string payload;
  const FrameRead r = read_frame(from_worker_, payload, deadline, true);
  if (r == FrameRead::abandoned) {
    outcome.error = "abandoned: the run was asked to stop and the document was still in its worker after " +
                    std::to_string(stop_grace.count()) + " s; worker process " + kill_and_describe(true);
    return outcome;
  }
  if (r == FrameRead::timed_out) {
    char limit[64];
    std::snprintf(limit, sizeof limit, "%g s", limits_.timeout_seconds);
    outcome.error = std::string("time limit of ") + limit + " exceeded (--timeout); worker process " +
                    kill_and_describe(true) + " and replaced";
    return outcome;
  }
  if (r == FrameRead::closed) {
    std::string why = reap_and_describe();
    outcome.error = "worker process " + why + " while processing the document; replaced";
    if (limits_.memory_limit > 0 && why.find("status 3") != std::string::npos)
      outcome.error = "memory limit of " + megabytes(limits_.memory_limit) + " exceeded (--memory-limit); worker " + why;
    return outcome;
  }
  WorkerReply reply;
  try {
    reply = decode_reply(payload);
  } catch (const DocumentCodecError& e) {
    outcome.error = std::string("worker process sent a damaged reply (") + e.what() + "); worker " + kill_and_describe(false);
    return outcome;
  }
  doc = std::move(reply.doc);
  outcome.ok = reply.ok;
  outcome.stage_index = reply.stage_index;
  outcome.error = std::move(reply.error);
  if (reply.out_of_memory) {
    if (limits_.memory_limit > 0)
      outcome.error = "memory limit of " + megabytes(limits_.memory_limit) + " exceeded (--memory-limit): " + outcome.error;
    stop();  // the worker exits after such a failure; the next document gets a fresh one
  }
  return outcome;
}

void WorkerProcess::stop() {
  if (pid_ <= 0) return;
  ::close(to_worker_);
  to_worker_ = -1;
  // Its finish() runs now; a worker that hangs there is killed after the per-document limit.
  std::string rest;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (limits_.timeout_seconds > 0)
    deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long long>(limits_.timeout_seconds * 1000));
  if (read_frame(from_worker_, rest, deadline) == FrameRead::timed_out) ::kill(pid_, SIGKILL);
  reap_and_describe();
}

std::string WorkerProcess::kill_and_describe(bool timed_out) {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
  const std::string status = reap_and_describe();
  return timed_out ? "killed (SIGKILL)" : status;
}

std::string WorkerProcess::reap_and_describe() {
  if (to_worker_ >= 0) ::close(to_worker_);
  if (from_worker_ >= 0) ::close(from_worker_);
  to_worker_ = from_worker_ = -1;
  if (pid_ <= 0) return "was not running";
  int status = 0;
  pid_t r;
  do r = ::waitpid(pid_, &status, 0);
  while (r < 0 && errno == EINTR);
  pid_ = -1;
  return r < 0 ? "vanished" : describe_wait_status(status);
}

}  // namespace docpipe::engine
