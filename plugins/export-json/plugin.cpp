// export-json: registration and Stage glue; the work is in src/json_file_exporter.cpp.
#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"
#include "json_file_exporter.hpp"

namespace {

class ExportJson final : public docpipe::Stage {
 public:
  explicit ExportJson(const docpipe::StageContext& ctx)
      : exporter_(ctx.output_dir / ctx.params.get_string("folder"), ctx.params.get_bool("pretty")) {}
  void process(docpipe::Document& doc) override { exporter_.write(doc); }

 private:
  export_json::JsonFileExporter exporter_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "export-json";
  d.version = "1.0.0";
  d.description = "Writes each document as OUT/json/<id>.json in the docpipe.document/1 JSON format.";
  d.kind = docpipe::StageKind::export_;
  // One file per document and no shared state: workers write in parallel.
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe";
  d.license = "MIT";
  d.params = {
      {"folder", docpipe::ParamType::string, "json", false, {}, {}, {},
       "Folder for the files, relative to the run's output folder."},
      {"pretty", docpipe::ParamType::boolean, "true", false, {}, {}, {},
       "Indent the JSON for people (false: one line per file, smaller and faster)."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("export-json", ExportJson, describe)
