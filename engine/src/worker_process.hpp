#pragma once
// The engine's side of one --isolate worker process: starts it, hands it documents, notices when it
// crashes, loops past its time limit or runs out of memory, and replaces it.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <sys/types.h>
#include <vector>

#include "docpipe/document.hpp"

namespace docpipe::engine {

/// Limits and command line of the workers.
struct WorkerLimits {
  std::vector<std::string> command;  ///< argv of a worker (the docpipe binary in worker mode), without
                                     ///< the per-worker arguments this class adds.
  double timeout_seconds = 0;        ///< Per document; 0 for none.
  std::uint64_t memory_limit = 0;    ///< Bytes of address space per worker; 0 for none.
  double start_timeout_seconds = 120;  ///< How long a worker may take to load its plugins.
};

/// What happened to a document sent to a worker.
struct WorkerOutcome {
  bool ok = false;
  int stage_index = -1;  ///< The failing stage, or -1 when the worker died or timed out.
  std::string error;     ///< Names the signal, exit status or limit when the worker died.
};

/// Thrown when a worker cannot start at all (its plugins fail to load, its stages fail to start): the
/// run cannot go on in isolation.
class WorkerStartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One worker process, started on first use and restarted after it dies.
class WorkerProcess {
 public:
  WorkerProcess(const WorkerLimits& limits, int index, int count);
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  /// Runs the worker's stages on @p doc, which is replaced by the worker's result when it answered.
  /// Throws WorkerStartError when a (re)started worker fails before it is ready.
  WorkerOutcome process(Document& doc);

  /// Starts the worker now (also done by the first process()). Throws WorkerStartError.
  void start();

  /// Closes its input and waits for it to exit (it finishes its stages first).
  void stop();

  /// Number of times a worker was started.
  int starts() const noexcept { return starts_; }

 private:
  std::string kill_and_describe(bool timed_out);
  std::string reap_and_describe();

  WorkerLimits limits_;
  int index_;
  int count_;
  pid_t pid_ = -1;
  int to_worker_ = -1;
  int from_worker_ = -1;
  int starts_ = 0;
};

/// "signal 11 (SIGSEGV: Segmentation fault)" style description of a wait status.
std::string describe_wait_status(int status);

}  // namespace docpipe::engine
