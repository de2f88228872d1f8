#pragma once

#include <filesystem>
#include <memory>
#include <string>

struct sqlite3;

namespace Poco::Data {
class Session;
}

namespace export_sqlite {

/// One SQLite connection for the store's private working copy, closed on destruction.
///
/// Opened as a Poco::Data session (Poco's SQLite connector), whose native handle the store uses
/// directly for its statements: binding through Poco::Data would cost a heap object per value.
class Connection {
 public:
  /// Opens (creating if missing) the database at @p path; errors name @p shown_as, the path users
  /// know. Throws std::runtime_error on failure.
  Connection(const std::filesystem::path& path, std::filesystem::path shown_as);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  /// Closes the connection; statements not yet finalized keep it open until they are.
  ~Connection();

  /// Runs @p sql (one or more statements without parameters); throws std::runtime_error with
  /// SQLite's message and the database's name on failure.
  void exec(const std::string& sql);

  /// The first column of the first row @p sql returns, as text; "" when there is no row or it is
  /// NULL. Throws like exec().
  std::string text_value(const std::string& sql);

  /// Sets the connection up for a file no other connection uses, filled in large transactions: 16 KB
  /// pages for a new database, an exclusive lock, the rollback journal in memory, no sync per
  /// transaction and a 64 MB page cache. Whoever calls it owns durability (a synced last
  /// transaction before the file is published). Throws like exec().
  void tune_for_private_bulk_load();

  /// The raw handle, for prepared statements.
  sqlite3* handle() const noexcept { return db_; }

 private:
  [[noreturn]] void fail(const std::string& what) const;
  std::unique_ptr<Poco::Data::Session> session_;
  sqlite3* db_ = nullptr;
  std::filesystem::path shown_as_;
};

}  // namespace export_sqlite
