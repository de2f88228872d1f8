#include "sqlite_connection.hpp"

#include <stdexcept>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

namespace export_sqlite {

Connection::Connection(const std::filesystem::path& path, std::filesystem::path shown_as)
    : shown_as_(std::move(shown_as)) {
  try {
    Poco::Data::SQLite::Connector::registerConnector();
    session_ = std::make_unique<Poco::Data::Session>("SQLite", path.string());
    db_ = Poco::Data::SQLite::Utility::dbHandle(*session_);
  } catch (const Poco::Exception& e) {
    // Poco's what() is only a class name; its displayText() carries SQLite's message.
    throw std::runtime_error(shown_as_.string() + ": cannot open: " + e.displayText());
  }
  if (db_ == nullptr) throw std::runtime_error(shown_as_.string() + ": cannot open: no SQLite handle");
}

Connection::~Connection() {
  try {
    session_.reset();
  } catch (...) {
    // A close that fails leaves nothing to do: the working copy is removed or renamed by the store.
  }
}

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
