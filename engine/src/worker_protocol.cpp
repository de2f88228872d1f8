#include "worker_protocol.hpp"

#include <cerrno>

#include <poll.h>
#include <unistd.h>

#include "document_codec.hpp"
#include "stop_signal.hpp"

namespace docpipe::engine {

namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t get_u64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return v;
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Reads exactly @p size bytes, polling so that the deadline is honoured between chunks.
FrameRead read_exactly(int fd, char* data, std::size_t size,
                       const std::optional<std::chrono::steady_clock::time_point>& deadline, bool abandon_on_stop) {
  std::optional<std::chrono::steady_clock::time_point> give_up;
  while (size > 0) {
    // Wake up at least twice a second to notice a stop request (delivered to any thread).
    int wait_ms = abandon_on_stop ? 500 : -1;
    if (abandon_on_stop && stop_signal() != 0) {
      const auto now = std::chrono::steady_clock::now();
      if (!give_up) give_up = now + stop_grace;
      if (now >= *give_up) return FrameRead::abandoned;
    }
    if (deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return FrameRead::timed_out;
      const int until_deadline = static_cast<int>(std::min<long long>(left.count() + 1, 1 << 30));
      wait_ms = wait_ms < 0 ? until_deadline : std::min(wait_ms, until_deadline);
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;  // a stop signal: in-flight documents are finished
    if (ready < 0) return FrameRead::closed;
    if (ready == 0) continue;  // the loop re-checks the deadline
    const ssize_t n = ::read(fd, data, size);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return FrameRead::closed;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return FrameRead::ok;
}

}  // namespace

bool write_frame(int fd, std::string_view payload) {
  std::string length;
  put_u64(length, payload.size());
  return write_all(fd, length.data(), length.size()) && write_all(fd, payload.data(), payload.size());
}

FrameRead read_frame(int fd, std::string& payload, std::optional<std::chrono::steady_clock::time_point> deadline,
                     bool abandon_on_stop) {
  char length[8];
  if (const FrameRead r = read_exactly(fd, length, sizeof length, deadline, abandon_on_stop); r != FrameRead::ok) return r;
  const std::uint64_t size = get_u64(std::string_view(length, 8));
  if (size > (std::uint64_t{1} << 40)) return FrameRead::closed;  // not a frame of ours
  payload.resize(size);
  return read_exactly(fd, payload.data(), size, deadline, abandon_on_stop);
}

std::string encode_reply(const WorkerReply& reply) {
  std::string out = "R";
  put_u64(out, reply.ok);
  put_u64(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(reply.stage_index)));
  put_u64(out, reply.out_of_memory);
  put_u64(out, reply.error.size());
  out += reply.error;
  out += encode_document(reply.doc);
  return out;
}

WorkerReply decode_reply(std::string_view payload) {
  if (payload.size() < 33 || payload[0] != 'R') throw DocumentCodecError("not a worker reply");
  WorkerReply reply;
  reply.ok = get_u64(payload.substr(1)) != 0;
  reply.stage_index = static_cast<int>(static_cast<std::int64_t>(get_u64(payload.substr(9))));
  reply.out_of_memory = get_u64(payload.substr(17)) != 0;
  const std::uint64_t error_size = get_u64(payload.substr(25));
  if (error_size > payload.size() - 33) throw DocumentCodecError("worker reply: truncated");
  reply.error = std::string(payload.substr(33, error_size));
  reply.doc = decode_document(payload.substr(33 + error_size));
  return reply;
}

}  // namespace docpipe::engine
