#include "progress.hpp"

#include <cstdio>

namespace docpipe::engine {

namespace {
std::string format_eta(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "--:--";
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}
}  // namespace

Progress::Progress(std::ostream& out, std::size_t total, bool terminal, bool quiet)
    : out_(out), total_(total), terminal_(terminal), quiet_(quiet) {}

void Progress::document_done(const std::string& id, std::uint64_t bytes, bool ok, const std::string& error, double ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  bytes_ += bytes;
  if (!ok) {
    if (terminal_) out_ << "\r\033[K";
    out_ << "docpipe: FAILED " << id << ": " << error << "\n";
  } else if (!terminal_ && !quiet_) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f ms", ms);
    out_ << "docpipe: [" << done_ << "/" << total_ << "] " << id << " ok (" << buf << ")\n";
  }
  if (terminal_ && !quiet_) {
    const auto now = std::chrono::steady_clock::now();
    if (!ok || done_ == total_ || now - last_draw_ > std::chrono::milliseconds(100)) {
      last_draw_ = now;
      draw_bar();
    }
  }
  out_.flush();
}

void Progress::draw_bar() {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb_s = elapsed > 0 ? bytes_ / 1e6 / elapsed : 0;
  const double fraction = total_ ? static_cast<double>(done_) / total_ : 1.0;
  const double eta = done_ ? elapsed / done_ * (total_ - done_) : -1;
  constexpr int width = 30;
  const int filled = static_cast<int>(fraction * width);
  std::string bar(filled, '=');
  if (filled < width) bar += '>' + std::string(width - filled - 1, ' ');
  char buf[160];
  std::snprintf(buf, sizeof buf, "\r[%s] %zu/%zu docs  %.1f MB/s  ETA %s\033[K", bar.c_str(), done_, total_, mb_s,
                format_eta(eta).c_str());
  out_ << buf;
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (terminal_ && !quiet_) out_ << "\r\033[K";
  out_.flush();
}

}  // namespace docpipe::engine
