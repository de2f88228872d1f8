#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include "docpipe/export/document_json.hpp"
#include "json_file_exporter.hpp"
#include "sample_documents.hpp"
#include "schema_validator.hpp"
#include "test_support.hpp"

TEST_CASE("one file per document, named by id, valid against the schema, no temp files left") {
  const auto dir = test_support::scratch_folder("json-files") / "json";
  export_json::JsonFileExporter exporter(dir, true);
  const schema_check::Validator validator(DOCPIPE_SOURCE_DIR "/docs/schema/docpipe.document-1.schema.json");
  const auto docs = fixtures::all();
  for (const auto& doc : docs) {
    const auto path = exporter.write(doc);
    CHECK(path.parent_path() == dir);
    const std::string content = test_support::read_file(path);
    CHECK(validator.validate_text(content).empty());
    const auto parsed = Poco::JSON::Parser().parse(content).extract<Poco::JSON::Object::Ptr>();
    CHECK(parsed->getValue<std::string>("id") == doc.id);
  }
  CHECK(test_support::entries_in(dir) == docs.size());
  CHECK(std::filesystem::exists(dir / "congtai_2024.json"));
  CHECK(std::filesystem::exists(dir / "empty.json"));
}

TEST_CASE("pretty and compact files hold the same value; writing again replaces the file") {
  const auto dir = test_support::scratch_folder("json-pretty");
  const auto doc = fixtures::simplified();
  const auto compact = test_support::read_file(export_json::JsonFileExporter(dir / "a", false).write(doc));
  const auto pretty = test_support::read_file(export_json::JsonFileExporter(dir / "b", true).write(doc));
  CHECK(compact.size() < pretty.size());
  CHECK(std::count(compact.begin(), compact.end(), '\n') == 1);
  std::ostringstream a, b;
  Poco::JSON::Stringifier::stringify(Poco::JSON::Parser().parse(compact), a);
  Poco::JSON::Stringifier::stringify(Poco::JSON::Parser().parse(pretty), b);
  CHECK(a.str() == b.str());

  auto changed = doc;
  changed.metadata.title = "改过的标题";
  export_json::JsonFileExporter again(dir / "a", false);
  const auto path = again.write(changed);
  CHECK(test_support::read_file(path).find("改过的标题") != std::string::npos);
  CHECK(test_support::entries_in(dir / "a") == 1);
}
