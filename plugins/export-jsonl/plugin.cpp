// export-jsonl: registration and Stage glue; the work is in src/jsonl_exporter.cpp.
#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"
#include "jsonl_exporter.hpp"

namespace {

class ExportJsonl final : public docpipe::Stage {
 public:
  explicit ExportJsonl(const docpipe::StageContext& ctx) : exporter_(ctx.output_dir / ctx.params.get_string("path")) {}
  void process(docpipe::Document& doc) override { exporter_.add(doc); }
  void finish() override { exporter_.commit(); }

 private:
  export_jsonl::JsonlExporter exporter_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "export-jsonl";
  d.version = "1.0.0";
  d.description = "Writes every document as one line of OUT/documents.jsonl (docpipe.document/1 objects).";
  d.kind = docpipe::StageKind::export_;
  // One shared file: the host calls this instance from one thread at a time.
  d.concurrency = docpipe::Concurrency::serialized;
  d.author = "docpipe";
  d.license = "MIT";
  d.params = {
      {"path", docpipe::ParamType::string, "documents.jsonl", false, {}, {}, {},
       "The JSON Lines file, relative to the run's output folder; replaced when the run finishes."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("export-jsonl", ExportJsonl, describe)
