#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
  /// across execute(), and a parameter that already holds the same value (the same NULL, number,
  /// or text at the same address and of the same size, every empty text alike) is not bound again.
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

  // What a parameter holds. Every sqlite3_bind_* call takes the connection's mutex and releases the
  // parameter's old value (about 200 instructions); rows bound into the same multi-row statement
  // over and over repeat some of their values (NULL numbers, empty strings, small integers), so a
  // repeated value is compared here and left in place. A text bound SQLITE_STATIC is read at the
  // step, so the same address and size is the same binding.
  struct Bound {
    std::uint64_t tag = 0;   // kind << 56, | size for a text; 0 is NULL, which parameters start as
    std::uint64_t bits = 0;  // the integer, the double's bits, or the text's address
    bool operator==(const Bound&) const = default;
  };
  static constexpr std::uint64_t integer_tag = 1ull << 56, real_tag = 2ull << 56, text_tag = 3ull << 56;
  static constexpr std::uint64_t unknown_tag = ~0ull;  // after a failed bind: matches nothing
  // Binds @p cell to parameter @p index unless @p held, what the parameter holds, is the same;
  // updates @p held.
  void bind_cell(int index, const docpipe::exporting::Cell& cell, Bound& held);
  // After a failed bind of a parameter, whose value @p held then is not known. Throws.
  [[noreturn]] void bind_failed(Bound& held);

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::vector<Bound> bound_;  // by parameter index - 1
};

}  // namespace export_sqlite
