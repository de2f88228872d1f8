#include "stale_temp_files.hpp"

#include <cerrno>
#include <csignal>
#include <string>

#include <unistd.h>

namespace docpipe::engine {

namespace {

// The pid in `....tmp-<pid>[-...]`, or 0.
pid_t writer_pid(const std::string& name) {
  const std::size_t at = name.rfind(".tmp-");
  if (at == std::string::npos) return 0;
  std::size_t i = at + 5;
  long long pid = 0;
  const std::size_t digits_start = i;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9' && i - digits_start < 10) pid = pid * 10 + (name[i++] - '0');
  if (i == digits_start || (i < name.size() && name[i] != '-')) return 0;
  return static_cast<pid_t>(pid);
}

}  // namespace

std::size_t remove_stale_temp_files(const std::filesystem::path& folder) {
  std::size_t removed = 0;
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const pid_t pid = writer_pid(it->path().filename().string());
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (std::filesystem::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

}  // namespace docpipe::engine
