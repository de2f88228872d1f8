#include "sqlite_store.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include "docpipe/export/tables.hpp"
#include "docpipe/export/text_offsets.hpp"
#include "sqlite_schema.hpp"

namespace export_sqlite {

namespace ex = docpipe::exporting;

SqliteStore::SqliteStore(std::filesystem::path target, std::size_t batch_bytes)
    : target_(std::move(target)), batch_limit_(batch_bytes) {
  // Unique per instance, not only per process: two stores in one process (tests, a host that runs
  // two pipelines) must not share a working copy.
  static std::atomic<unsigned> counter{0};
  temp_ = target_;
  temp_ += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  if (target_.has_parent_path()) std::filesystem::create_directories(target_.parent_path());
  std::filesystem::remove(temp_);
  if (std::filesystem::exists(target_)) std::filesystem::copy_file(target_, temp_);

  try {
    open();
  } catch (...) {
    // The destructor does not run for a half-built object: discard the working copy here.
    close();
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
    throw;
  }
}

void SqliteStore::open() {
  db_.emplace(temp_, target_);
  Connection& c = *db_;
  c.tune_for_private_bulk_load();
  for (const std::string& ddl : table_statements()) c.exec(ddl);

  const std::string schema = c.text_value("SELECT value FROM docpipe_meta WHERE key = 'schema'");
  if (schema.empty()) {
    c.exec("INSERT INTO docpipe_meta (key, value) VALUES ('schema', '" + std::string(ex::tables_schema_id) + "')");
    // A new database gets its secondary indexes at commit(), built once from the finished tables
    // instead of updated row by row (a run that dies never publishes the copy without them).
    indexes_pending_ = true;
    new_database_ = true;
  } else if (schema != ex::tables_schema_id) {
    throw std::runtime_error(target_.string() + " holds schema " + schema + ", this plugin writes " +
                             std::string(ex::tables_schema_id) + "; write to another path");
  } else {
    for (const std::string& ddl : index_statements()) c.exec(ddl);
  }

  sqlite3* db = c.handle();
  inserts_.resize(ex::all_tables.size());
  for (ex::Table t : ex::all_tables) deletes_.emplace_back(db, delete_statement(t));
  has_rows_.emplace(db, has_rows_statement());
  begin_.emplace(db, "BEGIN");
  commit_.emplace(db, "COMMIT");
  savepoint_.emplace(db, "SAVEPOINT document");
  release_.emplace(db, "RELEASE document");
  rollback_to_.emplace(db, "ROLLBACK TO document");
}

SqliteStore::~SqliteStore() {
  close();
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void SqliteStore::close() noexcept {
  inserts_.clear();
  deletes_.clear();
  for (auto* statement : {&has_rows_, &begin_, &commit_, &savepoint_, &release_, &rollback_to_}) statement->reset();
  db_.reset();
}

void SqliteStore::add(const docpipe::Document& doc) {
  if (!db_) throw std::logic_error("SqliteStore::add after commit");
  const ex::TextOffsets at(doc.text);
  if (!in_batch_) {
    begin_->run();
    in_batch_ = true;
  }
  // A document with rows in the store (a re-run, or rows a hand-edited database left behind) is
  // replaced inside a savepoint, so that a failure restores its previous rows. A new document
  // needs none: on failure its partial rows are deleted again, which restores the same nothing.
  // The savepoint is not free: SQLite copies every page the document changes that existed before
  // it (the tables' last leaves and their parents, 16 KB each), several times the document's size.
  const bool replacing = new_database_ ? stored_ids_.contains(doc.id) : has_rows_->exists(doc.id);
  // Recorded first: an id recorded without rows costs a needless savepoint, rows without it would
  // be kept beside the new ones.
  if (new_database_ && !replacing) stored_ids_.insert(doc.id);
  if (replacing) savepoint_->run();
  try {
    for (std::size_t i = 0; i < ex::all_tables.size(); ++i) {
      if (replacing) deletes_[i].run(doc.id);
      insert_rows(i, doc, at);
    }
    if (replacing) release_->run();
  } catch (...) {
    if (replacing) {
      rollback_to_->run();
      release_->run();
    } else {
      for (PreparedStatement& d : deletes_) d.run(doc.id);
      stored_ids_.erase(doc.id);
    }
    throw;
  }
  batch_bytes_ += doc.text.size();
  if (batch_bytes_ >= batch_limit_) commit_batch();
}

void SqliteStore::insert_rows(std::size_t table, const docpipe::Document& doc, const ex::TextOffsets& at) {
  // Rows are bound straight into multi-row INSERTs as for_each_row produces them (its cells live
  // until it returns, so nothing is copied): chunk_rows rows per statement step while that many
  // are left, then the largest power of two left (a step has a fixed cost of a few thousand
  // instructions, so the rest of a layer takes at most five steps). One step per chunk instead of one per row is
  // about a fifth less time for a new database. The document id is the parameter ?1 of every row.
  const ex::Table t = ex::all_tables[table];
  const ex::TableOptions shape{true};
  std::size_t left = ex::row_count(t, doc);
  PreparedStatement* statement = nullptr;
  std::size_t rows = 0, bound = 0;
  ex::for_each_row(t, doc, at, shape, [&](std::span<const ex::Cell> row) {
    if (bound == 0) {
      if (left == 0) throw std::logic_error("export-sqlite: more rows than row_count() for table " + std::string(ex::table_name(t)));
      rows = std::bit_floor(std::min(left, chunk_rows));
      statement = &insert_for(table, rows);
      statement->bind(row.first(1), 1);
    }
    statement->bind(row.subspan(1), 2 + static_cast<int>(bound * (row.size() - 1)));
    if (++bound == rows) {
      statement->execute();
      left -= rows;
      bound = 0;
    }
  });
  if (bound != 0 || left != 0) throw std::logic_error("export-sqlite: fewer rows than row_count() for table " + std::string(ex::table_name(t)));
}

PreparedStatement& SqliteStore::insert_for(std::size_t table, std::size_t rows) {
  auto& slot = inserts_[table][static_cast<std::size_t>(std::countr_zero(rows))];
  if (!slot) slot.emplace(db_->handle(), insert_statement(ex::all_tables[table], rows));
  return *slot;
}

void SqliteStore::commit_batch() {
  if (!in_batch_) return;
  commit_->run();
  in_batch_ = false;
  batch_bytes_ = 0;
}

void SqliteStore::commit() {
  if (!db_) throw std::logic_error("SqliteStore::commit called twice");
  commit_batch();
  if (indexes_pending_) {
    for (const std::string& ddl : index_statements()) db_->exec(ddl);
    indexes_pending_ = false;
  }
  // One synced transaction makes the whole run durable before the rename publishes it.
  db_->exec("PRAGMA synchronous = FULL");
  db_->exec("BEGIN; INSERT OR REPLACE INTO docpipe_meta (key, value) VALUES ('written', datetime('now')); COMMIT");
  close();
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) throw std::runtime_error("cannot rename " + temp_.string() + " to " + target_.string() + ": " + ec.message());
  committed_ = true;
}

}  // namespace export_sqlite
