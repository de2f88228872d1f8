// keyword-tag: tags configured keywords as generic `keyword` annotations. The registration only; the
// logic is in src/ so the tests can call it directly.
#include "docpipe/docpipe.hpp"
#include "keyword_tagger.hpp"

namespace {

class KeywordTagStage : public docpipe::Stage {
 public:
  // Parameters arrive validated with defaults filled in; what the schema cannot say (an empty list)
  // is refused here, which makes `docpipe run` stop before the first document.
  explicit KeywordTagStage(const docpipe::StageContext& ctx)
      : matcher_(keyword_tag::split_keyword_list(ctx.params.get_string("keywords")),
                 ctx.params.get_bool("ignore-case")) {
    options_.type = ctx.params.get_string("type");
    options_.producer = ctx.plugin;
    options_.mode = ctx.params.get_string("overlaps") == "all" ? keyword_tag::MatchMode::all
                                                               : keyword_tag::MatchMode::longest;
    if (options_.type.empty()) throw std::invalid_argument("keyword-tag: parameter 'type' is empty");
  }

  void process(docpipe::Document& doc) override { keyword_tag::tag_keywords(doc, matcher_, options_); }

 private:
  keyword_tag::KeywordMatcher matcher_;  // read-only after construction
  keyword_tag::TaggerOptions options_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "keyword-tag";
  d.version = "1.0.0";
  d.description = "Tags configured keywords as generic 'keyword' annotations (the SDK's example plugin).";
  d.kind = docpipe::StageKind::extract;
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe SDK";
  d.license = "MIT";
  using docpipe::ParamType;
  d.params = {
      {"keywords", ParamType::string, "高质量发展,营商环境,新质生产力,乡村振兴,GDP", false, {}, {}, {},
       "keywords separated by , ， 、 ; or line breaks"},
      {"type", ParamType::string, "keyword", false, {}, {}, {}, "annotation type to write"},
      {"ignore-case", ParamType::boolean, "true", false, {}, {}, {}, "match Latin letters in any case"},
      {"overlaps", ParamType::choice, "longest", false, {}, {}, {"longest", "all"},
       "longest: leftmost-longest, no overlaps; all: every occurrence of every keyword"},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("keyword-tag", KeywordTagStage, describe)
