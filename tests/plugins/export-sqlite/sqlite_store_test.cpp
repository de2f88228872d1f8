#include <catch2/catch.hpp>

#include "sample_documents.hpp"
#include "sqlite_store.hpp"
#include "sqlite_test_support.hpp"
#include "test_support.hpp"

namespace ex = docpipe::exporting;
using namespace Poco::Data::Keywords;
using sqlite_test::scalar;

namespace {

std::filesystem::path store_all(const std::filesystem::path& target, const std::vector<docpipe::Document>& docs) {
  export_sqlite::SqliteStore store(target);
  for (const auto& d : docs) store.add(d);
  store.commit();
  return target;
}

Poco::Int64 rows_of(Poco::Data::Session& s, ex::Table t, const std::string& id) {
  const std::string key = t == ex::Table::documents ? "id" : "document_id";
  return scalar(s, "SELECT COUNT(*) FROM " + std::string(ex::table_name(t)) + " WHERE " + key + " = '" + id + "'");
}

}  // namespace

TEST_CASE("every table gets one row per item of each document") {
  const auto dir = test_support::scratch_folder("sqlite-store");
  const auto docs = fixtures::all();
  const auto db = store_all(dir / "docpipe.sqlite", docs);
  CHECK(test_support::entries_in(dir) == 1);  // no working copy left behind
  auto s = sqlite_test::open(db);
  for (ex::Table t : ex::all_tables) {
    INFO(ex::table_name(t));
    for (const auto& d : docs) CHECK(rows_of(*s, t, d.id) == static_cast<Poco::Int64>(ex::row_count(t, d)));
  }
  std::string schema;
  *s << "SELECT value FROM docpipe_meta WHERE key = 'schema'", into(schema), now;
  CHECK(schema == ex::tables_schema_id);
}

TEST_CASE("values round-trip: text, code point offsets, NULL for unknown numbers") {
  const auto dir = test_support::scratch_folder("sqlite-values");
  const auto doc = fixtures::traditional();
  auto s = sqlite_test::open(store_all(dir / "db.sqlite", {doc, fixtures::empty(), fixtures::hostile()}));
  std::string text;
  *s << "SELECT text FROM documents WHERE id = 'congtai_2024'", into(text), now;
  CHECK(text == doc.text);
  // The span arithmetic the docs promise: substr(text, text_begin + 1, text_end - text_begin).
  std::vector<std::string> surfaces, sliced;
  *s << "SELECT n.text FROM numbers n WHERE n.document_id = 'congtai_2024' ORDER BY position", into(surfaces), now;
  *s << "SELECT substr(d.text, n.text_begin + 1, n.text_end - n.text_begin) FROM numbers n "
        "JOIN documents d ON d.id = n.document_id WHERE d.id = 'congtai_2024' ORDER BY n.position",
      into(sliced), now;
  REQUIRE(surfaces.size() == doc.numbers.size());
  CHECK(sliced == surfaces);
  CHECK(scalar(*s, "SELECT COUNT(*) FROM documents WHERE id = 'empty' AND year IS NULL") == 1);
  CHECK(scalar(*s, "SELECT COUNT(*) FROM numbers WHERE value_high IS NULL AND document_id = 'congtai_2024'") == 5);
  CHECK(scalar(*s, "SELECT COUNT(*) FROM diagnostics WHERE text_begin IS NULL") == 2);
  CHECK(scalar(*s, "SELECT value FROM numbers WHERE document_id = 'congtai_2024' AND position = 0") == 34170000000);
  std::string message;
  *s << "SELECT message FROM diagnostics WHERE document_id = '../evil/id:1'", into(message), now;
  CHECK(message == fixtures::hostile().diagnostics[0].message);
  std::string attrs;
  *s << "SELECT json_extract(attributes, '$.admin_level') FROM annotations WHERE producer = 'place-tag'", into(attrs), now;
  CHECK(attrs == "district");
}

TEST_CASE("a re-run replaces a document's rows and keeps the other documents") {
  const auto dir = test_support::scratch_folder("sqlite-rerun");
  const auto db = store_all(dir / "docpipe.sqlite", {fixtures::traditional(), fixtures::simplified()});
  auto changed = fixtures::traditional();
  changed.numbers.resize(2);
  changed.metadata.title = "改";
  store_all(db, {changed});
  auto s = sqlite_test::open(db);
  CHECK(rows_of(*s, ex::Table::numbers, "congtai_2024") == 2);
  CHECK(rows_of(*s, ex::Table::documents, "congtai_2024") == 1);
  CHECK(rows_of(*s, ex::Table::numbers, "city_example_2023") == 2);  // untouched by the second run
  CHECK(rows_of(*s, ex::Table::repairs, "congtai_2024") == 4);       // replaced, not doubled
  std::string title;
  *s << "SELECT title FROM documents WHERE id = 'congtai_2024'", into(title), now;
  CHECK(title == "改");
}

TEST_CASE("a document stored twice in one run into a new database keeps only its second rows") {
  // A new database answers "has rows?" from the ids stored so far, without a query.
  const auto dir = test_support::scratch_folder("sqlite-twice");
  auto changed = fixtures::traditional();
  changed.numbers.resize(2);
  changed.metadata.title = "改";
  const auto db = store_all(dir / "docpipe.sqlite", {fixtures::traditional(), fixtures::simplified(), changed});
  auto s = sqlite_test::open(db);
  for (ex::Table t : ex::all_tables) {
    INFO(ex::table_name(t));
    CHECK(rows_of(*s, t, "congtai_2024") == static_cast<Poco::Int64>(ex::row_count(t, changed)));
    CHECK(rows_of(*s, t, "city_example_2023") == static_cast<Poco::Int64>(ex::row_count(t, fixtures::simplified())));
  }
  std::string title;
  *s << "SELECT title FROM documents WHERE id = 'congtai_2024'", into(title), now;
  CHECK(title == "改");
}

TEST_CASE("a document that fails half-way keeps its previous rows; the run goes on") {
  const auto dir = test_support::scratch_folder("sqlite-rollback");
  const auto db = store_all(dir / "docpipe.sqlite", {fixtures::traditional()});
  {
    auto s = sqlite_test::open(db);
    // Make the database refuse one particular number, after the document's old rows are deleted
    // and some new rows inserted.
    *s << "CREATE TRIGGER refuse AFTER INSERT ON numbers WHEN NEW.text = 'boom' "
          "BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
        now;
  }
  auto broken = fixtures::traditional();
  broken.numbers[3].text = "boom";
  export_sqlite::SqliteStore store(db);
  CHECK_THROWS_WITH(store.add(broken), Catch::Contains("refused by test"));
  store.add(fixtures::simplified());
  store.commit();
  auto s = sqlite_test::open(db);
  const auto original = fixtures::traditional();
  for (ex::Table t : ex::all_tables)
    CHECK(rows_of(*s, t, "congtai_2024") == static_cast<Poco::Int64>(ex::row_count(t, original)));
  CHECK(rows_of(*s, ex::Table::documents, "city_example_2023") == 1);
}

TEST_CASE("an unfinished run leaves the published database untouched and removes its working copy") {
  const auto dir = test_support::scratch_folder("sqlite-abort");
  const auto db = store_all(dir / "docpipe.sqlite", {fixtures::traditional()});
  const std::string before = test_support::read_file(db);
  {
    export_sqlite::SqliteStore store(db);
    store.add(fixtures::simplified());
    CHECK(std::filesystem::exists(store.working_path()));
    CHECK(test_support::read_file(db) == before);
  }
  CHECK(test_support::read_file(db) == before);
  CHECK(test_support::entries_in(dir) == 1);
}

TEST_CASE("a database of another schema version is refused with a clear message") {
  const auto dir = test_support::scratch_folder("sqlite-version");
  const auto db = store_all(dir / "docpipe.sqlite", {});
  {
    auto s = sqlite_test::open(db);
    *s << "UPDATE docpipe_meta SET value = 'docpipe.tables/0' WHERE key = 'schema'", now;
  }
  CHECK_THROWS_WITH(export_sqlite::SqliteStore(db), Catch::Contains("docpipe.tables/0"));
  CHECK(test_support::entries_in(dir) == 1);
  const auto garbage = dir / "not-a-database.sqlite";
  std::ofstream(garbage) << "this is not SQLite, just text long enough to have a header of sorts........";
  CHECK_THROWS_WITH(export_sqlite::SqliteStore(garbage), Catch::Contains("not-a-database.sqlite"));
}

TEST_CASE("a document whose documents row was deleted by hand can be stored again") {
  const auto dir = test_support::scratch_folder("sqlite-orphans");
  const auto db = store_all(dir / "docpipe.sqlite", {fixtures::traditional()});
  {
    auto s = sqlite_test::open(db);
    *s << "DELETE FROM documents WHERE id = 'congtai_2024'", now;  // layers left behind
  }
  store_all(db, {fixtures::traditional()});
  auto s = sqlite_test::open(db);
  for (ex::Table t : ex::all_tables)
    CHECK(rows_of(*s, t, "congtai_2024") == static_cast<Poco::Int64>(ex::row_count(t, fixtures::traditional())));
}

TEST_CASE("a failing document inside a batch loses neither the documents before it nor after it") {
  const auto dir = test_support::scratch_folder("sqlite-batch");
  const auto db = store_all(dir / "docpipe.sqlite", {});
  {
    auto s = sqlite_test::open(db);
    *s << "CREATE TRIGGER refuse AFTER INSERT ON numbers WHEN NEW.text = 'boom' "
          "BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
        now;
  }
  auto broken = fixtures::traditional();
  broken.numbers[3].text = "boom";
  {
    export_sqlite::SqliteStore store(db);  // one batch: far below the batch size
    store.add(fixtures::simplified());
    CHECK_THROWS_WITH(store.add(broken), Catch::Contains("refused by test"));
    store.add(fixtures::traditional());
    store.commit();
  }
  auto s = sqlite_test::open(db);
  for (const auto& doc : {fixtures::simplified(), fixtures::traditional()})
    for (ex::Table t : ex::all_tables) {
      INFO(doc.id << " " << ex::table_name(t));
      CHECK(rows_of(*s, t, doc.id) == static_cast<Poco::Int64>(ex::row_count(t, doc)));
    }
  CHECK(scalar(*s, "SELECT COUNT(*) FROM numbers WHERE text = 'boom'") == 0);
}

TEST_CASE("documents committed in many small batches give the rows of one batch") {
  const auto dir = test_support::scratch_folder("sqlite-small-batches");
  const auto docs = fixtures::all();
  const auto one = store_all(dir / "one.sqlite", docs);
  {
    export_sqlite::SqliteStore store(dir / "many.sqlite", 1);  // a commit after every document
    for (const auto& d : docs) store.add(d);
    store.commit();
  }
  auto a = sqlite_test::open(one);
  auto b = sqlite_test::open(dir / "many.sqlite");
  for (ex::Table t : ex::all_tables) {
    const std::string count = "SELECT COUNT(*) FROM " + std::string(ex::table_name(t));
    INFO(ex::table_name(t));
    CHECK(scalar(*a, count) == scalar(*b, count));
  }
}

TEST_CASE("rows go in through multi-row inserts unchanged: many rows, long texts, a text larger than a chunk") {
  const auto dir = test_support::scratch_folder("sqlite-chunks");
  auto doc = fixtures::simplified();
  const auto base = doc.numbers.front();
  doc.numbers.clear();
  // 300 rows: whole chunks and a remainder; texts from empty to 9 KB so a chunk's text buffer fills
  // before its rows do; one 100 KB text that must go in alone; and one value that is NULL.
  for (int i = 0; i < 300; ++i) {
    auto n = base;
    n.text = std::string(static_cast<std::size_t>(i % 7) * 1500, static_cast<char>('a' + i % 26)) + std::to_string(i);
    if (i == 150) n.text = std::string(100000, 'x');
    n.value = i;
    n.value_high = i % 3 == 0 ? std::optional<double>(i + 0.5) : std::nullopt;
    doc.numbers.push_back(n);
  }
  const auto db = store_all(dir / "docpipe.sqlite", {doc, fixtures::traditional()});
  auto s = sqlite_test::open(db);
  std::vector<Poco::Int64> positions;
  std::vector<std::string> texts;
  std::vector<double> values;
  *s << "SELECT position, text, value FROM numbers WHERE document_id = '" + doc.id + "' ORDER BY position",
      into(positions), into(texts), into(values), now;
  REQUIRE(texts.size() == doc.numbers.size());
  int wrong = 0;
  for (std::size_t i = 0; i < texts.size(); ++i)
    wrong += positions[i] != static_cast<Poco::Int64>(i) || texts[i] != doc.numbers[i].text || values[i] != doc.numbers[i].value;
  CHECK(wrong == 0);
  CHECK(scalar(*s, "SELECT COUNT(*) FROM numbers WHERE document_id = '" + doc.id + "' AND value_high IS NULL") == 200);
  const auto other = fixtures::traditional();
  for (ex::Table t : ex::all_tables) CHECK(rows_of(*s, t, other.id) == static_cast<Poco::Int64>(ex::row_count(t, other)));
}

TEST_CASE("every row count goes in whole, whatever chunks of 32, 16, 8, 4, 2 and 1 rows it takes") {
  const auto dir = test_support::scratch_folder("sqlite-row-counts");
  const auto base = fixtures::simplified();
  std::vector<docpipe::Document> docs;
  for (int n = 0; n <= 70; ++n) {
    auto doc = base;
    doc.id = "count_" + std::to_string(n);
    const auto number = base.numbers.front();
    doc.numbers.clear();
    for (int i = 0; i < n; ++i) {
      auto x = number;
      x.text = std::to_string(n) + "/" + std::to_string(i);
      doc.numbers.push_back(x);
    }
    docs.push_back(std::move(doc));
  }
  const auto db = store_all(dir / "docpipe.sqlite", docs);
  auto s = sqlite_test::open(db);
  int wrong = 0;
  for (const auto& doc : docs) {
    std::vector<Poco::Int64> positions;
    std::vector<std::string> texts;
    *s << "SELECT position, text FROM numbers WHERE document_id = '" + doc.id + "' ORDER BY position", into(positions),
        into(texts), now;
    wrong += texts.size() != doc.numbers.size();
    for (std::size_t i = 0; i < texts.size() && i < doc.numbers.size(); ++i)
      wrong += positions[i] != static_cast<Poco::Int64>(i) || texts[i] != doc.numbers[i].text;
  }
  CHECK(wrong == 0);
}
