#include <catch2/catch.hpp>

#include "csv_exporter.hpp"
#include "csv_reader.hpp"
#include "sample_documents.hpp"
#include "test_support.hpp"

namespace ex = docpipe::exporting;

namespace {

const char* const bom = "\xEF\xBB\xBF";

std::vector<csv_test::Record> read_table(const std::filesystem::path& dir, ex::Table t, bool with_bom = false) {
  std::string content = test_support::read_file(dir / export_csv::csv_file_name(t));
  if (with_bom) {
    REQUIRE(content.rfind(bom, 0) == 0);
    content.erase(0, 3);
  }
  return csv_test::parse(content);
}

std::filesystem::path export_all(const std::string& name, export_csv::CsvOptions options) {
  const auto dir = test_support::scratch_folder(name) / "csv";
  export_csv::CsvExporter exporter(dir, options);
  for (const auto& doc : fixtures::all()) exporter.add(doc);
  exporter.commit();
  return dir;
}

std::size_t column(const csv_test::Record& header, const std::string& name) {
  const auto it = std::find(header.begin(), header.end(), name);
  REQUIRE(it != header.end());
  return static_cast<std::size_t>(it - header.begin());
}

}  // namespace

TEST_CASE("the promised files exist, each with a header and one row per item") {
  const auto dir = export_all("csv-all", {});
  for (const char* name : {"documents.csv", "sections.csv", "numbers.csv", "indicators.csv", "glossary.csv"})
    CHECK(std::filesystem::exists(dir / name));
  CHECK(test_support::entries_in(dir) == ex::all_tables.size());  // and no temporary files
  const auto docs = fixtures::all();
  for (ex::Table t : ex::all_tables) {
    INFO(ex::table_name(t));
    const auto records = read_table(dir, t);
    REQUIRE(!records.empty());
    const auto columns = ex::table_columns(t, {false});
    REQUIRE(records[0].size() == columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) CHECK(records[0][c] == columns[c].name);
    std::size_t expected = 0;
    for (const auto& doc : docs) expected += ex::row_count(t, doc);
    CHECK(records.size() - 1 == expected);
    for (std::size_t r = 1; r < records.size(); ++r) CHECK(records[r].size() == columns.size());
  }
}

TEST_CASE("rows carry the document id and the exact strings, hostile ones included") {
  const auto dir = export_all("csv-values", {});
  const auto docs = read_table(dir, ex::Table::documents);
  const std::size_t title = column(docs[0], "title"), id = column(docs[0], "id"), year = column(docs[0], "year");
  CHECK(docs[1][id] == "congtai_2024");
  CHECK(docs[1][title] == "2024年邯鄲市叢臺區政府工作報告");
  CHECK(docs[1][year] == "2024");
  CHECK(docs[3][id] == "../evil/id:1");
  CHECK(docs[3][title] == fixtures::hostile().metadata.title);
  CHECK(docs[4][year] == "");  // unknown: empty, like NULL
  CHECK(docs[0].back() == "extra");  // no text column unless asked for

  const auto diagnostics = read_table(dir, ex::Table::diagnostics);
  const std::size_t message = column(diagnostics[0], "message");
  CHECK(diagnostics.back()[message] == fixtures::hostile().diagnostics[0].message);

  const auto numbers = read_table(dir, ex::Table::numbers);
  const std::size_t value = column(numbers[0], "value"), unit = column(numbers[0], "unit"),
                    doc_id = column(numbers[0], "document_id"), high = column(numbers[0], "value_high");
  CHECK(numbers[1][doc_id] == "congtai_2024");
  CHECK(numbers[1][value] == "34170000000");
  CHECK(numbers[1][unit] == "CNY");
  CHECK(numbers[1][high] == "");
  CHECK(numbers.back()[high] == "3.5");
}

TEST_CASE("offsets in CSV are code points, like the JSON export") {
  const auto dir = export_all("csv-offsets", {});
  const auto numbers = read_table(dir, ex::Table::numbers);
  const std::size_t b = column(numbers[0], "text_begin"), e = column(numbers[0], "text_end"),
                    text = column(numbers[0], "text");
  const auto doc = fixtures::traditional();
  const std::u32string cps = test_support::code_points(doc.text);
  for (std::size_t r = 1; r <= doc.numbers.size(); ++r)
    CHECK(test_support::slice(cps, std::stoul(numbers[r][b]), std::stoul(numbers[r][e])) == numbers[r][text]);
}

TEST_CASE("the BOM option starts every file with a UTF-8 BOM; the text option adds the text column") {
  const auto dir = export_all("csv-bom", {true, true});
  for (ex::Table t : ex::all_tables) read_table(dir, t, true);
  const auto docs = read_table(dir, ex::Table::documents, true);
  CHECK(docs[0].back() == "text");
  CHECK(docs[3].back() == fixtures::hostile().text);  // CR LF, tab and a control character intact
}

TEST_CASE("nothing is visible before commit, and an aborted run leaves earlier files alone") {
  const auto dir = test_support::scratch_folder("csv-abort") / "csv";
  {
    export_csv::CsvExporter first(dir, {});
    first.add(fixtures::traditional());
    first.commit();
  }
  const std::string before = test_support::read_file(dir / "numbers.csv");
  {
    export_csv::CsvExporter aborted(dir, {});
    aborted.add(fixtures::simplified());
    CHECK(test_support::read_file(dir / "numbers.csv") == before);
  }
  CHECK(test_support::read_file(dir / "numbers.csv") == before);
  CHECK(test_support::entries_in(dir) == ex::all_tables.size());
}
