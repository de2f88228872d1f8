#include "worker_main.hpp"

#include <csignal>
#include <iostream>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "document_codec.hpp"
#include "stage_slots.hpp"
#include "worker_protocol.hpp"

namespace docpipe::engine {

namespace {

bool is_allocation_failure(const std::string& message) {
  return message.find("bad_alloc") != std::string::npos || message.find("bad_array_new_length") != std::string::npos;
}

}  // namespace

int serve_worker(const ResolvedPipeline& pipeline, const WorkerSettings& settings) {
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_IGN);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  // Keep the protocol channel apart from anything a plugin prints.
  const int requests = ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
  const int replies = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (requests < 0 || replies < 0) return 2;
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  if (const int null = ::open("/dev/null", O_RDONLY); null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::close(null);
  }

  std::vector<StageSlot> slots;
  try {
    slots = start_stages(pipeline, settings.output_dir, 0, settings.stages, 1, settings.worker_index, settings.workers);
  } catch (const std::exception& e) {
    std::cerr << "docpipe worker: " << e.what() << "\n";
    return 2;
  }
  // The limit applies from here: loading plugins and their data is not a document's doing.
  if (settings.memory_limit > 0) {
    rlimit limit{settings.memory_limit, settings.memory_limit};
    if (::setrlimit(RLIMIT_AS, &limit) != 0) {
      std::cerr << "docpipe worker: cannot set the memory limit\n";
      return 2;
    }
  }
  if (!write_frame(replies, worker_ready_frame)) return 0;

  std::string request;
  while (read_frame(requests, request) == FrameRead::ok) {
    WorkerReply reply;
    try {
      reply.doc = decode_document(request);
      request.clear();
      request.shrink_to_fit();
      if (auto failure = run_slots(slots, 0, reply.doc)) {
        reply.ok = false;
        reply.stage_index = static_cast<int>(slots[failure->stage_index].index);
        reply.error = std::move(failure->message);
        reply.out_of_memory = is_allocation_failure(reply.error);
      }
      if (!write_frame(replies, encode_reply(reply))) return 0;
    } catch (const std::bad_alloc&) {
      // Not even the reply fits: the parent sees the worker exit and names the limit.
      return 3;
    } catch (const std::exception& e) {
      std::cerr << "docpipe worker: " << e.what() << "\n";
      return 2;
    }
    if (reply.out_of_memory) return 0;  // its heap may be in pieces: let the parent start a fresh one
  }
  finish_slots(slots);
  return 0;
}

}  // namespace docpipe::engine
