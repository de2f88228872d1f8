// export-csv: registration and Stage glue; the work is in src/csv_exporter.cpp.
#include "csv_exporter.hpp"
#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"

namespace {

export_csv::CsvOptions options_from(const docpipe::ParamValues& p) {
  return {p.get_bool("bom"), p.get_bool("text")};
}

class ExportCsv final : public docpipe::Stage {
 public:
  explicit ExportCsv(const docpipe::StageContext& ctx)
      : exporter_(ctx.output_dir / ctx.params.get_string("folder"), options_from(ctx.params)) {}
  void process(docpipe::Document& doc) override { exporter_.add(doc); }
  void finish() override { exporter_.commit(); }

 private:
  export_csv::CsvExporter exporter_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "export-csv";
  d.version = "1.0.0";
  d.description =
      "Writes RFC 4180 CSV tables (documents, sections, numbers, indicators, glossary, ...) to OUT/csv/, "
      "one row per item with its document id.";
  d.kind = docpipe::StageKind::export_;
  // Shared files: the host calls this instance from one thread at a time.
  d.concurrency = docpipe::Concurrency::serialized;
  d.author = "docpipe";
  d.license = "MIT";
  d.params = {
      {"folder", docpipe::ParamType::string, "csv", false, {}, {}, {},
       "Folder for the CSV files, relative to the run's output folder."},
      {"bom", docpipe::ParamType::boolean, "false", false, {}, {}, {},
       "Start each file with a UTF-8 byte order mark so that Excel reads the Chinese text correctly."},
      {"text", docpipe::ParamType::boolean, "false", false, {}, {}, {},
       "Add each document's full text as the last column of documents.csv (spreadsheets cut cells at "
       "32767 characters)."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("export-csv", ExportCsv, describe)
