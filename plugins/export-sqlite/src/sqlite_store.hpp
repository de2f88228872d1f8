#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "docpipe/document.hpp"
#include "sqlite_statement.hpp"

namespace Poco::Data {
class Session;
}

namespace export_sqlite {

/// The corpus database: the `docpipe.tables/1` tables in one SQLite file, updated document by
/// document.
///
/// Atomicity. The store works on a private copy, `<target>.tmp-<pid>-<n>` (a copy of the existing
/// database, so earlier runs' documents are kept), and commit() renames it over the target. Readers
/// of the target never see a half-finished run, and a crashed or failed run leaves the previous
/// database untouched. Within the copy each document is one transaction that first deletes the
/// document's rows from every table and then inserts the new ones, so a re-run replaces a document
/// and a document that fails half-way is rolled back to its previous rows. Because the copy is
/// private, the journal is kept in memory and nothing is synced until commit(), which syncs once.
class SqliteStore {
 public:
  /// Prepares the working copy of @p target and creates the schema in it if missing. Throws
  /// std::runtime_error when the file cannot be opened or holds another schema version.
  explicit SqliteStore(std::filesystem::path target);
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  /// Discards the working copy unless commit() succeeded.
  ~SqliteStore();

  /// Replaces @p doc's rows in one transaction. On failure the transaction is rolled back and the
  /// exception rethrown; the store stays usable for the next document.
  void add(const docpipe::Document& doc);

  /// Syncs, closes and renames the working copy over the target. Throws when that fails.
  void commit();

  /// The working copy's path (for tests).
  const std::filesystem::path& working_path() const noexcept { return temp_; }

 private:
  void open();
  void close() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::unique_ptr<Poco::Data::Session> session_;
  std::vector<PreparedStatement> inserts_;  // by table, in all_tables order
  std::vector<PreparedStatement> deletes_;
  bool committed_ = false;
};

}  // namespace export_sqlite
