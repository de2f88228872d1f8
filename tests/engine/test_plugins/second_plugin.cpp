// A second good test plugin, to load two at once: counts characters into an annotation.
#include "docpipe/docpipe.hpp"

namespace {

class CountChars : public docpipe::Stage {
 public:
  explicit CountChars(const docpipe::StageContext&) {}
  void process(docpipe::Document& doc) override {
    doc.annotations.push_back(
        {{0, doc.text.size()}, "test-length", {{"codepoints", std::to_string(docpipe::utf8::length(doc.text))}}, "test-second"});
  }
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "test-second";
  d.version = "0.2.0";
  d.description = "Test plugin: counts code points.";
  d.author = "docpipe tests";
  d.license = "MIT";
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("test-second", CountChars, describe)
