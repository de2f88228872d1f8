#include "checkpoint_store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include "docpipe/atomic_file.hpp"
#include "document_codec.hpp"

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {

constexpr const char* pack_extension = ".dpk";
// The one-file-per-document checkpoints of earlier versions: never read, removed with old packs.
constexpr const char* legacy_extension = ".dpdoc";

// A pack's age: the number its name starts with (`<number>-<pid>.dpk`), or nothing for another file.
std::optional<unsigned long long> pack_number(const fs::path& file) {
  if (file.extension() != pack_extension) return std::nullopt;
  const std::string name = file.filename().string();
  unsigned long long n = 0;
  std::size_t i = 0;
  while (i < name.size() && i < 18 && name[i] >= '0' && name[i] <= '9') n = n * 10 + static_cast<unsigned>(name[i++] - '0');
  if (i == 0 || i >= name.size() || name[i] != '-') return std::nullopt;
  return n;
}

// The packs of @p folder, oldest first.
std::vector<fs::path> packs_in(const fs::path& folder) {
  std::vector<std::pair<unsigned long long, fs::path>> found;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (auto n = pack_number(it->path())) found.emplace_back(*n, it->path());
  std::sort(found.begin(), found.end());
  std::vector<fs::path> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

unsigned long long next_pack_number(const fs::path& folder) {
  const std::vector<fs::path> existing = packs_in(folder);
  return existing.empty() ? 1 : *pack_number(existing.back()) + 1;
}

std::string pack_name(unsigned long long number) {
  char name[64];
  std::snprintf(name, sizeof name, "%08llu-%ld%s", number, static_cast<long>(::getpid()), pack_extension);
  return name;
}

// Writes every piece at the end of @p fd; on failure cuts the file back to @p start, so that the pack
// keeps ending with a whole record, and throws.
void append_pieces(int fd, const fs::path& file, std::uint64_t start, std::span<const std::string_view> pieces) {
  if (const int err = write_pieces(fd, pieces)) {
    if (::ftruncate(fd, static_cast<off_t>(start)) != 0) {
      // The torn record stays; readers stop at it, as at the tail of a killed run.
    }
    throw std::runtime_error("cannot write the checkpoint pack " + file.string() + ": " + std::strerror(err));
  }
}

}  // namespace

std::size_t replay_start(const ResolvedPipeline& pipeline) {
  for (std::size_t i = 0; i < pipeline.stages.size(); ++i) {
    const Descriptor& d = pipeline.stages[i].plugin->descriptor();
    if (d.kind == StageKind::export_ || d.concurrency == Concurrency::serialized) return i;
  }
  return pipeline.stages.size();
}

CheckpointStore::CheckpointStore(fs::path output_dir) : folder_(output_dir / ".docpipe" / "checkpoints") {}

CheckpointStore::~CheckpointStore() {
  close_packs_locked();
  if (own_fd_ >= 0) ::close(own_fd_);
}

void CheckpointStore::close_packs_locked() const {
  for (int fd : fds_)
    if (fd != own_fd_) ::close(fd);
  fds_.clear();
  latest_.clear();
  indexed_ = false;
  own_pack_ = static_cast<std::size_t>(-1);
}

void CheckpointStore::save(const CheckpointKey& key, const Document& doc) {
  // The document's raw bytes and text are written from where they are, not copied into one buffer
  // first (they are most of a checkpoint); the hashing and encoding happen outside the lock.
  thread_local std::string scratch;
  std::vector<std::string_view> pieces = encode_document_pieces(doc, scratch);
  PackRecord record;
  const std::string header = pack_record_header(key, pieces, &record);
  pieces.insert(pieces.begin(), header);

  std::lock_guard<std::mutex> lock(mutex_);
  if (own_fd_ < 0) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    // After every pack there, so that its records are the latest; the pid keeps two processes
    // that count at the same moment apart.
    for (unsigned long long number = next_pack_number(folder_);; ++number) {
      own_path_ = folder_ / pack_name(number);
      own_fd_ = ::open(own_path_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0666);
      if (own_fd_ >= 0) break;
      if (errno != EEXIST) throw std::runtime_error("cannot create the checkpoint pack " + own_path_.string() + ": " + std::strerror(errno));
    }
    own_size_ = 0;
  }
  const std::uint64_t start = own_size_;
  append_pieces(own_fd_, own_path_, start, pieces);
  own_size_ = start + header.size() + record.payload_size;
  if (indexed_) {
    if (own_pack_ == static_cast<std::size_t>(-1)) {
      own_pack_ = fds_.size();
      fds_.push_back(own_fd_);
    }
    record.payload_offset += start;
    remember_locked(own_pack_, std::move(record));
  }
}

void CheckpointStore::remember_locked(std::size_t pack, PackRecord record) const {
  std::string id = record.key.id;
  latest_.insert_or_assign(std::move(id), Located{pack, std::move(record)});
}

void CheckpointStore::index_locked() const {
  if (indexed_) return;
  // Oldest pack first, and records in file order: a later record of an id replaces the earlier one.
  std::vector<fs::path> packs = packs_in(folder_);
  for (const fs::path& p : packs) {
    if (p == own_path_) continue;
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;  // removed meanwhile, or unreadable: its documents are redone
    fds_.push_back(fd);
    for (PackRecord& r : scan_pack(fd)) remember_locked(fds_.size() - 1, std::move(r));
  }
  if (own_fd_ >= 0) {
    own_pack_ = fds_.size();
    fds_.push_back(own_fd_);
    for (PackRecord& r : scan_pack(own_fd_)) remember_locked(own_pack_, std::move(r));
  }
  indexed_ = true;
}

std::optional<CheckpointStore::Located> CheckpointStore::latest_locked(const std::string& id) const {
  index_locked();
  const auto it = latest_.find(id);
  if (it == latest_.end()) return std::nullopt;
  return it->second;
}

bool CheckpointStore::has(const CheckpointKey& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = latest_locked(key.id);
  return found && found->record.key == key;
}

std::optional<Document> CheckpointStore::load(const CheckpointKey& key) const {
  std::optional<Located> found;
  int fd = -1;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    found = latest_locked(key.id);
    if (!found || found->record.key != key) return std::nullopt;
    fd = fds_[found->pack];
  }
  // Read outside the lock (pread needs no shared position); descriptors stay open until the store
  // is destroyed or remove_other_packs(), neither of which runs while documents are loaded.
  const std::optional<std::string> payload = read_pack_payload(fd, found->record);
  if (!payload) return std::nullopt;
  try {
    return decode_document(*payload);
  } catch (const DocumentCodecError&) {
    return std::nullopt;
  }
}

std::size_t CheckpointStore::remove_other_packs() {
  std::lock_guard<std::mutex> lock(mutex_);
  close_packs_locked();
  std::vector<fs::path> old;
  std::error_code ec;
  for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p != own_path_ && (pack_number(p) || p.extension() == legacy_extension)) old.push_back(p);
  }
  std::size_t removed = 0;
  for (const fs::path& p : old) {
    std::error_code rm;
    removed += fs::remove(p, rm) ? 1 : 0;
  }
  return removed;
}

bool CheckpointStore::compact(const std::function<bool(const CheckpointKey&)>& live) {
  std::lock_guard<std::mutex> lock(mutex_);
  index_locked();
  const std::vector<fs::path> packs = packs_in(folder_);
  std::uint64_t total = 0, kept = 0;
  std::error_code ec;
  for (const fs::path& p : packs)
    if (const auto size = fs::file_size(p, ec); !ec) total += size;
  std::vector<const Located*> keep;
  for (const auto& [id, at] : latest_) {
    if (!live(at.record.key)) continue;
    keep.push_back(&at);
    kept += pack_record_size(at.record);
  }
  if (packs.empty() || (total - std::min(total, kept) < kept && packs.size() <= 8)) return false;
  // In file order, so that the copy reads each pack front to back.
  std::sort(keep.begin(), keep.end(), [](const Located* a, const Located* b) {
    return a->pack != b->pack ? a->pack < b->pack : a->record.payload_offset < b->record.payload_offset;
  });
  // Written under a temporary name (removed as stale if this process dies) and renamed when whole:
  // until then the old packs are untouched, and after it their records are older copies.
  const fs::path target = folder_ / pack_name(next_pack_number(folder_));
  const fs::path temp = detail::temp_name_beside(target);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  bool ok = true;
  try {
    std::uint64_t size = 0;
    for (const Located* at : keep) {
      const std::optional<std::string> payload = read_pack_payload(fds_[at->pack], at->record);
      if (!payload) continue;  // damaged: its document is redone by the next run that needs it
      const std::string_view piece = *payload;
      const std::string header = pack_record_header(at->record.key, {&piece, 1});
      const std::string_view pieces[] = {header, piece};
      append_pieces(fd, temp, size, pieces);
      size += header.size() + piece.size();
    }
  } catch (const std::exception&) {
    ok = false;
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), target.c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  close_packs_locked();
  if (own_fd_ >= 0) ::close(own_fd_);
  own_fd_ = -1;
  own_path_.clear();
  for (const fs::path& p : packs) fs::remove(p, ec);
  return true;
}

}  // namespace docpipe::engine
