#include "checkpoint_store.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "content_hash.hpp"
#include "docpipe/atomic_file.hpp"
#include "document_codec.hpp"

namespace docpipe::engine {

namespace {

std::string header(const CheckpointKey& key) {
  return "docpipe.checkpoint/1\n" + key.id + "\n" + key.content_hash + "\n" + key.pipeline_hash + "\n";
}

}  // namespace

std::size_t replay_start(const ResolvedPipeline& pipeline) {
  for (std::size_t i = 0; i < pipeline.stages.size(); ++i) {
    const Descriptor& d = pipeline.stages[i].plugin->descriptor();
    if (d.kind == StageKind::export_ || d.concurrency == Concurrency::serialized) return i;
  }
  return pipeline.stages.size();
}

CheckpointStore::CheckpointStore(std::filesystem::path output_dir) : folder_(output_dir / ".docpipe" / "checkpoints") {}

std::filesystem::path CheckpointStore::file(const std::string& id) const {
  // Ids can be long or differ only in case; a hash names the file and the header holds the real id.
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.dpdoc", static_cast<unsigned long long>(fnv1a64(id)));
  return folder_ / name;
}

void CheckpointStore::save(const CheckpointKey& key, const Document& doc) const {
  // The document's raw bytes and text are written from where they are, not copied into one buffer
  // first (they are most of a checkpoint).
  thread_local std::string scratch;
  std::vector<std::string_view> pieces = encode_document_pieces(doc, scratch);
  const std::string head = header(key);
  pieces.insert(pieces.begin(), head);
  write_file_atomically(file(key.id), pieces);
}

std::optional<Document> CheckpointStore::load(const CheckpointKey& key) const {
  // One read of the whole file: checkpoints are as large as their documents.
  std::ifstream in(file(key.id), std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  const std::string expected = header(key);
  if (bytes.compare(0, expected.size(), expected) != 0) return std::nullopt;
  try {
    return decode_document(std::string_view(bytes).substr(expected.size()));
  } catch (const DocumentCodecError&) {
    return std::nullopt;
  }
}

}  // namespace docpipe::engine
