// A test plugin whose stage throws on documents containing "BOOM", and whose constructor throws when
// asked to.
#include <stdexcept>

#include "docpipe/docpipe.hpp"

namespace {

class Thrower : public docpipe::Stage {
 public:
  explicit Thrower(const docpipe::StageContext& ctx) {
    if (ctx.params.get_bool("fail-at-start")) throw std::runtime_error("refusing to start as configured");
  }
  void process(docpipe::Document& doc) override {
    if (doc.text.find("BOOM") != std::string::npos) throw std::runtime_error("boom in document " + doc.id);
    if (doc.text.find("INT") != std::string::npos) throw 42;  // not a std::exception
  }
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "test-throws";
  d.version = "1.0.0";
  d.description = "Test plugin: throws on BOOM.";
  d.author = "docpipe tests";
  d.license = "MIT";
  d.params.push_back({"fail-at-start", docpipe::ParamType::boolean, "false", false, {}, {}, {}, "throw in the constructor"});
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("test-throws", Thrower, describe)
