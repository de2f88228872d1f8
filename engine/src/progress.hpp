#pragma once
// Reports a run's progress: a redrawn bar on a terminal, one log line per document otherwise.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace docpipe::engine {

/// Progress of a batch, safe to call from worker threads.
class Progress {
 public:
  /// @p total documents are expected; @p terminal chooses the bar over log lines; @p quiet prints
  /// nothing but failures.
  Progress(std::ostream& out, std::size_t total, bool terminal, bool quiet);

  /// One document ended.
  void document_done(const std::string& id, std::uint64_t bytes, bool ok, const std::string& error, double ms);

  /// Clears the bar (call before printing the summary).
  void finish();

 private:
  void draw_bar();

  std::ostream& out_;
  std::size_t total_;
  bool terminal_;
  bool quiet_;
  std::mutex mutex_;
  std::size_t done_ = 0;
  std::uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace docpipe::engine
