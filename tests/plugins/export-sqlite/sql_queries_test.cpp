#include <catch2/catch.hpp>

#include <regex>

#include <Poco/Data/RecordSet.h>

#include "sample_documents.hpp"
#include "sqlite_store.hpp"
#include "sqlite_test_support.hpp"
#include "test_support.hpp"

// Runs the queries of docs/sql-queries.md, as written there, on a database of the fixture
// documents. The expected rows were worked out by hand from tests/plugins/export-json/fixtures.
namespace {

std::vector<std::string> queries_from_docs() {
  const std::string md = test_support::read_file(DOCPIPE_SOURCE_DIR "/docs/sql-queries.md");
  std::vector<std::string> out;
  const std::regex block("```sql\\n([\\s\\S]*?)```");
  for (auto it = std::sregex_iterator(md.begin(), md.end(), block); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

/// Runs @p sql and returns its rows, each cell as text ("NULL" for NULL).
std::vector<std::vector<std::string>> run(Poco::Data::Session& s, const std::string& sql) {
  Poco::Data::Statement select(s);
  select << sql;
  select.execute();
  Poco::Data::RecordSet rs(select);
  std::vector<std::vector<std::string>> rows;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    auto& row = rows.emplace_back();
    for (std::size_t c = 0; c < rs.columnCount(); ++c)
      row.push_back(rs[c].isEmpty() ? "NULL" : rs[c].convert<std::string>());
  }
  return rows;
}

Poco::Data::Session& corpus() {
  static const auto db = [] {
    const auto path = test_support::scratch_folder("sql-queries") / "docpipe.sqlite";
    export_sqlite::SqliteStore store(path);
    for (const auto& d : fixtures::all()) store.add(d);
    // A report whose title block gave no year: its targets are filed under their own year.
    auto no_year = fixtures::simplified();
    no_year.id = "no_year";
    no_year.metadata.year = 0;
    no_year.indicators[0].period = 2022;
    no_year.glossary.unresolved.clear();
    no_year.repairs.clear();
    store.add(no_year);
    store.commit();
    return path;
  }();
  static auto session = sqlite_test::open(db);
  return *session;
}

}  // namespace

TEST_CASE("docs/sql-queries.md holds the three queries") { CHECK(queries_from_docs().size() == 3); }

TEST_CASE("query 1: growth targets of all reports by year") {
  auto rows = run(corpus(), queries_from_docs().at(0));
  // no_year: filed under its target's year, 2022. simplified (2023): GDP about 5.5%; the jobs
  // target is a level, not growth. traditional (2024): GDP about 6%. Estimates are not targets.
  REQUIRE(rows.size() == 3);
  CHECK(rows[0][0] == "2022");
  CHECK(rows[0][2] == "no_year");
  rows.erase(rows.begin());
  CHECK(rows[0][0] == "2023");
  CHECK(rows[0][2] == "city_example_2023");
  CHECK(rows[0][4] == "gdp");
  CHECK(std::stod(rows[0][6]) == 5.5);
  CHECK(rows[0][9] == "about");
  CHECK(rows[1][0] == "2024");
  CHECK(rows[1][1] == "邯鄲市叢臺區");
  CHECK(rows[1][3] == "地區生產總值");
  CHECK(rows[1][5] == "2024");
  CHECK(std::stod(rows[1][6]) == 6);
  CHECK(rows[1][7] == "NULL");
}

TEST_CASE("query 2: documents with unresolved glossary markers") {
  const auto rows = run(corpus(), queries_from_docs().at(1));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == std::vector<std::string>{"city_example_2023", "2023年某市政府工作报告", "1", "(5)"});
}

TEST_CASE("query 3: the largest repairs") {
  const auto rows = run(corpus(), queries_from_docs().at(2));
  // traditional: </b> (4 bytes), <b> (3), the comma (1), the lost byte (1); simplified: four CRs.
  REQUIRE(rows.size() == 8);
  CHECK(rows[0][0] == "congtai_2024");
  CHECK(rows[0][2] == "html");
  CHECK(rows[0][3] == "4");
  CHECK(rows[0][4] == "</b>");
  CHECK(rows[1][4] == "<b>");
  CHECK(rows[1][3] == "3");
  for (std::size_t i = 2; i < rows.size(); ++i) CHECK(rows[i][3] == "1");
  CHECK(rows[2][0] == "city_example_2023");  // ties: by document id, then position
  CHECK(rows[2][2] == "whitespace");
  CHECK(rows[7][2] == "mojibake-lost-byte");
}
