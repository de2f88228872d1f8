// Registration of the export-html plugin: descriptor and Stage glue around HtmlExporter.
#include <memory>

#include "docpipe/docpipe.hpp"
#include "html_exporter.hpp"

namespace {

constexpr const char* plugin_version = "0.1.0";

class ExportHtml : public docpipe::Stage {
 public:
  explicit ExportHtml(const docpipe::StageContext& ctx)
      : write_index_(ctx.params.get_bool("index")),
        exporter_(ctx.output_dir / ctx.params.get_string("folder"), options(ctx), index_title(ctx)) {}

  void process(docpipe::Document& doc) override { exporter_.export_document(doc); }
  void finish() override {
    if (write_index_) exporter_.write_index();
  }

 private:
  static docpipe::html_export::PageOptions options(const docpipe::StageContext& ctx) {
    docpipe::html_export::PageOptions o;
    o.toc_depth = static_cast<int>(ctx.params.get_int("toc-depth"));
    const std::string repairs = ctx.params.get_string("mark-repairs");
    o.repairs = repairs == "all"    ? docpipe::html_export::RepairMarks::all
                : repairs == "none" ? docpipe::html_export::RepairMarks::none
                                    : docpipe::html_export::RepairMarks::significant;
    o.lang = ctx.params.get_string("lang");
    o.generator = std::string("docpipe export-html ") + plugin_version;
    return o;
  }
  static std::string index_title(const docpipe::StageContext& ctx) {
    const std::string t = ctx.params.get_string("index-title");
    return t.empty() ? (ctx.pipeline.empty() ? std::string("docpipe") : ctx.pipeline) : t;
  }

  bool write_index_;
  docpipe::html_export::HtmlExporter exporter_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "export-html";
  d.version = plugin_version;
  d.description =
      "Writes OUT/html/<id>.html, a self-contained page per document (contents, highlighted figures, "
      "glossary popups, repairs, indicator table), and OUT/html/index.html.";
  d.kind = docpipe::StageKind::export_;
  d.concurrency = docpipe::Concurrency::serialized;
  d.author = "docpipe";
  d.license = "MIT";
  d.params = {
      {"folder", docpipe::ParamType::string, "html", false, {}, {}, {}, "Folder below the output folder for the pages."},
      {"index", docpipe::ParamType::boolean, "true", false, {}, {}, {}, "Write index.html at the end of the run."},
      {"index-title", docpipe::ParamType::string, "", false, {}, {}, {}, "Heading of the index page (default: the pipeline name)."},
      {"toc-depth", docpipe::ParamType::integer, "3", false, 1, 6, {}, "Deepest section level in the table of contents."},
      {"mark-repairs", docpipe::ParamType::choice, "significant", false, {}, {}, {"significant", "all", "none"},
       "Which repairs to mark in the text (hover shows before and after); significant leaves out whitespace."},
      {"lang", docpipe::ParamType::string, "auto", false, {}, {}, {},
       "The pages' lang attribute; auto picks zh-Hant or zh-Hans from the characters used."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("export-html", ExportHtml, describe)
