#pragma once
// The record format of a checkpoint pack (OUTDIR/.docpipe/checkpoints/*.dpk): an append-only file of
// checkpoint records, each written with one write(2). A record checks itself like a journal line, so
// a writer killed mid-record leaves a torn tail that readers stop at, and a damaged record is found
// out before it is decoded. One file per run instead of one per document: creating a file costs more
// kernel time than writing a document's checkpoint (docs/batch.md).
//
// Record: "DPK1", u32 key size, u64 payload size, u64 XXH3-64 of the payload, u64 XXH3-64 of the 24
// bytes before it and the key; then the key (id, input hash, pipeline hash, each u32 size + bytes);
// then the payload (the document in the codec's form). Integers are little-endian.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::engine {

/// What a checkpoint is bound to: a document whose input or pipeline changed must not reuse it.
struct CheckpointKey {
  std::string id;
  std::string content_hash;
  std::string pipeline_hash;

  bool operator==(const CheckpointKey&) const = default;
};

/// A record as its header describes it: found by scan_pack() without reading the payload.
struct PackRecord {
  CheckpointKey key;
  std::uint64_t payload_offset = 0;  ///< From the start of the pack file.
  std::uint64_t payload_size = 0;
  std::uint64_t payload_hash = 0;
};

/// The header of the record that holds @p payload (the pieces, in order) for @p key; the record is the
/// header followed by the pieces. Fills @p described, if given, as scan_pack() would find the record
/// at the start of a file.
std::string pack_record_header(const CheckpointKey& key, std::span<const std::string_view> payload,
                               PackRecord* described = nullptr);

/// The bytes @p record takes in its pack, header included.
std::uint64_t pack_record_size(const PackRecord& record);

/// The records of the pack open as @p fd, in file order, read up to the first header that is cut
/// short, fails its check or claims more bytes than the file has: a torn tail or damage, after which
/// no length can be trusted. Payloads are not read.
std::vector<PackRecord> scan_pack(int fd);

/// The payload of @p record from the pack open as @p fd, or nothing when it cannot be read or fails
/// its hash (a damaged record is a missing checkpoint).
std::optional<std::string> read_pack_payload(int fd, const PackRecord& record);

}  // namespace docpipe::engine
