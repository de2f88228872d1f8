#pragma once
// Frames between the engine and its --isolate worker processes: a little-endian 64-bit length, then
// that many bytes, over a pipe.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "docpipe/document.hpp"

namespace docpipe::engine {

/// Writes one frame to @p fd. Returns false when the other end is gone (EPIPE) or writing fails.
bool write_frame(int fd, std::string_view payload);

/// How reading a frame ended.
enum class FrameRead { ok, closed, timed_out, abandoned };

/// How long a document in a worker may still take once the run was asked to stop (SIGINT/SIGTERM).
inline constexpr std::chrono::seconds stop_grace{5};

/// Reads one frame from @p fd into @p payload, waiting until @p deadline at most (none: forever).
/// `closed` means end of file or a read error before the frame was complete. With @p abandon_on_stop,
/// gives up (`abandoned`) when the run has been asked to stop for longer than stop_grace.
FrameRead read_frame(int fd, std::string& payload,
                     std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt,
                     bool abandon_on_stop = false);

/// A worker's answer for one document.
struct WorkerReply {
  bool ok = true;
  int stage_index = -1;     ///< The stage that failed, when not ok.
  std::string error;        ///< Its message.
  bool out_of_memory = false;  ///< The failure was an allocation failure (the worker should be replaced).
  Document doc;             ///< The document after the worker's stages.
};

/// The frame the worker sends when its stages are ready.
inline constexpr std::string_view worker_ready_frame = "docpipe-worker-ready";

/// Encodes @p reply as a frame payload.
std::string encode_reply(const WorkerReply& reply);

/// Decodes a payload of encode_reply(). Throws DocumentCodecError when it is not one.
WorkerReply decode_reply(std::string_view payload);

}  // namespace docpipe::engine
