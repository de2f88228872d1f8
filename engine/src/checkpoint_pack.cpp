#include "checkpoint_pack.hpp"

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

namespace docpipe::engine {

namespace {

constexpr char magic[4] = {'D', 'P', 'K', '1'};
constexpr std::size_t fixed_size = 32;
// Far above any real key (an id and two hex hashes); a larger size is damage, not a key to allocate.
constexpr std::uint32_t max_key_size = 1 << 20;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t get_le(const char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// Reads exactly @p size bytes at @p offset; false when the file ends first or reading fails.
bool read_at(int fd, char* into, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, into, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    into += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

// The key's three strings, each after its size; false when they do not fill @p key exactly.
bool parse_key(std::string_view bytes, CheckpointKey& key) {
  std::string* fields[] = {&key.id, &key.content_hash, &key.pipeline_hash};
  for (std::string* f : fields) {
    if (bytes.size() < 4) return false;
    const std::uint64_t size = get_le(bytes.data(), 4);
    bytes.remove_prefix(4);
    if (size > bytes.size()) return false;
    f->assign(bytes.substr(0, size));
    bytes.remove_prefix(size);
  }
  return bytes.empty();
}

}  // namespace

std::string pack_record_header(const CheckpointKey& key, std::span<const std::string_view> payload, PackRecord* described) {
  XXH3_state_t* state = XXH3_createState();
  if (!state) throw std::bad_alloc();
  XXH3_64bits_reset(state);
  std::uint64_t payload_size = 0;
  for (std::string_view p : payload) {
    XXH3_64bits_update(state, p.data(), p.size());
    payload_size += p.size();
  }
  const std::uint64_t payload_hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);

  std::string key_bytes;
  for (const std::string* f : {&key.id, &key.content_hash, &key.pipeline_hash}) {
    put_u32(key_bytes, static_cast<std::uint32_t>(f->size()));
    key_bytes += *f;
  }
  std::string header(magic, sizeof magic);
  put_u32(header, static_cast<std::uint32_t>(key_bytes.size()));
  put_u64(header, payload_size);
  put_u64(header, payload_hash);
  header += key_bytes;
  // The header hash covers the sizes too, so a damaged length is caught before it is followed.
  XXH3_state_t* head_state = XXH3_createState();
  if (!head_state) throw std::bad_alloc();
  XXH3_64bits_reset(head_state);
  XXH3_64bits_update(head_state, header.data(), 24);
  XXH3_64bits_update(head_state, key_bytes.data(), key_bytes.size());
  const std::uint64_t header_hash = XXH3_64bits_digest(head_state);
  XXH3_freeState(head_state);
  std::string hash_bytes;
  put_u64(hash_bytes, header_hash);
  header.insert(24, hash_bytes);
  if (described) *described = {key, header.size(), payload_size, payload_hash};
  return header;
}

std::uint64_t pack_record_size(const PackRecord& record) {
  return fixed_size + 12 + record.key.id.size() + record.key.content_hash.size() + record.key.pipeline_hash.size() +
         record.payload_size;
}

std::vector<PackRecord> scan_pack(int fd) {
  std::vector<PackRecord> records;
  struct stat st {};
  if (::fstat(fd, &st) != 0) return records;
  const auto file_size = static_cast<std::uint64_t>(st.st_size);
  std::uint64_t at = 0;
  char fixed[fixed_size];
  std::string key_bytes;
  while (file_size - at >= fixed_size && read_at(fd, fixed, fixed_size, at)) {
    if (std::memcmp(fixed, magic, sizeof magic) != 0) break;
    const std::uint64_t key_size = get_le(fixed + 4, 4);
    if (key_size > max_key_size || file_size - at - fixed_size < key_size) break;
    key_bytes.resize(key_size);
    if (!read_at(fd, key_bytes.data(), key_size, at + fixed_size)) break;
    XXH3_state_t* state = XXH3_createState();
    if (!state) throw std::bad_alloc();
    XXH3_64bits_reset(state);
    XXH3_64bits_update(state, fixed, 24);
    XXH3_64bits_update(state, key_bytes.data(), key_bytes.size());
    const std::uint64_t header_hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    if (header_hash != get_le(fixed + 24, 8)) break;
    PackRecord r;
    r.payload_offset = at + fixed_size + key_size;
    r.payload_size = get_le(fixed + 8, 8);
    r.payload_hash = get_le(fixed + 16, 8);
    if (file_size - r.payload_offset < r.payload_size || !parse_key(key_bytes, r.key)) break;
    at = r.payload_offset + r.payload_size;
    records.push_back(std::move(r));
  }
  return records;
}

std::optional<std::string> read_pack_payload(int fd, const PackRecord& record) {
  std::string payload(record.payload_size, '\0');
  if (!read_at(fd, payload.data(), payload.size(), record.payload_offset)) return std::nullopt;
  if (XXH3_64bits(payload.data(), payload.size()) != record.payload_hash) return std::nullopt;
  return payload;
}

}  // namespace docpipe::engine
