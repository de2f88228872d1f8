// SQLite's own floor under the SQLite export: the rows of a finished docpipe.sqlite, read into memory,
// are stored again into a new database the way a bulk loader would store them, and only that is
// timed. Same schema and connection set-up as export-sqlite (the plugin's own table_statements(),
// index_statements() and Connection::tune_for_private_bulk_load()), one transaction, one prepared
// single-row INSERT per table reused for every row, secondary indexes built at the end. Nothing the
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
#include <variant>
#include <vector>

#include <sqlite3.h>

#include "sqlite_connection.hpp"
#include "sqlite_schema.hpp"

namespace {

using Value = std::variant<std::monostate, long long, double, std::string>;

struct TableRows {
  std::string name;
  int columns = 0;
  std::vector<Value> values;  // row after row, `columns` values each
};

/// Prepared statement that finalizes itself; the bench's only use of the C API beyond binding.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot prepare '" + sql + "': " + sqlite3_errmsg(db));
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::vector<TableRows> read_rows(const std::filesystem::path& path, std::size_t& rows, std::size_t& text_bytes) {
  export_sqlite::Connection db(path, path);
  std::vector<std::string> names;
  {
    Statement list(db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid");
    while (sqlite3_step(list.get()) == SQLITE_ROW)
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 0)));
  }
  std::vector<TableRows> tables;
  for (const std::string& name : names) {
    Statement select(db.handle(), "SELECT * FROM " + name);
    TableRows t{name, sqlite3_column_count(select.get()), {}};
    while (sqlite3_step(select.get()) == SQLITE_ROW) {
      ++rows;
      for (int i = 0; i < t.columns; ++i) {
        sqlite3_stmt* s = select.get();
        switch (sqlite3_column_type(s, i)) {
          case SQLITE_INTEGER: t.values.emplace_back(static_cast<long long>(sqlite3_column_int64(s, i))); break;
          case SQLITE_FLOAT: t.values.emplace_back(sqlite3_column_double(s, i)); break;
          case SQLITE_NULL: t.values.emplace_back(std::monostate{}); break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
            const auto size = static_cast<std::size_t>(sqlite3_column_bytes(s, i));
            text_bytes += size;
            t.values.emplace_back(std::string(text, size));
          }
        }
      }
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

void bind(sqlite3_stmt* s, int index, const Value& v) {
  if (const auto* i = std::get_if<long long>(&v)) {
    sqlite3_bind_int64(s, index, *i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    sqlite3_bind_double(s, index, *d);
  } else if (const auto* text = std::get_if<std::string>(&v)) {
    sqlite3_bind_text64(s, index, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
  } else {
    sqlite3_bind_null(s, index);
  }
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

void insert(sqlite3* db, sqlite3_stmt* s, const TableRows& t, std::size_t first_row, std::size_t rows) {
  const auto width = static_cast<std::size_t>(t.columns);
  for (std::size_t i = 0; i < rows * width; ++i)
    bind(s, static_cast<int>(i + 1), t.values[first_row * width + i]);
  if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error(t.name + ": " + sqlite3_errmsg(db));
  sqlite3_reset(s);
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
      const std::size_t rows = t.values.size() / width;
      // Rows go in statements of kRowsPerStatement rows (the rest one by one): a statement's fixed
      // cost per step is spread over its rows, as the plugin does with its own batches.
      Statement batch(db.handle(), insert_sql(t, kRowsPerStatement));
      Statement single(db.handle(), insert_sql(t, 1));
      std::size_t row = 0;
      for (; row + kRowsPerStatement <= rows; row += kRowsPerStatement)
        insert(db.handle(), batch.get(), t, row, kRowsPerStatement);
      for (; row < rows; ++row) insert(db.handle(), single.get(), t, row, 1);
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
