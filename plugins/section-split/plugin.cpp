// Registration of the section-split stage: descriptor, parameters and the Stage glue.
#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"

#include "section_splitter.hpp"

namespace {

class SectionSplitStage : public docpipe::Stage {
 public:
  explicit SectionSplitStage(const docpipe::StageContext& context) {
    const auto& p = context.params;
    options_.tree.plain_headings = p.get_bool("plain-headings");
    options_.tree.min_plain_headings = std::size_t(p.get_int("min-plain-headings"));
    options_.tree.candidates.max_title_chars = std::size_t(p.get_int("max-title-chars"));
    options_.tree.candidates.max_plain_chars = std::size_t(p.get_int("max-plain-heading-chars"));
    options_.tree.max_level1_chars = std::size_t(p.get_int("max-level1-inline-chars"));
    options_.tree.candidates.max_item_chars = std::size_t(p.get_int("max-item-chars"));
    options_.runon_min_bytes = std::size_t(p.get_int("runon-min-bytes"));
    options_.sentences = p.get_bool("sentences");
  }

  void process(docpipe::Document& doc) override {
    section_split::split_document(doc, options_);
    if (doc.sections.empty() && !doc.text.empty())
      doc.report(docpipe::Severity::info, "section-split-no-headings",
                 "no section heading was recognised; the document has paragraphs and sentences only", std::nullopt,
                 "section-split");
  }

 private:
  section_split::SplitOptions options_;
};

docpipe::Descriptor describe() {
  using docpipe::ParamSpec;
  using docpipe::ParamType;
  docpipe::Descriptor d;
  d.name = "section-split";
  d.version = "0.1.0";
  d.description =
      "Reads the title block (title, date, meeting, region, year), the section tree, paragraphs and sentences of a "
      "government work report.";
  d.kind = docpipe::StageKind::split;
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe section-split team";
  d.license = "MIT";
  d.params = {
      ParamSpec{"plain-headings", ParamType::boolean, "true", false, {}, {}, {},
                "accept unlabeled part headings (**2023年工作回顾**) when the report uses them as its frame"},
      ParamSpec{"min-plain-headings", ParamType::integer, "2", false, 1, 20, {},
                "fewest unlabeled headings that make a frame"},
      ParamSpec{"max-title-chars", ParamType::integer, "120", false, 10, 1000, {},
                "section titles are cut to this many code points"},
      ParamSpec{"max-plain-heading-chars", ParamType::integer, "30", false, 4, 200, {},
                "longest unlabeled heading line, in code points"},
      ParamSpec{"max-level1-inline-chars", ParamType::integer, "60", false, 10, 1000, {},
                "a top-level 一、 heading names its part in at most this many code points"},
      ParamSpec{"max-item-chars", ParamType::integer, "50", false, 4, 200, {},
                "longest clause of a ——item heading, in code points"},
      ParamSpec{"runon-min-bytes", ParamType::integer, "1800", false, 200, 100000000, {},
                "lines at least this long (and holding a fifth of the text) are cut into paragraphs at the blanks between CJK text"},
      ParamSpec{"sentences", ParamType::boolean, "true", false, {}, {}, {}, "fill the sentence layer"},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("section-split", SectionSplitStage, describe)
