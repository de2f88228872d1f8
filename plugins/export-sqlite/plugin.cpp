// export-sqlite: registration and Stage glue; the work is in src/sqlite_store.cpp.
#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"
#include "sqlite_store.hpp"

namespace {

class ExportSqlite final : public docpipe::Stage {
 public:
  explicit ExportSqlite(const docpipe::StageContext& ctx) : store_(ctx.output_dir / ctx.params.get_string("path")) {}
  void process(docpipe::Document& doc) override { store_.add(doc); }
  void finish() override { store_.commit(); }

 private:
  export_sqlite::SqliteStore store_;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "export-sqlite";
  d.version = "1.0.0";
  d.description =
      "Stores every document in the SQLite corpus database OUT/docpipe.sqlite, replacing the rows of a "
      "document that is already there.";
  d.kind = docpipe::StageKind::export_;
  // One database: the host calls this instance from one thread at a time.
  d.concurrency = docpipe::Concurrency::serialized;
  d.author = "docpipe";
  d.license = "MIT";
  d.params = {
      {"path", docpipe::ParamType::string, "docpipe.sqlite", false, {}, {}, {},
       "The database file, relative to the run's output folder; an existing database is updated "
       "and replaced atomically when the run finishes."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("export-sqlite", ExportSqlite, describe)
