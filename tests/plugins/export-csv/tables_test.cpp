#include <catch2/catch.hpp>

#include <set>

#include "docpipe/export/tables.hpp"
#include "sample_documents.hpp"

namespace ex = docpipe::exporting;

TEST_CASE("every table: unique column names, document id first, rows as wide as the header") {
  for (bool text : {false, true}) {
    for (ex::Table t : ex::all_tables) {
      INFO(ex::table_name(t));
      const auto columns = ex::table_columns(t, {text});
      std::set<std::string_view> names;
      for (const auto& c : columns) names.insert(c.name);
      CHECK(names.size() == columns.size());
      CHECK(columns[0].name == (t == ex::Table::documents ? "id" : "document_id"));
      for (const auto& c : columns) CHECK((c.name != "begin" && c.name != "end" && c.name != "index"));
      for (const auto& doc : fixtures::all()) {
        const ex::TextOffsets at(doc.text);
        std::size_t rows = 0;
        ex::for_each_row(t, doc, at, {text}, [&](std::span<const ex::Cell> row) {
          ++rows;
          REQUIRE(row.size() == columns.size());
          CHECK(std::get<std::string_view>(row[0]) == doc.id);
          for (std::size_t c = 0; c < row.size(); ++c) {
            if (row[c].index() == 0) continue;  // NULL fits any column
            const ex::ColumnType type = columns[c].type;
            CHECK(row[c].index() == (type == ex::ColumnType::integer ? 1u : type == ex::ColumnType::real ? 2u : 3u));
          }
        });
        CHECK(rows == ex::row_count(t, doc));
      }
    }
  }
}

TEST_CASE("the documents row counts every layer and uses NULL for unknown numbers") {
  const auto doc = fixtures::traditional();
  const ex::TextOffsets at(doc.text);
  const auto columns = ex::table_columns(ex::Table::documents);
  ex::for_each_row(ex::Table::documents, doc, at, {}, [&](std::span<const ex::Cell> row) {
    auto get = [&](std::string_view name) {
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].name == name) return row[c];
      FAIL("no column " << name);
      return ex::Cell();
    };
    CHECK(std::get<long long>(get("numbers")) == static_cast<long long>(doc.numbers.size()));
    CHECK(std::get<long long>(get("repairs")) == 4);
    CHECK(std::get<long long>(get("text_length")) == static_cast<long long>(docpipe::utf8::length(doc.text)));
    CHECK(std::get<std::string_view>(get("extra")) == R"({"source_url":"http://www.hdct.gov.cn/report/2024"})");
    CHECK(std::get<std::string_view>(get("text")) == doc.text);
  });
  const auto empty = fixtures::empty();
  const ex::TextOffsets none(empty.text);
  ex::for_each_row(ex::Table::documents, empty, none, {}, [&](std::span<const ex::Cell> row) {
    CHECK(row[6].index() == 0);  // year unknown
  });
}

TEST_CASE("links name their entry's number and term; external entries have no offsets") {
  const auto doc = fixtures::simplified();
  const ex::TextOffsets at(doc.text);
  // Text cells view buffers that live only while the sink runs: copy what the test keeps.
  auto keep = [](std::vector<std::vector<std::string>>& into) {
    return [&into](std::span<const ex::Cell> row) {
      auto& out = into.emplace_back();
      for (const auto& c : row)
        out.push_back(c.index() == 0   ? "NULL"
                      : c.index() == 1 ? std::to_string(std::get<long long>(c))
                      : c.index() == 2 ? std::to_string(std::get<double>(c))
                                       : std::string(std::get<std::string_view>(c)));
    };
  };
  std::vector<std::vector<std::string>> links, entries;
  ex::for_each_row(ex::Table::glossary_links, doc, at, {}, keep(links));
  ex::for_each_row(ex::Table::glossary_entries, doc, at, {}, keep(entries));
  REQUIRE(links.size() == 2);
  CHECK(links[1][3] == "3");
  CHECK(links[1][4] == "新增就业");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0][5] == R"(["城镇新增就业"])");
  CHECK(entries[1][5] == "[]");
  CHECK(entries[1][7] == "NULL");
}
