#include "sqlite_statement.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>
#include <variant>

#include <sqlite3.h>

namespace export_sqlite {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw std::runtime_error("SQLite: " + what + ": " + sqlite3_errmsg(db));
}

void bind_text(sqlite3* db, sqlite3_stmt* stmt, int index, std::string_view text) {
  // A null data pointer would bind NULL; an empty string must stay an empty string. The cells
  // outlive the step, so SQLite need not copy them.
  const char* data = text.data() ? text.data() : "";
  if (sqlite3_bind_text64(stmt, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK)
    fail(db, "cannot bind a value");
}

}  // namespace

PreparedStatement::PreparedStatement(sqlite3* db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size() + 1), &stmt_, nullptr) != SQLITE_OK)
    fail(db, "cannot prepare '" + sql + "'");
}

PreparedStatement::PreparedStatement(PreparedStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

PreparedStatement::~PreparedStatement() { sqlite3_finalize(stmt_); }

void PreparedStatement::run(std::span<const docpipe::exporting::Cell> cells) {
  bind(cells, 1);
  step_and_reset();
}

void PreparedStatement::bind(std::span<const docpipe::exporting::Cell> cells, int first) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const int index = first + static_cast<int>(i);
    const auto& cell = cells[i];
    int rc = SQLITE_OK;
    switch (cell.index()) {
      case 0: rc = sqlite3_bind_null(stmt_, index); break;
      case 1: rc = sqlite3_bind_int64(stmt_, index, std::get<long long>(cell)); break;
      case 2: {
        const double v = std::get<double>(cell);
        rc = std::isfinite(v) ? sqlite3_bind_double(stmt_, index, v) : sqlite3_bind_null(stmt_, index);
        break;
      }
      default: bind_text(db_, stmt_, index, std::get<std::string_view>(cell));
    }
    if (rc != SQLITE_OK) fail(db_, "cannot bind a value");
  }
}

void PreparedStatement::execute() { step_and_reset(); }

void PreparedStatement::run(std::string_view text) {
  bind_text(db_, stmt_, 1, text);
  step_and_reset();
}

void PreparedStatement::run() { step_and_reset(); }

bool PreparedStatement::exists(std::string_view text) {
  bind_text(db_, stmt_, 1, text);
  const int rc = sqlite3_step(stmt_);
  const bool yes = rc == SQLITE_ROW && sqlite3_column_int(stmt_, 0) != 0;
  sqlite3_reset(stmt_);
  if (rc != SQLITE_ROW) fail(db_, "statement failed");
  return yes;
}

void PreparedStatement::step_and_reset() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) fail(db_, "statement failed");
}

}  // namespace export_sqlite
