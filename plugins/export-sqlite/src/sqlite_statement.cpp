#include "sqlite_statement.hpp"

#include <bit>
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

// Every empty text is bound at this one address: a null data pointer would bind NULL, and one
// address makes all empty texts the same binding (see PreparedStatement::Bound).
constexpr char empty_text[] = "";

}  // namespace

PreparedStatement::PreparedStatement(sqlite3* db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size() + 1), &stmt_, nullptr) != SQLITE_OK)
    fail(db, "cannot prepare '" + sql + "'");
  bound_.resize(static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt_)));
}

PreparedStatement::PreparedStatement(PreparedStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), bound_(std::move(other.bound_)) {}

void PreparedStatement::bind_failed(Bound& held) {
  held.tag = unknown_tag;
  fail(db_, "cannot bind a value");
}

void PreparedStatement::bind_cell(int index, const docpipe::exporting::Cell& cell, Bound& held) {
  Bound now;
  switch (cell.index()) {
    case 1: now = {integer_tag, static_cast<std::uint64_t>(std::get<long long>(cell))}; break;
    case 2: {
      const double v = std::get<double>(cell);
      if (std::isfinite(v)) now = {real_tag, std::bit_cast<std::uint64_t>(v)};  // else NULL
      break;
    }
    case 3: {
      const std::string_view text = std::get<std::string_view>(cell);
      // The cells outlive the step, so SQLite need not copy them.
      const char* data = text.empty() ? empty_text : text.data();
      now = {text_tag | text.size(), reinterpret_cast<std::uintptr_t>(data)};
      break;
    }
    default: break;  // NULL
  }
  if (now == held) return;
  int rc;
  switch (now.tag >> 56) {
    case 0: rc = sqlite3_bind_null(stmt_, index); break;
    case 1: rc = sqlite3_bind_int64(stmt_, index, static_cast<sqlite3_int64>(now.bits)); break;
    case 2: rc = sqlite3_bind_double(stmt_, index, std::bit_cast<double>(now.bits)); break;
    default:
      rc = sqlite3_bind_text64(stmt_, index, reinterpret_cast<const char*>(now.bits), now.tag & ~text_tag, SQLITE_STATIC, SQLITE_UTF8);
  }
  if (rc != SQLITE_OK) bind_failed(held);
  held = now;
}

PreparedStatement::~PreparedStatement() { sqlite3_finalize(stmt_); }

void PreparedStatement::run(std::span<const docpipe::exporting::Cell> cells) {
  bind(cells, 1);
  step_and_reset();
}

void PreparedStatement::bind(std::span<const docpipe::exporting::Cell> cells, int first) {
  if (first < 1 || static_cast<std::size_t>(first - 1) + cells.size() > bound_.size()) {
    sqlite3_bind_null(stmt_, first + static_cast<int>(cells.size()));  // out of range: SQLite says so
    fail(db_, "cannot bind a value");
  }
  Bound* held = bound_.data() + (first - 1);
  for (std::size_t i = 0; i < cells.size(); ++i) bind_cell(first + static_cast<int>(i), cells[i], held[i]);
}

void PreparedStatement::execute() { step_and_reset(); }

void PreparedStatement::run(std::string_view text) {
  const docpipe::exporting::Cell cell(text);
  bind(std::span(&cell, 1), 1);
  step_and_reset();
}

void PreparedStatement::run() { step_and_reset(); }

bool PreparedStatement::exists(std::string_view text) {
  const docpipe::exporting::Cell cell(text);
  bind(std::span(&cell, 1), 1);
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
