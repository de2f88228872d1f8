#include "sqlite_schema.hpp"

namespace export_sqlite {

namespace ex = docpipe::exporting;

namespace {

const char* sql_type(ex::ColumnType t) {
  switch (t) {
    case ex::ColumnType::integer: return "INTEGER";
    case ex::ColumnType::real: return "REAL";
    default: return "TEXT";
  }
}

std::string_view id_column(ex::Table t) { return t == ex::Table::documents ? "id" : "document_id"; }

}  // namespace

std::vector<std::string> table_statements() {
  std::vector<std::string> out;
  out.push_back("CREATE TABLE IF NOT EXISTS docpipe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  for (ex::Table t : ex::all_tables) {
    const std::string name(ex::table_name(t));
    const bool layer = t != ex::Table::documents;
    std::string ddl = "CREATE TABLE IF NOT EXISTS " + name + " (";
    for (const ex::Column& c : ex::table_columns(t)) {
      ddl.append(c.name);
      ddl += ' ';
      ddl += sql_type(c.type);
      if (!layer && c.name == "id") ddl += " PRIMARY KEY";
      if (layer && (c.name == "document_id" || c.name == "position")) ddl += " NOT NULL";
      ddl += ", ";
    }
    if (layer) {
      // The layer tables are clustered on (document_id, position): the primary key is the index
      // on the document id, so a document's rows are one contiguous range to delete and insert,
      // and no second b-tree has to be maintained per row.
      ddl += "PRIMARY KEY (document_id, position)) WITHOUT ROWID";
    } else {
      ddl.resize(ddl.size() - 2);
      ddl += ')';
    }
    out.push_back(std::move(ddl));
  }
  return out;
}

std::vector<std::string> schema_statements() {
  std::vector<std::string> out = table_statements();
  for (std::string& ddl : index_statements()) out.push_back(std::move(ddl));
  return out;
}

std::vector<std::string> index_statements() {
  return {"CREATE INDEX IF NOT EXISTS indicators_name ON indicators (name)",
          "CREATE INDEX IF NOT EXISTS indicators_canonical ON indicators (canonical)"};
}

std::string insert_statement(ex::Table t, std::size_t rows) {
  std::string sql = "INSERT OR FAIL INTO " + std::string(ex::table_name(t)) + " (";
  std::string values = "(?1";
  bool first = true;
  for (const ex::Column& c : ex::table_columns(t)) {
    if (!first) {
      sql += ", ";
      values += ", ?";
    }
    first = false;
    sql.append(c.name);
  }
  values += ')';
  sql += ") VALUES " + values;
  for (std::size_t r = 1; r < rows; ++r) sql += ", " + values;
  return sql;
}

std::string delete_statement(ex::Table t) {
  return "DELETE FROM " + std::string(ex::table_name(t)) + " WHERE " + std::string(id_column(t)) + " = ?";
}

std::string has_rows_statement() {
  std::string sql = "SELECT ";
  for (ex::Table t : ex::all_tables) {
    if (t != ex::all_tables.front()) sql += " OR ";
    sql += "EXISTS (SELECT 1 FROM " + std::string(ex::table_name(t)) + " WHERE " + std::string(id_column(t)) + " = ?1)";
  }
  return sql;
}

}  // namespace export_sqlite
