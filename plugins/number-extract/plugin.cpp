// placeholder until the stage lands
#include <docpipe/descriptor.hpp>
#include <docpipe/plugin.hpp>
#include <docpipe/stage.hpp>
namespace {
class NumberExtractStage : public docpipe::Stage {
 public:
  explicit NumberExtractStage(const docpipe::StageContext&) {}
  void process(docpipe::Document&) override {}
};
docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "number-extract";
  d.version = "0.1.0";
  return d;
}
}  // namespace
DOCPIPE_PLUGIN("number-extract", NumberExtractStage, describe)
