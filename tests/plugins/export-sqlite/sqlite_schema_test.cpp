#include <catch2/catch.hpp>

#include "sqlite_schema.hpp"
#include "sqlite_test_support.hpp"
#include "test_support.hpp"

namespace ex = docpipe::exporting;
using namespace Poco::Data::Keywords;

TEST_CASE("the schema creates every table with its columns and the promised indexes, idempotently") {
  const auto dir = test_support::scratch_folder("sqlite-schema");
  auto s = sqlite_test::open(dir / "schema.sqlite");
  for (int twice = 0; twice < 2; ++twice)
    for (const auto& ddl : export_sqlite::schema_statements()) *s << ddl, now;
  for (ex::Table t : ex::all_tables) {
    const std::string name(ex::table_name(t));
    INFO(name);
    std::vector<std::string> columns;
    *s << "SELECT name FROM pragma_table_info('" + name + "') ORDER BY cid", into(columns), now;
    const auto expected = ex::table_columns(t);
    REQUIRE(columns.size() == expected.size());
    for (std::size_t c = 0; c < columns.size(); ++c) CHECK(columns[c] == expected[c].name);
    if (t != ex::Table::documents) {
      // The document id index is what makes replacing a document's rows cheap.
      CHECK(sqlite_test::scalar(*s, "SELECT COUNT(*) FROM pragma_index_list('" + name +
                                        "') AS l JOIN pragma_index_info(l.name) AS i WHERE i.name = 'document_id'") == 1);
    }
  }
  CHECK(sqlite_test::scalar(*s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'indicators_name'") == 1);
  // documents.id is the primary key: a second row with the same id is refused.
  *s << "INSERT INTO documents (id) VALUES ('a')", now;
  CHECK_THROWS(*s << "INSERT INTO documents (id) VALUES ('a')", now);
}

TEST_CASE("insert and delete statements name every column and the document id") {
  CHECK(export_sqlite::insert_statement(ex::Table::glossary_unresolved) ==
        "INSERT OR FAIL INTO glossary_unresolved (document_id, position, marker, number, text_begin, text_end) "
        "VALUES (?1, ?, ?, ?, ?, ?)");
  CHECK(export_sqlite::delete_statement(ex::Table::documents) == "DELETE FROM documents WHERE id = ?");
  CHECK(export_sqlite::delete_statement(ex::Table::numbers) == "DELETE FROM numbers WHERE document_id = ?");
}
