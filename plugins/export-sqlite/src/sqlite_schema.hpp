#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "docpipe/export/tables.hpp"

namespace export_sqlite {

/// The statements that create the `docpipe.tables/1` schema if it is missing: every table, an
/// index on the document id of every table (so a document's rows are found and replaced quickly),
/// and indexes on the indicator name and canonical id (the usual corpus queries).
std::vector<std::string> schema_statements();

/// The table part of schema_statements() (docpipe_meta and the tables with their primary keys).
std::vector<std::string> table_statements();

/// The secondary-index part of schema_statements(): indexes on the indicator name and canonical id.
std::vector<std::string> index_statements();

/// `INSERT OR FAIL INTO <table> (<columns>) VALUES (?1, ?, ...)` for table @p t, with @p rows rows
/// of parameters (`VALUES (?1, ?, ...), (?1, ?, ...)`). The first column, the document id, is the one
/// parameter ?1 of every row; the others are numbered on from 2, row after row.
///
/// OR FAIL rather than the default ABORT: an ABORT statement keeps a statement journal, a copy of
/// every page it changes that existed before it (the tables' last pages), to undo its own rows on a
/// conflict; the store undoes a failed document itself (see SqliteStore::add).
std::string insert_statement(docpipe::exporting::Table t, std::size_t rows = 1);

/// `DELETE FROM <table> WHERE <document id column> = ?` for table @p t.
std::string delete_statement(docpipe::exporting::Table t);

/// A query with one parameter, a document id, whose one row is 1 when any table holds a row of
/// that document and 0 otherwise (one index seek per table).
std::string has_rows_statement();

}  // namespace export_sqlite
