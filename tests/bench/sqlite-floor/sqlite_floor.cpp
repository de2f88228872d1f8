// SQLite's own floor under the SQLite export: the rows of a finished docpipe.sqlite, read into memory,
// are stored again into a new database the way a bulk loader would store them, and only that is
// timed. Same schema, connection set-up and statements as export-sqlite (the plugin's own
// table_statements(), index_statements(), Connection::tune_for_private_bulk_load() and
// PreparedStatement), one transaction, multi-row INSERTs, secondary indexes built at the end. Nothing the
// pipeline does is in it: no documents to analyse, no offsets to convert, no savepoints, no
// per-document delete. So no export of those rows can be faster than this on the same machine,
// and the full pipeline's time can be no less than it.
//
// Usage: sqlite_floor DATABASE [RUNS]
// Prints one line of JSON: {"rows": N, "text_bytes": B, "seconds": median of RUNS (default 3)}, after
// one untimed store.
// The copy is written beside DATABASE (DATABASE.floor) and removed.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <deque>
#include <memory>
#include <span>
#include <vector>

#include <sqlite3.h>

#include "sqlite_connection.hpp"
#include "sqlite_schema.hpp"
#include "sqlite_statement.hpp"

namespace {

/// One table's rows as the exporter binds them: Cells, their texts held in `texts` (a deque, so
/// the views stay valid as it grows).
struct TableRows {
  std::string name;
  int columns = 0;
  std::vector<docpipe::exporting::Cell> cells;  // row after row, `columns` cells each
  std::deque<std::string> texts;
};

/// A statement for reading the source database, finalized on scope exit.
using Query = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Query query(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot prepare '" + sql + "': " + sqlite3_errmsg(db));
  return {stmt, &sqlite3_finalize};
}

std::vector<TableRows> read_rows(const std::filesystem::path& path, std::size_t& rows, std::size_t& text_bytes) {
  export_sqlite::Connection db(path, path);
  std::vector<std::string> names;
  {
    const Query list = query(db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid");
    while (sqlite3_step(list.get()) == SQLITE_ROW)
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 0)));
  }
  std::vector<TableRows> tables;
  // Reserved: a TableRows is copied when the vector grows (a deque's move may throw), and its cells
  // would then view the old copy's texts.
  tables.reserve(names.size());
  for (const std::string& name : names) {
    const Query select = query(db.handle(), "SELECT * FROM " + name);
    sqlite3_stmt* s = select.get();
    TableRows& t = tables.emplace_back();
    t.name = name;
    t.columns = sqlite3_column_count(s);
    while (sqlite3_step(s) == SQLITE_ROW) {
      ++rows;
      for (int i = 0; i < t.columns; ++i) {
        switch (sqlite3_column_type(s, i)) {
          case SQLITE_INTEGER: t.cells.emplace_back(static_cast<long long>(sqlite3_column_int64(s, i))); break;
          case SQLITE_FLOAT: t.cells.emplace_back(sqlite3_column_double(s, i)); break;
          case SQLITE_NULL: t.cells.emplace_back(std::monostate{}); break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
            const auto size = static_cast<std::size_t>(sqlite3_column_bytes(s, i));
            text_bytes += size;
            t.cells.emplace_back(std::string_view(t.texts.emplace_back(text, size)));
          }
        }
      }
    }
  }
  return tables;
}

/// Rows per multi-row INSERT: 32 like the plugin's batches, where more measured no faster.
constexpr std::size_t kRowsPerStatement = 32;

std::string insert_sql(const TableRows& t, std::size_t rows) {
  std::string sql = "INSERT OR FAIL INTO " + t.name + " VALUES ";
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(?" : ", (?";
    for (int i = 1; i < t.columns; ++i) sql += ", ?";
    sql += ")";
  }
  return sql;
}

double store_once(const std::vector<TableRows>& tables, const std::filesystem::path& copy) {
  std::filesystem::remove(copy);
  const auto start = std::chrono::steady_clock::now();
  {
    export_sqlite::Connection db(copy, copy);
    db.tune_for_private_bulk_load();
    for (const std::string& ddl : export_sqlite::table_statements()) db.exec(ddl);
    db.exec("BEGIN");
    for (const TableRows& t : tables) {
      const auto width = static_cast<std::size_t>(t.columns);
      const std::size_t rows = t.cells.size() / width;
      // Rows go in statements of kRowsPerStatement rows (the rest one by one): a statement's fixed
      // cost per step is spread over its rows, as the plugin does with its own batches. Bound
      // through the plugin's own PreparedStatement.
      export_sqlite::PreparedStatement batch(db.handle(), insert_sql(t, kRowsPerStatement));
      export_sqlite::PreparedStatement single(db.handle(), insert_sql(t, 1));
      const std::span<const docpipe::exporting::Cell> cells(t.cells);
      std::size_t row = 0;
      for (; row + kRowsPerStatement <= rows; row += kRowsPerStatement)
        batch.run(cells.subspan(row * width, kRowsPerStatement * width));
      for (; row < rows; ++row) single.run(cells.subspan(row * width, width));
    }
    for (const std::string& ddl : export_sqlite::index_statements()) db.exec(ddl);
    db.exec("COMMIT");
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::filesystem::remove(copy);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: sqlite_floor DATABASE [RUNS]\n");
    return 2;
  }
  try {
    const std::filesystem::path source = argv[1];
    if (!std::filesystem::is_regular_file(source)) throw std::runtime_error(source.string() + ": no such file");
    const int runs = argc == 3 ? std::max(1, std::atoi(argv[2])) : 3;
    std::size_t rows = 0, text_bytes = 0;
    const std::vector<TableRows> tables = read_rows(source, rows, text_bytes);
    std::filesystem::path copy = source;
    copy += ".floor";
    std::vector<double> seconds;
    // One untimed store first: the first in a process runs about half as fast again (allocator and
    // file system still cold), and a floor should favour SQLite.
    store_once(tables, copy);
    for (int i = 0; i < runs; ++i) seconds.push_back(store_once(tables, copy));
    std::sort(seconds.begin(), seconds.end());
    std::printf("{\"rows\": %zu, \"text_bytes\": %zu, \"seconds\": %.6f}\n", rows, text_bytes,
                seconds[seconds.size() / 2]);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sqlite_floor: %s\n", e.what());
    return 1;
  }
}
