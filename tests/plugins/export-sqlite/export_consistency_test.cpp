#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "csv_exporter.hpp"
#include "csv_reader.hpp"
#include "docpipe/export/file_names.hpp"
#include "json_file_exporter.hpp"
#include "jsonl_exporter.hpp"
#include "sample_documents.hpp"
#include "sqlite_store.hpp"
#include "sqlite_test_support.hpp"
#include "test_support.hpp"

// The same documents exported to JSON, JSON Lines, CSV and SQLite give the same counts and the same
// offsets, per document and per layer. (Provenance agrees here because the documents do not pass
// through the engine, which appends each stage's run, exporters included, as the pipeline goes.)
namespace ex = docpipe::exporting;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

struct Exports {
  std::filesystem::path out;
  std::vector<docpipe::Document> docs = fixtures::all();
};

const Exports& exports() {
  static const Exports e = [] {
    Exports x;
    x.out = test_support::scratch_folder("consistency");
    export_json::JsonFileExporter json(x.out / "json", false);
    export_jsonl::JsonlExporter jsonl(x.out / "documents.jsonl");
    export_csv::CsvExporter csv(x.out / "csv", {});
    export_sqlite::SqliteStore sqlite(x.out / "docpipe.sqlite");
    for (const auto& d : x.docs) {
      json.write(d);
      jsonl.add(d);
      csv.add(d);
      sqlite.add(d);
    }
    jsonl.commit();
    csv.commit();
    sqlite.commit();
    return x;
  }();
  return e;
}

std::size_t count_sections(const Array::Ptr& nodes) {
  std::size_t n = nodes->size();
  for (std::size_t i = 0; i < nodes->size(); ++i) n += count_sections(nodes->getObject(i)->getArray("children"));
  return n;
}

/// Per layer, the number of items a JSON document object holds (keys are the table names).
std::map<std::string, std::size_t> json_counts(const Object::Ptr& o) {
  const Object::Ptr g = o->getObject("glossary");
  return {{"documents", 1},
          {"sections", count_sections(o->getArray("sections"))},
          {"numbers", o->getArray("numbers")->size()},
          {"indicators", o->getArray("indicators")->size()},
          {"glossary_entries", g->getArray("entries")->size()},
          {"glossary_links", g->getArray("links")->size()},
          {"glossary_unresolved", g->getArray("unresolved")->size()},
          {"repairs", o->getArray("repairs")->size()},
          {"diagnostics", o->getArray("diagnostics")->size()},
          {"annotations", o->getArray("annotations")->size()},
          {"provenance", o->getArray("provenance")->size()}};
}

std::map<std::string, std::size_t> csv_counts(const std::string& id) {
  std::map<std::string, std::size_t> counts;
  for (ex::Table t : ex::all_tables) {
    const auto records = csv_test::parse(test_support::read_file(exports().out / "csv" / export_csv::csv_file_name(t)));
    std::size_t n = 0;
    for (std::size_t r = 1; r < records.size(); ++r) n += records[r][0] == id;
    counts[std::string(ex::table_name(t))] = n;
  }
  return counts;
}

std::map<std::string, std::size_t> sqlite_counts(Poco::Data::Session& s, const std::string& id) {
  std::map<std::string, std::size_t> counts;
  for (ex::Table t : ex::all_tables) {
    Poco::Data::Statement q(s);
    Poco::Int64 n = -1;
    std::string key = t == ex::Table::documents ? "id" : "document_id", value = id;
    q << "SELECT COUNT(*) FROM " + std::string(ex::table_name(t)) + " WHERE " + key + " = ?",
        Poco::Data::Keywords::use(value), Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    counts[std::string(ex::table_name(t))] = static_cast<std::size_t>(n);
  }
  return counts;
}

}  // namespace

TEST_CASE("JSON, JSON Lines, CSV and SQLite agree on every layer's count for every document") {
  const auto& e = exports();
  auto db = sqlite_test::open(e.out / "docpipe.sqlite");
  std::istringstream lines(test_support::read_file(e.out / "documents.jsonl"));
  for (const auto& doc : e.docs) {
    INFO(doc.id);
    std::string line;
    REQUIRE(std::getline(lines, line));
    const auto from_jsonl = json_counts(Poco::JSON::Parser().parse(line).extract<Object::Ptr>());
    const auto json_file = e.out / "json" / (ex::safe_file_stem(doc.id) + ".json");
    const auto from_json = json_counts(Poco::JSON::Parser().parse(test_support::read_file(json_file)).extract<Object::Ptr>());
    CHECK(from_json == from_jsonl);
    CHECK(from_json == csv_counts(doc.id));
    CHECK(from_json == sqlite_counts(*db, doc.id));
    // And they are the model's counts, not merely equal to each other.
    for (ex::Table t : ex::all_tables) CHECK(from_json.at(std::string(ex::table_name(t))) == ex::row_count(t, doc));
  }
}

TEST_CASE("JSON, CSV and SQLite publish the same code point offsets for the same numbers") {
  const auto& e = exports();
  auto db = sqlite_test::open(e.out / "docpipe.sqlite");
  const auto records = csv_test::parse(test_support::read_file(e.out / "csv" / "numbers.csv"));
  std::size_t row = 1;
  for (const auto& doc : e.docs) {
    const auto o = Poco::JSON::Parser()
                       .parse(test_support::read_file(e.out / "json" / (ex::safe_file_stem(doc.id) + ".json")))
                       .extract<Object::Ptr>();
    const Array::Ptr numbers = o->getArray("numbers");
    for (std::size_t i = 0; i < numbers->size(); ++i, ++row) {
      const auto begin = numbers->getObject(i)->getValue<long long>("begin");
      const auto end = numbers->getObject(i)->getValue<long long>("end");
      CHECK(std::stoll(records[row][2]) == begin);
      CHECK(std::stoll(records[row][3]) == end);
      Poco::Int64 b = -1, en = -1;
      std::string id = doc.id;
      Poco::Int64 pos = static_cast<Poco::Int64>(i);
      *db << "SELECT text_begin, text_end FROM numbers WHERE document_id = ? AND position = ?",
          Poco::Data::Keywords::use(id), Poco::Data::Keywords::use(pos), Poco::Data::Keywords::into(b),
          Poco::Data::Keywords::into(en), Poco::Data::Keywords::now;
      CHECK(b == begin);
      CHECK(en == end);
    }
  }
  CHECK(row == records.size());
}
