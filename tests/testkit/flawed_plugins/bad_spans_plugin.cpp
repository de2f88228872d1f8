// Flaw: writes a span past the end of the text and a diagnostic without its stage.
#include "flawed_plugin.hpp"

namespace {
class BadSpans : public docpipe::Stage {
 public:
  explicit BadSpans(const docpipe::StageContext&) {}
  void process(docpipe::Document& doc) override {
    doc.annotations.push_back({{0, doc.text.size() + 5}, "kit-span", {}, "kit-bad-spans"});
    doc.report(docpipe::Severity::info, "kit-anonymous", "a diagnostic without a stage");
  }
};
docpipe::Descriptor describe() { return flawed::descriptor("kit-bad-spans"); }
}  // namespace

DOCPIPE_PLUGIN("kit-bad-spans", BadSpans, describe)
