// Registration of the glossary-link stage: descriptor, parameters and the Stage glue around
// GlossaryLinker (src/).
#include <filesystem>
#include <memory>
#include <mutex>

#include "corpus_glossary.hpp"
#include "docpipe/atomic_file.hpp"
#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"
#include "external_glossary.hpp"
#include "glossary_linker.hpp"

namespace {

namespace gl = docpipe::glossary_link;

class GlossaryLinkStage : public docpipe::Stage {
 public:
  explicit GlossaryLinkStage(const docpipe::StageContext& ctx) {
    const auto& p = ctx.params;
    gl::LinkOptions options;
    options.min_term_length = static_cast<std::size_t>(p.get_int("min-term-length"));
    options.link_terms = p.get_bool("link-terms");
    options.quoted_aliases = p.get_bool("quoted-aliases");
    options.stage = ctx.plugin.empty() ? "glossary-link" : ctx.plugin;
    std::vector<docpipe::GlossaryEntry> external;
    if (const std::string file = p.get_string("external-glossary"); !file.empty()) {
      std::filesystem::path path(file);
      if (path.is_relative()) path = ctx.config_dir / path;
      external = gl::load_external_glossary(path);
    }
    linker_ = std::make_unique<gl::GlossaryLinker>(std::move(external), options);
    if (const std::string name = p.get_string("corpus-glossary"); !name.empty()) {
      corpus_target_ = ctx.output_dir / name;
      corpus_ = &gl::CorpusGlossary::shared(corpus_target_);
      corpus_->attach();
    }
  }

  ~GlossaryLinkStage() override {
    if (corpus_ && !finished_) corpus_->detach();
  }

  void process(docpipe::Document& doc) override {
    linker_->process(doc);
    if (corpus_) corpus_->add(doc);
  }

  // Instances are per worker and share one merged list (CorpusGlossary::shared) rather than being
  // `serialized`, so linking still runs on every worker. The engine calls finish() after every worker
  // has stopped, so each instance writes the complete list; writing under one lock keeps the renames
  // in order, and the last one leaves the file whole.
  void finish() override {
    if (!corpus_ || finished_) return;
    finished_ = true;
    static std::mutex write_mutex;
    std::lock_guard<std::mutex> lock(write_mutex);
    docpipe::write_file_atomically(corpus_target_, corpus_->detach());
  }

 private:
  std::unique_ptr<gl::GlossaryLinker> linker_;
  gl::CorpusGlossary* corpus_ = nullptr;
  bool finished_ = false;
  std::filesystem::path corpus_target_;
};

docpipe::Descriptor describe() {
  using docpipe::ParamSpec;
  using docpipe::ParamType;
  docpipe::Descriptor d;
  d.name = "glossary-link";
  d.version = "0.1.0";
  d.description =
      "Parses the glossary appendix (名词解释), links its in-text markers and every mention of its terms in "
      "either script, and reports markers and entries that do not resolve.";
  d.kind = docpipe::StageKind::link;
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe project";
  d.license = "MIT";
  d.params = {
      ParamSpec{"external-glossary", ParamType::string, "", false, {}, {}, {},
                "TSV (term, definition, alias|alias) or XML glossary linked like the document's own; relative to "
                "the config; empty for none"},
      ParamSpec{"corpus-glossary", ParamType::string, "", false, {}, {}, {},
                "file name below the output folder for the merged term list of all documents of the run (JSON); "
                "empty for none"},
      ParamSpec{"min-term-length", ParamType::integer, "2", false, 1, 32, {},
                "shortest term or alias, in characters, that is linked where it occurs"},
      ParamSpec{"link-terms", ParamType::boolean, "true", false, {}, {}, {},
                "link every mention of a term besides the numbered markers"},
      ParamSpec{"quoted-aliases", ParamType::boolean, "true", false, {}, {}, {},
                "also link the quoted core of a title (独角兽 of “独角兽”企业) where the text quotes it"},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("glossary-link", GlossaryLinkStage, describe)
