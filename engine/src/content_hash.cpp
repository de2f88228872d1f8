#include "content_hash.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

#include <xxhash.h>

namespace docpipe::engine {

namespace {

// Length-prefixed, so that no two different field lists give the same bytes.
void field(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
  out += ';';
}

std::string to_hex(XXH128_hash_t h) {
  static const char digits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) out[15 - i] = digits[(h.high64 >> (4 * i)) & 15];
  for (int i = 0; i < 16; ++i) out[31 - i] = digits[(h.low64 >> (4 * i)) & 15];
  return out;
}

std::string file_hash(const std::filesystem::path& file) {
  // A plugin library is hashed once per process: isolate workers and merge ask again.
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::string> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(file); it != cache.end()) return it->second;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read plugin library " + file.string() + " to fingerprint the pipeline");
  XXH3_state_t* state = XXH3_createState();
  if (!state) throw std::bad_alloc();
  XXH3_128bits_reset(state);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) XXH3_128bits_update(state, buffer, static_cast<std::size_t>(in.gcount()));
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return cache[file] = to_hex(h);
}

}  // namespace

std::string content_hash_hex(std::string_view bytes) { return to_hex(XXH3_128bits(bytes.data(), bytes.size())); }

std::string pipeline_fingerprint(const ResolvedPipeline& pipeline) {
  std::string all = "docpipe.pipeline/1;";
  for (const ResolvedStage& stage : pipeline.stages) {
    const LoadedPlugin& p = *stage.plugin;
    field(all, p.descriptor().name);
    field(all, p.descriptor().version);
    field(all, p.sdk_version);
    field(all, p.build_tag);
    field(all, file_hash(p.file));
    for (const auto& [name, value] : stage.params.all()) {
      field(all, name);
      field(all, value);
    }
    all += '|';
  }
  return content_hash_hex(all);
}

std::uint64_t fnv1a64(std::string_view bytes) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace docpipe::engine
