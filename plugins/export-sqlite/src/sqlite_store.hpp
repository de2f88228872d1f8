#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "docpipe/document.hpp"
#include "docpipe/export/tables.hpp"
#include "docpipe/export/text_offsets.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_statement.hpp"

namespace export_sqlite {

/// The corpus database: the `docpipe.tables/1` tables in one SQLite file, updated document by
/// document.
///
/// Atomicity. The store works on a private copy, `<target>.tmp-<pid>-<n>` (a copy of the existing
/// database, so earlier runs' documents are kept), and commit() renames it over the target. Readers
/// of the target never see a half-finished run, and a crashed or failed run leaves the previous
/// database untouched. Within the copy each document is one savepoint that first deletes the
/// document's rows from every table and then inserts the new ones, so a re-run replaces a document
/// and a document that fails half-way is rolled back to its previous rows.
///
/// Batches. Documents are grouped into transactions of about `batch_bytes` of text: a commit
/// writes every page the transaction dirtied, and the pages shared by consecutive documents (the
/// tables' last leaves and interior pages) are then written once per batch instead of once per
/// document. Committing part of a run early publishes nothing: only the rename at commit() does,
/// and a run that dies leaves its working copy to be discarded. Because the copy is private, the
/// rollback journal is kept in memory (it holds the pages a batch changed in an existing database,
/// so the batch size bounds it) and nothing is synced until commit(), which syncs once.
class SqliteStore {
 public:
  /// Bytes of document text after which a batch is committed by default.
  static constexpr std::size_t default_batch_bytes = 32u << 20;

  /// Prepares the working copy of @p target and creates the schema in it if missing; batches are
  /// committed after @p batch_bytes of document text. Throws std::runtime_error when the file cannot
  /// be opened or holds another schema version.
  explicit SqliteStore(std::filesystem::path target, std::size_t batch_bytes = default_batch_bytes);
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  /// Discards the working copy unless commit() succeeded.
  ~SqliteStore();

  /// Replaces @p doc's rows in one savepoint of the current batch. On failure the savepoint is rolled
  /// back and the exception rethrown; the store stays usable for the next document.
  void add(const docpipe::Document& doc);

  /// Commits the last batch, syncs, closes and renames the working copy over the target. Throws
  /// when that fails.
  void commit();

  /// The working copy's path (for tests).
  const std::filesystem::path& working_path() const noexcept { return temp_; }

 private:
  /// Rows per multi-row INSERT: chunk_rows while that many are left, then the powers of two below.
  static constexpr std::size_t chunk_rows = 32;
  static constexpr std::size_t chunk_sizes = 6;  // 1, 2, 4, ..., chunk_rows

  void open();
  void close() noexcept;
  void commit_batch();
  void insert_rows(std::size_t table, const docpipe::Document& doc, const docpipe::exporting::TextOffsets& at);

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::optional<Connection> db_;
  // The INSERT for @p rows rows (a power of two up to chunk_rows) into table number @p table,
  // prepared on first use: most tables never fill a chunk, and preparing a statement of 32 rows of
  // parameters costs about as much as inserting a few hundred rows.
  PreparedStatement& insert_for(std::size_t table, std::size_t rows);

  // By table, in all_tables order, then by log2 of the rows.
  std::vector<std::array<std::optional<PreparedStatement>, chunk_sizes>> inserts_;
  std::vector<PreparedStatement> deletes_;
  std::optional<PreparedStatement> has_rows_, begin_, commit_, savepoint_, release_, rollback_to_;
  std::size_t batch_limit_;
  bool in_batch_ = false;
  std::size_t batch_bytes_ = 0;
  bool committed_ = false;
  bool indexes_pending_ = false;  // a new database: secondary indexes are created at commit()
  // A database this store created holds only the documents it stored: whether a document has rows
  // is then known without asking SQLite (the has_rows_ query seeks in all eleven tables).
  bool new_database_ = false;
  std::unordered_set<std::string> stored_ids_;  // documents stored so far, when new_database_
};

}  // namespace export_sqlite
