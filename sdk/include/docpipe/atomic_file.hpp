#pragma once
/// @file atomic_file.hpp
/// Write-then-rename output files, so that a reader (or a resumed run) never sees half a file.

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace docpipe {

/// An output file written to a temporary name beside its target and renamed over it by commit().
/// If the object is destroyed without commit() (an exception, a failed document), the temporary file
/// is removed and the target is left as it was.
class AtomicFile {
 public:
  /// Opens a temporary file next to @p target, creating missing parent folders. Throws
  /// std::runtime_error naming the path when it cannot be opened.
  explicit AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    if (target_.has_parent_path()) std::filesystem::create_directories(target_.parent_path(), ec);
    temp_ = target_;
    temp_ += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error("cannot write " + temp_.string());
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (!committed_) {
      out_.close();
      std::error_code ec;
      std::filesystem::remove(temp_, ec);
    }
  }

  /// The stream to write to.
  std::ostream& stream() noexcept { return out_; }
  /// Appends @p data.
  AtomicFile& write(std::string_view data) {
    out_.write(data.data(), static_cast<std::streamsize>(data.size()));
    return *this;
  }
  /// Flushes, closes and renames the file over its target. Throws std::runtime_error when writing or
  /// renaming failed (the target is then unchanged).
  void commit() {
    out_.flush();
    const bool good = static_cast<bool>(out_);
    out_.close();
    if (!good) throw std::runtime_error("error while writing " + temp_.string());
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw std::runtime_error("cannot rename " + temp_.string() + " to " + target_.string() + ": " + ec.message());
    committed_ = true;
  }
  /// The final path.
  const std::filesystem::path& target() const noexcept { return target_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::ofstream out_;
  bool committed_ = false;
};

/// Writes @p content to @p target atomically (see AtomicFile).
inline void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  AtomicFile f(target);
  f.write(content);
  f.commit();
}

}  // namespace docpipe
