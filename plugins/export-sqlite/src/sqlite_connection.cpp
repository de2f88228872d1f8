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

void Connection::tune_for_private_bulk_load() {
  // The file is private to its writer (the store's working copy), so no other connection needs
  // the lock released, and a crash discards the file anyway: nothing to sync per transaction.
  // 16 KB pages (a new database only; an existing one keeps its own): a document's rows fill fewer
  // pages, so fewer b-tree splits per row (about 5% less time in the export benchmark). The page
  // size is set before cache_size because SQLite sizes the cache in pages of the page size it had
  // when cache_size was set: 64 MB of 4 KB pages would become 256 MB of 16 KB pages.
  exec("PRAGMA page_size = 16384");
  exec("PRAGMA locking_mode = EXCLUSIVE");
  exec("PRAGMA journal_mode = MEMORY");
  exec("PRAGMA synchronous = OFF");
  exec("PRAGMA cache_size = -65536");
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
