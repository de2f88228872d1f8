// Flaw: exports a helper of its own next to the two entry points.
#include "flawed_plugin.hpp"

extern "C" __attribute__((visibility("default"))) int kit_leaked_helper(int x) { return x + 1; }

namespace {
class Leaks : public docpipe::Stage {
 public:
  explicit Leaks(const docpipe::StageContext&) {}
  void process(docpipe::Document&) override {}
};
docpipe::Descriptor describe() { return flawed::descriptor("kit-leaks-symbols"); }
}  // namespace

DOCPIPE_PLUGIN("kit-leaks-symbols", Leaks, describe)
