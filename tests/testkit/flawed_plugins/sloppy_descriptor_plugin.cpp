// Flaw: a descriptor the loader accepts but the contract does not: no author, no license, a version
// that is not MAJOR.MINOR.PATCH, and a choice whose second value the stage refuses to start with.
#include <stdexcept>

#include "flawed_plugin.hpp"

namespace {
class Sloppy : public docpipe::Stage {
 public:
  explicit Sloppy(const docpipe::StageContext& ctx) {
    if (ctx.params.get_string("mode") == "b") throw std::runtime_error("mode b is not implemented");
  }
  void process(docpipe::Document&) override {}
};
docpipe::Descriptor describe() {
  docpipe::Descriptor d = flawed::descriptor("kit-sloppy-descriptor");
  d.version = "v1";
  d.author.clear();
  d.license.clear();
  return d;
}
}  // namespace

DOCPIPE_PLUGIN("kit-sloppy-descriptor", Sloppy, describe)
