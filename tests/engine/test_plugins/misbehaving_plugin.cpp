// A test plugin that misbehaves on purpose, for the isolation and resume tests: on a document whose
// text contains CRASH it dies of SIGSEGV, ABORT aborts, HANG loops for ever, HOG allocates until
// allocation fails, EXIT calls _exit(7). Otherwise it waits `delay-ms` (to give kill tests time) and
// tags the document with an annotation.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include <unistd.h>

#include "docpipe/docpipe.hpp"

namespace {

class Misbehave : public docpipe::Stage {
 public:
  explicit Misbehave(const docpipe::StageContext& ctx) : delay_ms_(ctx.params.get_int("delay-ms")) {}
  void process(docpipe::Document& doc) override {
    const std::string& t = doc.text;
    if (t.find("CRASH") != std::string::npos) std::raise(SIGSEGV);
    if (t.find("ABORT") != std::string::npos) std::abort();
    if (t.find("EXIT") != std::string::npos) ::_exit(7);
    if (t.find("HANG") != std::string::npos)
      for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    if (t.find("HOG") != std::string::npos) {
      std::vector<char*> blocks;
      for (;;) {
        char* block = new char[64 << 20];
        std::memset(block, 1, 64 << 20);  // touch it: the memory is really used
        blocks.push_back(block);
      }
    }
    if (delay_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_));
    doc.annotations.push_back({{0, 0}, "test-misbehave", {{"delay-ms", std::to_string(delay_ms_)}}, "test-misbehave"});
  }

 private:
  long long delay_ms_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "test-misbehave";
  d.version = "1.0.0";
  d.description = "Test plugin: crashes, hangs or exhausts memory on trigger words.";
  d.author = "docpipe tests";
  d.license = "MIT";
  d.params.push_back({"delay-ms", docpipe::ParamType::integer, "0", false, 0, 60000, {}, "sleep this long per document"});
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("test-misbehave", Misbehave, describe)
