#include "content_hash.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace docpipe::engine {

namespace {

// Length-prefixed, so that no two different field lists give the same bytes.
void field(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
  out += ';';
}

std::string file_sha256(const std::filesystem::path& file) {
  // A plugin library is hashed once per process: isolate workers and merge ask again.
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::string> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(file); it != cache.end()) return it->second;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read plugin library " + file.string() + " to fingerprint the pipeline");
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) engine.update(buffer, static_cast<unsigned>(in.gcount()));
  return cache[file] = Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  // DigestEngine::update takes an unsigned length: feed huge inputs in pieces.
  constexpr std::size_t piece = 1u << 30;
  for (std::size_t at = 0; at < bytes.size(); at += piece) {
    const std::size_t n = std::min(piece, bytes.size() - at);
    engine.update(bytes.data() + at, static_cast<unsigned>(n));
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string pipeline_fingerprint(const ResolvedPipeline& pipeline) {
  std::string all = "docpipe.pipeline/1;";
  for (const ResolvedStage& stage : pipeline.stages) {
    const LoadedPlugin& p = *stage.plugin;
    field(all, p.descriptor().name);
    field(all, p.descriptor().version);
    field(all, p.sdk_version);
    field(all, p.build_tag);
    field(all, file_sha256(p.file));
    for (const auto& [name, value] : stage.params.all()) {
      field(all, name);
      field(all, value);
    }
    all += '|';
  }
  return sha256_hex(all);
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
