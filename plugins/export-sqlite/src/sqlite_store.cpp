#include "sqlite_store.hpp"

#include <atomic>
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
  // The working copy is private to this run (see the class comment): no other connection, no
  // sync per transaction, and a page cache large enough for the layer tables' b-trees.
  // A new database gets 16 KB pages (an existing one keeps its own): a document's rows fill fewer
  // pages, so fewer b-tree splits per row (about 5% less time in the export benchmark). Set before
  // cache_size: SQLite sizes the cache in pages of the page size it had when cache_size was set,
  // and 64 MB of 4 KB pages would become 256 MB of 16 KB pages.
  c.exec("PRAGMA page_size = 16384");
  c.exec("PRAGMA locking_mode = EXCLUSIVE");
  c.exec("PRAGMA journal_mode = MEMORY");
  c.exec("PRAGMA synchronous = OFF");
  c.exec("PRAGMA cache_size = -65536");
  for (const std::string& ddl : schema_statements()) c.exec(ddl);

  const std::string schema = c.text_value("SELECT value FROM docpipe_meta WHERE key = 'schema'");
  if (schema.empty()) {
    c.exec("INSERT INTO docpipe_meta (key, value) VALUES ('schema', '" + std::string(ex::tables_schema_id) + "')");
  } else if (schema != ex::tables_schema_id) {
    throw std::runtime_error(target_.string() + " holds schema " + schema + ", this plugin writes " +
                             std::string(ex::tables_schema_id) + "; write to another path");
  }

  sqlite3* db = c.handle();
  for (ex::Table t : ex::all_tables) {
    inserts_.emplace_back(db, insert_statement(t));
    chunk_inserts_.emplace_back(db, insert_statement(t, chunk_rows));
    small_chunk_inserts_.emplace_back(db, insert_statement(t, small_chunk_rows));
    deletes_.emplace_back(db, delete_statement(t));
  }
  has_rows_.emplace(db, has_rows_statement());
  chunk_text_.reserve(chunk_text_bytes);
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
  chunk_inserts_.clear();
  small_chunk_inserts_.clear();
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
  const bool replacing = has_rows_->exists(doc.id);
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
    }
    throw;
  }
  batch_bytes_ += doc.text.size();
  if (batch_bytes_ >= batch_limit_) commit_batch();
}

void SqliteStore::insert_rows(std::size_t table, const docpipe::Document& doc, const ex::TextOffsets& at) {
  // Rows go in chunks of chunk_rows through one multi-row INSERT: one statement step per chunk
  // instead of one per row (about a fifth less time for a new database). A row's text cells only
  // live until the row sink returns, so they are copied into chunk_text_, whose capacity is fixed:
  // when a row would not fit, the pending rows go in first (by eights, then one by one), so no view
  // moves.
  const ex::TableOptions shape{true};
  std::size_t rows = 0;
  std::size_t width = 0;
  chunk_cells_.clear();  // a document that failed half-way may have left a chunk behind
  chunk_text_.clear();
  auto insert_pending = [&] {  // the rest of a chunk: by eights, then one by one
    const std::span<const ex::Cell> cells(chunk_cells_);
    std::size_t r = 0;
    for (; r + small_chunk_rows <= rows; r += small_chunk_rows)
      small_chunk_inserts_[table].run(cells.subspan(r * width, small_chunk_rows * width));
    for (; r < rows; ++r) inserts_[table].run(cells.subspan(r * width, width));
    rows = 0;
    chunk_cells_.clear();
    chunk_text_.clear();
  };
  ex::for_each_row(ex::all_tables[table], doc, at, shape, [&](std::span<const ex::Cell> row) {
    width = row.size();
    std::size_t text = 0;
    for (const ex::Cell& cell : row)
      if (const auto* view = std::get_if<std::string_view>(&cell)) text += view->size();
    if (chunk_text_.size() + text > chunk_text_.capacity()) insert_pending();
    if (text > chunk_text_.capacity()) {  // a row with a large text (a document's) goes in alone
      inserts_[table].run(row);
      return;
    }
    for (const ex::Cell& cell : row) {
      const auto* view = std::get_if<std::string_view>(&cell);
      if (!view) {
        chunk_cells_.push_back(cell);
        continue;
      }
      const std::size_t at_byte = chunk_text_.size();
      chunk_text_.append(*view);
      chunk_cells_.push_back(std::string_view(chunk_text_.data() + at_byte, view->size()));
    }
    if (++rows == chunk_rows) {
      chunk_inserts_[table].run(chunk_cells_);
      rows = 0;
      chunk_cells_.clear();
      chunk_text_.clear();
    }
  });
  insert_pending();
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
