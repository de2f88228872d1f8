#pragma once
/// @file atomic_file.hpp
/// Write-then-rename output files, so that a reader (or a resumed run) never sees half a file.

#include <atomic>
#include <cstdio>
#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <span>
#include <system_error>
#include <vector>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

namespace docpipe {

namespace detail {

/// A name for a temporary file beside @p target, unique in this process: `TARGET.tmp-PID-N`, the
/// pattern by which a later run finds and removes what a killed one left behind.
inline std::string temp_name_beside(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  return target.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

/// Runs @p open (which returns true on success); when it fails, creates the missing parent folders of
/// @p target and runs it once more. Exporters write many files into few folders: asking for the
/// folders only when an open fails saves a create_directories() per file.
template <typename Open>
bool open_creating_folders(const std::filesystem::path& target, Open open) {
  if (open()) return true;
  if (!target.has_parent_path()) return false;
  std::error_code ec;
  std::filesystem::create_directories(target.parent_path(), ec);
  return open();
}

}  // namespace detail

/// An output file written to a temporary name beside its target and renamed over it by commit().
/// If the object is destroyed without commit() (an exception, a failed document), the temporary file
/// is removed and the target is left as it was.
class AtomicFile {
 public:
  /// Opens a temporary file next to @p target, creating missing parent folders. Throws
  /// std::runtime_error naming the path when it cannot be opened.
  explicit AtomicFile(std::filesystem::path target)
      : target_(std::move(target)), temp_(detail::temp_name_beside(target_)) {
    const bool opened = detail::open_creating_folders(target_, [&] {
      out_.clear();
      out_.open(temp_, std::ios::binary | std::ios::trunc);
      return static_cast<bool>(out_);
    });
    if (!opened) throw std::runtime_error("cannot write " + temp_.string());
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

/// Writes every one of @p pieces, in order, at the current position of the open file @p fd, where
/// they are (writev(2), as many calls as the kernel needs; EINTR retried). Returns 0, or the errno of
/// the failure (EIO for a write of nothing); what was written before a failure stays written.
inline int write_pieces(int fd, std::span<const std::string_view> pieces) {
  std::vector<iovec> left;
  left.reserve(pieces.size());
  for (std::string_view p : pieces)
    if (!p.empty()) left.push_back({const_cast<char*>(p.data()), p.size()});
  std::size_t first = 0;
  while (first < left.size()) {
    const int count = static_cast<int>(std::min<std::size_t>(left.size() - first, IOV_MAX));
    const ssize_t n = ::writev(fd, left.data() + first, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    // Step over what was written: whole pieces, then part of one.
    auto done = static_cast<std::size_t>(n);
    while (first < left.size() && done >= left[first].iov_len) done -= left[first++].iov_len;
    if (done > 0) {
      left[first].iov_base = static_cast<char*>(left[first].iov_base) + done;
      left[first].iov_len -= done;
    }
  }
  return 0;
}

/// Writes the concatenation of @p pieces to @p target atomically (see AtomicFile), creating missing
/// parent folders; the pieces are written where they are (writev(2)), not joined first. Throws
/// std::runtime_error naming the path on failure; the target is then unchanged.
inline void write_file_atomically(const std::filesystem::path& target, std::span<const std::string_view> pieces) {
  // Exporters and checkpoints write one file per document: plain POSIX calls cost a fraction of an
  // ofstream, and a document's text need not be copied behind its header.
  const std::string temp = detail::temp_name_beside(target);
  int fd = -1;
  detail::open_creating_folders(target, [&] {
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    return fd >= 0;
  });
  if (fd < 0) throw std::runtime_error("cannot write " + temp + ": " + std::strerror(errno));
  auto fail = [&](const char* what, int err) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    throw std::runtime_error(what + temp + ": " + std::strerror(err));
  };
  if (const int err = write_pieces(fd, pieces)) fail("error while writing ", err);
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) fail("error while writing ", errno);
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot rename " + temp + " to " + target.string() + ": " + std::strerror(err));
  }
}

/// Writes @p content to @p target atomically (see AtomicFile), creating missing parent folders.
/// Throws std::runtime_error naming the path on failure; the target is then unchanged.
inline void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  write_file_atomically(target, std::span<const std::string_view>(&content, 1));
}

}  // namespace docpipe
