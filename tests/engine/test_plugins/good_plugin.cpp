// A well-behaved test plugin: tags every occurrence of a configured word as an annotation.
#include "docpipe/docpipe.hpp"

namespace {

class TagWord : public docpipe::Stage {
 public:
  explicit TagWord(const docpipe::StageContext& ctx) : word_(ctx.params.get_string("word")) {}
  void process(docpipe::Document& doc) override {
    for (std::size_t at = doc.text.find(word_); at != std::string::npos; at = doc.text.find(word_, at + word_.size()))
      doc.annotations.push_back({{at, at + word_.size()}, "test-word", {{"word", word_}}, "test-good"});
  }

 private:
  std::string word_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "test-good";
  d.version = "1.0.0";
  d.description = "Test plugin: annotates a word.";
  d.kind = docpipe::StageKind::other;
  d.author = "docpipe tests";
  d.license = "MIT";
  d.params.push_back({"word", docpipe::ParamType::string, "報告", false, {}, {}, {}, "the word to tag"});
  d.params.push_back({"limit", docpipe::ParamType::integer, "10", false, 1, 100, {}, "an integer from 1 to 100"});
  d.params.push_back({"mode", docpipe::ParamType::choice, "fast", false, {}, {}, {"fast", "slow"}, "a choice"});
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("test-good", TagWord, describe)
