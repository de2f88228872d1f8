// Flaw: dereferences a null pointer on a document without text (instead of failing it).
#include <csignal>

#include "flawed_plugin.hpp"

namespace {
class Crashes : public docpipe::Stage {
 public:
  explicit Crashes(const docpipe::StageContext&) {}
  void process(docpipe::Document& doc) override {
    if (doc.text.empty()) std::raise(SIGSEGV);
  }
};
docpipe::Descriptor describe() { return flawed::descriptor("kit-crashes"); }
}  // namespace

DOCPIPE_PLUGIN("kit-crashes", Crashes, describe)
