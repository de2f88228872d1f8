// The default pipeline over samples/documents, through the real executable and plugins: every sample is
// processed, the exports agree with each other, and the offsets they publish are exact.

#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "../engine/test_support.hpp"
#include "csv_reader.hpp"
#include "docpipe/utf8.hpp"

using namespace docpipe::test;
using Catch::Matchers::Contains;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const std::filesystem::path samples = std::filesystem::path(DOCPIPE_SOURCE_DIR) / "samples" / "documents";

// The pipeline runs once per test process; every test case reads its outputs.
struct PipelineRun {
  TempDir dir;
  CommandResult result;
  PipelineRun() {
    result = run_command(std::string(DOCPIPE_BINARY) + " run " + DOCPIPE_SOURCE_DIR + "/configs/default.xml " +
                         samples.string() + " -o " + (dir / "out").string() + " -j 2");
  }
  std::filesystem::path out() const { return dir / "out"; }
};

const PipelineRun& pipeline_run() {
  static PipelineRun run;
  return run;
}

std::vector<std::string> sample_ids() {
  std::vector<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator(samples))
    if (entry.path().extension() == ".txt") ids.push_back(entry.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

Object::Ptr parse_object(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Object::Ptr>();
}

Object::Ptr document_json(const std::string& id) {
  return parse_object(read_file(pipeline_run().out() / "json" / (id + ".json")));
}

std::size_t size_of(const Object::Ptr& object, const std::string& key) {
  auto array = object->getArray(key);
  return array ? array->size() : 0;
}

// Per-document counts of one layer, as one export reports them.
using Counts = std::map<std::string, std::size_t>;

Counts json_counts(const Object::Ptr& doc) {
  auto glossary = doc->getObject("glossary");
  auto count_sections = [](const Array::Ptr& list, auto&& self) -> std::size_t {
    std::size_t n = 0;
    for (std::size_t i = 0; list && i < list->size(); ++i) n += 1 + self(list->getObject(i)->getArray("children"), self);
    return n;
  };
  return {{"sections", count_sections(doc->getArray("sections"), count_sections)},
          {"numbers", size_of(doc, "numbers")},
          {"indicators", size_of(doc, "indicators")},
          {"repairs", size_of(doc, "repairs")},
          {"glossary_entries", size_of(glossary, "entries")},
          {"glossary_links", size_of(glossary, "links")}};
}

// Code point slice of a UTF-8 string.
std::string codepoint_slice(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t pos = 0, cp = 0, byte_begin = std::string::npos;
  while (pos < text.size() && cp < end) {
    if (cp == begin) byte_begin = pos;
    docpipe::utf8::next(text, pos);
    ++cp;
  }
  if (byte_begin == std::string::npos) byte_begin = pos;
  return text.substr(byte_begin, pos - byte_begin);
}

}  // namespace

TEST_CASE("the default pipeline processes every sample", "[integration]") {
  const auto& run = pipeline_run();
  INFO(run.result.output);
  CHECK(run.result.exit_code == 0);
  CHECK_THAT(run.result.output, Contains(std::to_string(sample_ids().size()) + " documents ok, 0 failed"));
  for (const auto& id : sample_ids()) {
    CHECK(std::filesystem::exists(run.out() / "json" / (id + ".json")));
    CHECK(std::filesystem::exists(run.out() / "md" / (id + ".md")));
    CHECK(std::filesystem::exists(run.out() / "html" / (id + ".html")));
  }
  const std::string index = read_file(run.out() / "html" / "index.html");
  for (const auto& id : sample_ids()) CHECK_THAT(index, Contains(id + ".html"));
  // No temporary file is left behind by any exporter.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(run.out()))
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("JSON, JSON Lines, CSV and SQLite exports agree", "[integration]") {
  const auto& run = pipeline_run();
  REQUIRE(run.result.exit_code == 0);
  std::map<std::string, Counts> from_json, from_jsonl, from_csv, from_sqlite;
  for (const auto& id : sample_ids()) from_json[id] = json_counts(document_json(id));

  std::istringstream lines(read_file(run.out() / "documents.jsonl"));
  std::string line;
  while (std::getline(lines, line)) {
    auto doc = parse_object(line);
    from_jsonl[doc->getValue<std::string>("id")] = json_counts(doc);
  }
  CHECK(from_jsonl == from_json);

  auto csv_counts = [&](const std::string& file, const std::string& layer) {
    const CsvTable table = parse_csv(read_file(run.out() / "csv" / file));
    const std::size_t id_column = table.column("document_id");
    for (const auto& id : sample_ids()) from_csv[id][layer] = 0;
    for (const auto& row : table.rows) ++from_csv[row[id_column]][layer];
  };
  csv_counts("sections.csv", "sections");
  csv_counts("numbers.csv", "numbers");
  csv_counts("indicators.csv", "indicators");
  csv_counts("repairs.csv", "repairs");
  csv_counts("glossary.csv", "glossary_entries");
  csv_counts("glossary_links.csv", "glossary_links");
  CHECK(from_csv == from_json);

  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session db("SQLite", (run.out() / "docpipe.sqlite").string());
  for (const auto& id : sample_ids()) {
    for (const std::string table : {"sections", "numbers", "indicators", "repairs", "glossary_entries", "glossary_links"}) {
      std::size_t n = 0;
      std::string doc_id = id;
      db << "SELECT COUNT(*) FROM " + table + " WHERE document_id = ?", Poco::Data::Keywords::into(n),
          Poco::Data::Keywords::use(doc_id), Poco::Data::Keywords::now;
      from_sqlite[id][table] = n;
    }
  }
  CHECK(from_sqlite == from_json);
  std::size_t documents = 0;
  db << "SELECT COUNT(*) FROM documents", Poco::Data::Keywords::into(documents), Poco::Data::Keywords::now;
  CHECK(documents == sample_ids().size());
}

TEST_CASE("exported offsets are exact code point offsets into the text", "[integration]") {
  REQUIRE(pipeline_run().result.exit_code == 0);
  for (const auto& id : sample_ids()) {
    auto doc = document_json(id);
    const std::string text = doc->getValue<std::string>("text");
    auto numbers = doc->getArray("numbers");
    for (std::size_t i = 0; i < numbers->size(); ++i) {
      auto n = numbers->getObject(i);
      INFO(id << " number " << i);
      CHECK(codepoint_slice(text, n->getValue<std::size_t>("begin"), n->getValue<std::size_t>("end")) ==
            n->getValue<std::string>("text"));
    }
    auto repairs = doc->getArray("repairs");
    for (std::size_t i = 0; i < repairs->size(); ++i) {
      auto r = repairs->getObject(i);
      INFO(id << " repair " << i);
      CHECK(codepoint_slice(text, r->getValue<std::size_t>("begin"), r->getValue<std::size_t>("end")) ==
            r->getValue<std::string>("after"));
    }
  }
}

TEST_CASE("repairs of a UTF-8 input point at the input bytes they replaced", "[integration]") {
  REQUIRE(pipeline_run().result.exit_code == 0);
  const std::string id = "000_dbdc0dc46ac71758";
  const std::string raw = read_file(samples / (id + ".txt"));
  auto repairs = document_json(id)->getArray("repairs");
  REQUIRE(repairs->size() > 0);
  for (std::size_t i = 0; i < repairs->size(); ++i) {
    auto r = repairs->getObject(i);
    const auto b = r->getValue<std::size_t>("source_begin");
    const auto e = r->getValue<std::size_t>("source_end");
    INFO("repair " << i << " " << r->getValue<std::string>("kind"));
    REQUIRE(b <= e);
    REQUIRE(e <= raw.size());
    CHECK(raw.substr(b, e - b) == r->getValue<std::string>("before"));
  }
}

TEST_CASE("the seed comes out repaired, structured and linked", "[integration]") {
  REQUIRE(pipeline_run().result.exit_code == 0);
  auto doc = document_json("000_dbdc0dc46ac71758");
  const std::string text = doc->getValue<std::string>("text");
  CHECK_THAT(text, Contains("活力。回車巷歷史"));
  CHECK(text.find("</font>") == std::string::npos);
  CHECK(doc->getObject("metadata")->getValue<std::string>("date") == "2024-01-24");
  auto unresolved = doc->getObject("glossary")->getArray("unresolved");
  REQUIRE(unresolved->size() == 1);
  CHECK(unresolved->getObject(0)->getValue<int>("number") == 14);
  bool gdp_target = false;
  auto indicators = doc->getArray("indicators");
  for (std::size_t i = 0; i < indicators->size(); ++i) {
    auto ind = indicators->getObject(i);
    if (ind->optValue<std::string>("canonical", "") == "gdp" && ind->optValue<std::string>("status", "") == "target" &&
        ind->optValue<std::string>("measure", "") == "growth" && ind->getValue<double>("value") == 7.0 &&
        ind->optValue<std::string>("qualifier", "") == "about")
      gdp_target = true;
  }
  CHECK(gdp_target);
}
