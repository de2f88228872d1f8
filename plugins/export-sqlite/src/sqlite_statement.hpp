#pragma once

#include <span>
#include <string>
#include <string_view>

#include "docpipe/export/tables.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace export_sqlite {

/// A prepared statement on a raw SQLite connection, finalized on destruction. Used for the
/// per-row hot path, where binding through Poco::Data would cost a heap object per value.
class PreparedStatement {
 public:
  /// Prepares @p sql on @p db; throws std::runtime_error with SQLite's message on failure.
  PreparedStatement(sqlite3* db, const std::string& sql);
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;
  PreparedStatement(PreparedStatement&& other) noexcept;
  ~PreparedStatement();

  /// Binds @p cells to the parameters 1..n, runs the statement to completion and resets it.
  /// NULL cells and non-finite numbers bind as NULL. Throws std::runtime_error on failure.
  void run(std::span<const docpipe::exporting::Cell> cells);

  /// Binds @p cells to the parameters @p first, first + 1, ... (NULL cells and non-finite numbers
  /// as NULL). Texts are not copied: they must stay valid until execute(). Bindings persist
  /// across execute().
  void bind(std::span<const docpipe::exporting::Cell> cells, int first);

  /// Runs the statement with its current bindings to completion and resets it. Throws
  /// std::runtime_error on failure.
  void execute();

  /// Binds one text parameter, runs and resets.
  void run(std::string_view text);

  /// Runs a statement without parameters (BEGIN, SAVEPOINT, ...) and resets it.
  void run();

  /// Binds @p text to its parameters, runs a query of one row and returns whether its first
  /// column is true (non-zero), then resets it.
  bool exists(std::string_view text);

 private:
  void step_and_reset();
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace export_sqlite
