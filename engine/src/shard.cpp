#include "shard.hpp"

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

#include "content_hash.hpp"

namespace docpipe::engine {

namespace {

std::optional<long long> whole_number(const char* text) {
  if (!text || *text < '0' || *text > '9') return std::nullopt;  // no sign, no blank: strtoll would take them
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text, &end, 10);
  if (*end != '\0' || errno != 0) return std::nullopt;
  return v;
}

}  // namespace

bool Shard::contains(const std::string& id) const noexcept {
  return static_cast<int>(fnv1a64(id) % static_cast<std::uint64_t>(count)) == index;
}

std::string Shard::label() const { return std::to_string(index + 1) + "/" + std::to_string(count); }

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  const auto i = slash == std::string::npos ? std::nullopt : whole_number(text.substr(0, slash).c_str());
  const auto n = slash == std::string::npos ? std::nullopt : whole_number(text.substr(slash + 1).c_str());
  if (!i || !n || *n < 1 || *n > 1000000 || *i < 1 || *i > *n)
    throw std::invalid_argument("--shard expects I/N with 1 <= I <= N (e.g. 2/8), got '" + text + "'");
  return {static_cast<int>(*i - 1), static_cast<int>(*n)};
}

std::optional<Shard> shard_from_slurm_environment() {
  const char* id_text = std::getenv("SLURM_ARRAY_TASK_ID");
  const char* count_text = std::getenv("SLURM_ARRAY_TASK_COUNT");
  if (!id_text || !count_text) return std::nullopt;
  const auto id = whole_number(id_text);
  const auto count = whole_number(count_text);
  const auto min = std::getenv("SLURM_ARRAY_TASK_MIN") ? whole_number(std::getenv("SLURM_ARRAY_TASK_MIN")) : std::optional<long long>(0);
  if (!id || !count || !min || *count < 1 || *id - *min < 0 || *id - *min >= *count)
    throw std::invalid_argument(std::string("cannot shard by Slurm: SLURM_ARRAY_TASK_ID=") + id_text +
                                ", SLURM_ARRAY_TASK_COUNT=" + count_text +
                                " (array ids must be consecutive, e.g. --array=0-3; or pass --shard I/N)");
  return Shard{static_cast<int>(*id - *min), static_cast<int>(*count)};
}

}  // namespace docpipe::engine
