// Flaw: one instance's result depends on the documents it saw before.
#include "flawed_plugin.hpp"

namespace {
class Stateful : public docpipe::Stage {
 public:
  explicit Stateful(const docpipe::StageContext&) {}
  void process(docpipe::Document& doc) override {
    doc.annotations.push_back({{0, 0}, "kit-count", {{"seen", std::to_string(++seen_)}}, "kit-stateful"});
  }

 private:
  int seen_ = 0;
};
docpipe::Descriptor describe() { return flawed::descriptor("kit-stateful"); }
}  // namespace

DOCPIPE_PLUGIN("kit-stateful", Stateful, describe)
