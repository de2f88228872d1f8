// Registration of the export-markdown plugin: descriptor and Stage glue around render_markdown().
#include "docpipe/docpipe.hpp"
#include "markdown_document.hpp"

namespace {

class ExportMarkdown : public docpipe::Stage {
 public:
  explicit ExportMarkdown(const docpipe::StageContext& ctx) : folder_(ctx.output_dir / ctx.params.get_string("folder")) {
    const std::string terms = ctx.params.get_string("term-footnotes");
    options_.term_references = terms == "all"    ? docpipe::markdown_export::TermReferences::all
                               : terms == "none" ? docpipe::markdown_export::TermReferences::none
                                                 : docpipe::markdown_export::TermReferences::first;
    options_.metadata_line = ctx.params.get_bool("metadata-line");
  }

  void process(docpipe::Document& doc) override {
    docpipe::write_file_atomically(folder_ / docpipe::markdown_export::markdown_file_name(doc.id),
                                   docpipe::markdown_export::render_markdown(doc, options_));
  }

 private:
  std::filesystem::path folder_;
  docpipe::markdown_export::MarkdownOptions options_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "export-markdown";
  d.version = "0.1.0";
  d.description = "Writes OUT/md/<id>.md: the section tree as headings, paragraphs, glossary terms as footnotes.";
  d.kind = docpipe::StageKind::export_;
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe";
  d.license = "MIT";
  d.params = {
      {"folder", docpipe::ParamType::string, "md", false, {}, {}, {}, "Folder below the output folder for the files."},
      {"term-footnotes", docpipe::ParamType::choice, "first", false, {}, {}, {"first", "all", "none"},
       "Which mentions of a glossary term get a footnote reference (markers always do)."},
      {"metadata-line", docpipe::ParamType::boolean, "true", false, {}, {}, {}, "Write region, date and meeting under the title."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("export-markdown", ExportMarkdown, describe)
