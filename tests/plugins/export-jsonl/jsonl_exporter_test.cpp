#include <catch2/catch.hpp>

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "jsonl_exporter.hpp"
#include "sample_documents.hpp"
#include "schema_validator.hpp"
#include "test_support.hpp"

namespace {
std::vector<std::string> lines_of(const std::string& content) {
  std::vector<std::string> lines;
  std::istringstream in(content);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("one valid object per line, in arrival order, visible only after commit") {
  const auto dir = test_support::scratch_folder("jsonl");
  const auto target = dir / "documents.jsonl";
  const schema_check::Validator validator(DOCPIPE_SOURCE_DIR "/docs/schema/docpipe.document-1.schema.json");
  const auto docs = fixtures::all();
  export_jsonl::JsonlExporter exporter(target);
  for (const auto& doc : docs) exporter.add(doc);
  CHECK_FALSE(std::filesystem::exists(target));  // still under its temporary name
  exporter.commit();
  REQUIRE(std::filesystem::exists(target));
  CHECK(test_support::entries_in(dir) == 1);

  const std::string content = test_support::read_file(target);
  CHECK(content.back() == '\n');
  const auto lines = lines_of(content);
  REQUIRE(lines.size() == docs.size());
  CHECK(exporter.lines() == docs.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO(docs[i].id);
    CHECK(validator.validate_text(lines[i]).empty());
    const auto o = Poco::JSON::Parser().parse(lines[i]).extract<Poco::JSON::Object::Ptr>();
    CHECK(o->getValue<std::string>("id") == docs[i].id);
    CHECK(o->getValue<std::string>("text") == docs[i].text);  // CR, LF and tabs stay inside the line
  }
}

TEST_CASE("a run that is not committed leaves the previous file untouched and no temporary file") {
  const auto dir = test_support::scratch_folder("jsonl-abort");
  const auto target = dir / "documents.jsonl";
  {
    export_jsonl::JsonlExporter first(target);
    first.add(fixtures::traditional());
    first.commit();
  }
  const std::string before = test_support::read_file(target);
  {
    export_jsonl::JsonlExporter aborted(target);
    aborted.add(fixtures::simplified());
    aborted.add(fixtures::hostile());
  }  // destroyed without commit, as when the run fails
  CHECK(test_support::read_file(target) == before);
  CHECK(test_support::entries_in(dir) == 1);
}

TEST_CASE("a run without documents writes an empty file") {
  const auto dir = test_support::scratch_folder("jsonl-empty");
  export_jsonl::JsonlExporter exporter(dir / "documents.jsonl");
  exporter.commit();
  CHECK(std::filesystem::file_size(dir / "documents.jsonl") == 0);
}
