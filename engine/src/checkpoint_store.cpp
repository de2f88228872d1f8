#include "checkpoint_store.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "content_hash.hpp"
#include "docpipe/atomic_file.hpp"
#include "document_codec.hpp"

namespace docpipe::engine {

namespace {

// write_file_atomically() for content in pieces, written with writev(2): a temporary file beside
// @p target renamed over it, removed again on any failure.
void write_pieces_atomically(const std::filesystem::path& target, const std::vector<std::string_view>& pieces) {
  const std::string temp = docpipe::detail::temp_name_beside(target);
  int fd = -1;
  docpipe::detail::open_creating_folders(target, [&] {
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    return fd >= 0;
  });
  if (fd < 0) throw std::runtime_error("cannot write " + temp + ": " + std::strerror(errno));
  auto fail = [&](const std::string& what, int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw std::runtime_error(what + temp + ": " + std::strerror(err));
  };
  std::vector<iovec> left;
  left.reserve(pieces.size());
  for (std::string_view p : pieces)
    if (!p.empty()) left.push_back({const_cast<char*>(p.data()), p.size()});
  std::size_t first = 0;
  while (first < left.size()) {
    const int count = static_cast<int>(std::min<std::size_t>(left.size() - first, IOV_MAX));
    const ssize_t n = ::writev(fd, left.data() + first, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("error while writing ", n < 0 ? errno : EIO);
    // Step over what was written: whole pieces, then part of one.
    auto done = static_cast<std::size_t>(n);
    while (first < left.size() && done >= left[first].iov_len) done -= left[first++].iov_len;
    if (done > 0) {
      left[first].iov_base = static_cast<char*>(left[first].iov_base) + done;
      left[first].iov_len -= done;
    }
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error("error while writing " + temp + ": " + std::strerror(err));
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot rename " + temp + " to " + target.string() + ": " + std::strerror(err));
  }
}

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
  write_pieces_atomically(file(key.id), pieces);
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
