#include "sqlite_connection.hpp"

#include <stdexcept>

#include <sqlite3.h>

namespace export_sqlite {

Connection::Connection(const std::filesystem::path& path, std::filesystem::path shown_as)
    : shown_as_(std::move(shown_as)) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw std::runtime_error(shown_as_.string() + ": cannot open: " + message);
  }
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

std::string Connection::text_value(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) fail(sql);
  const int rc = sqlite3_step(stmt);
  std::string value;
  if (rc == SQLITE_ROW) {
    if (const auto* text = sqlite3_column_text(stmt, 0)) value.assign(reinterpret_cast<const char*>(text));
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(sql);
  return value;
}

void Connection::fail(const std::string& what) const {
  throw std::runtime_error(shown_as_.string() + ": SQLite: " + what + ": " + sqlite3_errmsg(db_));
}

}  // namespace export_sqlite
