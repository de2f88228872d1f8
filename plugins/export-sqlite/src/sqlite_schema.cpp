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

std::vector<std::string> schema_statements() {
  std::vector<std::string> out;
  out.push_back("CREATE TABLE IF NOT EXISTS docpipe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  for (ex::Table t : ex::all_tables) {
    const std::string name(ex::table_name(t));
    std::string ddl = "CREATE TABLE IF NOT EXISTS " + name + " (";
    bool first = true;
    for (const ex::Column& c : ex::table_columns(t)) {
      if (!first) ddl += ", ";
      first = false;
      ddl.append(c.name);
      ddl += ' ';
      ddl += sql_type(c.type);
      if (t == ex::Table::documents && c.name == "id") ddl += " PRIMARY KEY";
      else if (c.name == "document_id") ddl += " NOT NULL";
    }
    ddl += ')';
    out.push_back(std::move(ddl));
    if (t != ex::Table::documents)
      out.push_back("CREATE INDEX IF NOT EXISTS " + name + "_document_id ON " + name + " (document_id)");
  }
  out.push_back("CREATE INDEX IF NOT EXISTS indicators_name ON indicators (name)");
  out.push_back("CREATE INDEX IF NOT EXISTS indicators_canonical ON indicators (canonical)");
  return out;
}

std::string insert_statement(ex::Table t) {
  std::string sql = "INSERT INTO " + std::string(ex::table_name(t)) + " (";
  std::string values = ") VALUES (";
  bool first = true;
  for (const ex::Column& c : ex::table_columns(t)) {
    if (!first) {
      sql += ", ";
      values += ", ";
    }
    first = false;
    sql.append(c.name);
    values += '?';
  }
  return sql + values + ')';
}

std::string delete_statement(ex::Table t) {
  return "DELETE FROM " + std::string(ex::table_name(t)) + " WHERE " + std::string(id_column(t)) + " = ?";
}

}  // namespace export_sqlite
