#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "sqlite_statement.hpp"

namespace ex = docpipe::exporting;

namespace {

// Each row as SQLite stores it: typeof and value of both columns, as text.
std::vector<std::string> rows_of(sqlite3* db) {
  std::vector<std::string> out;
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT typeof(a), quote(a), typeof(b), quote(b) FROM t ORDER BY rowid", -1, &q, nullptr) == SQLITE_OK);
  while (sqlite3_step(q) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < 4; ++c) row += std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, c))) + "|";
    out.push_back(row);
  }
  sqlite3_finalize(q);
  return out;
}

}  // namespace

TEST_CASE("a value bound again where the parameter already holds it is stored as bound, text read at the step") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE t (a, b)", nullptr, nullptr, nullptr) == SQLITE_OK);
  {
    export_sqlite::PreparedStatement insert(db, "INSERT INTO t (a, b) VALUES (?, ?)");
    // One buffer whose content changes between rows at the same address and size: the binding is
    // skipped, and the row must still get the new content.
    std::string buffer = "abc";
    const std::string other_empty;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<std::array<ex::Cell, 2>> rows = {
        {ex::Cell(), ex::Cell(std::string_view(buffer))},            // NULL as the parameter starts
        {ex::Cell(7LL), ex::Cell(std::string_view(buffer))},         // same text binding, content "xyz"
        {ex::Cell(7LL), ex::Cell(std::string_view())},               // empty text (null data pointer)
        {ex::Cell(2.5), ex::Cell(std::string_view(other_empty))},    // another empty text
        {ex::Cell(2.5), ex::Cell(nan)},                              // non-finite: NULL
        {ex::Cell(7LL), ex::Cell()},                                 // NULL again, integer again
        {ex::Cell(std::string_view(buffer)), ex::Cell(0.0)},         // a text where a number was
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i == 1) buffer.assign("xyz");
      insert.bind(std::span<const ex::Cell>(rows[i]), 1);
      insert.execute();
    }
  }
  const std::vector<std::string> expected = {
      "null|NULL|text|'abc'|",   "integer|7|text|'xyz'|", "integer|7|text|''|", "real|2.5|text|''|",
      "real|2.5|null|NULL|",     "integer|7|null|NULL|",  "text|'xyz'|real|0.0|"};
  CHECK(rows_of(db) == expected);
  sqlite3_close(db);
}

TEST_CASE("binding beyond a statement's parameters is refused") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  {
    export_sqlite::PreparedStatement select(db, "SELECT ?");
    const std::array<ex::Cell, 2> two = {ex::Cell(1LL), ex::Cell(2LL)};
    CHECK_THROWS_AS(select.bind(std::span<const ex::Cell>(two), 1), std::runtime_error);
    CHECK_THROWS_AS(select.bind(std::span<const ex::Cell>(two).first(1), 2), std::runtime_error);
    CHECK_NOTHROW(select.bind(std::span<const ex::Cell>(two).first(1), 1));
  }
  sqlite3_close(db);
}
