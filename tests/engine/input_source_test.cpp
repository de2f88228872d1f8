#include <catch2/catch.hpp>

#include "input_source.hpp"
#include "test_support.hpp"

using namespace docpipe::engine;
using docpipe::test::TempDir;
using docpipe::test::write_file;

namespace {
std::vector<InputItem> drain(InputSource& source) {
  std::vector<InputItem> items;
  while (auto item = source.next()) items.push_back(*item);
  return items;
}
}  // namespace

TEST_CASE("folders are searched recursively in sorted order, ids join sub-folders") {
  TempDir dir;
  write_file(dir / "corpus/b.txt", "B");
  write_file(dir / "corpus/a.md", "A");
  write_file(dir / "corpus/2024/hebei.html", "<p>H</p>");
  write_file(dir / "corpus/notes.pdf", "ignored");
  InputSource source({(dir / "corpus").string()}, 1000);
  CHECK(source.total() == 3);
  auto items = drain(source);
  REQUIRE(items.size() == 3);
  CHECK(items[0].id == "2024__hebei");
  CHECK(items[0].raw == "<p>H</p>");
  CHECK(items[1].id == "a");
  CHECK(items[2].id == "b");
}

TEST_CASE("a JSON Lines file gives one document per line, with errors per line") {
  TempDir dir;
  write_file(dir / "docs.jsonl",
             "{\"id\": \"r1\", \"text\": \"政府工作報告\"}\n\n{\"text\": \"no id\"}\nnot json\n{\"id\": \"r4\"}\n");
  InputSource source({(dir / "docs.jsonl").string()}, 1000);
  auto items = drain(source);
  REQUIRE(items.size() == 4);
  CHECK(items[0].id == "r1");
  CHECK(items[0].raw == "政府工作報告");
  CHECK(items[0].source == (dir / "docs.jsonl").string() + ":1");
  CHECK(items[1].id == "docs-3");
  CHECK(items[1].error.empty());
  CHECK_THAT(items[2].error, Catch::Matchers::Contains("docs.jsonl:4: not a JSON object"));
  CHECK_THAT(items[3].error, Catch::Matchers::Contains("docs.jsonl:5: a JSON Lines document needs a string field \"text\""));
}

TEST_CASE("files over the size limit are refused without being read") {
  TempDir dir;
  write_file(dir / "big.txt", std::string(2000, 'x'));
  InputSource source({(dir / "big.txt").string()}, 1000);
  auto items = drain(source);
  REQUIRE(items.size() == 1);
  CHECK(items[0].raw.empty());
  CHECK_THAT(items[0].error, Catch::Matchers::Contains("is 2000 bytes, larger than the limit of 1000 bytes"));
}

TEST_CASE("a missing input is a usage error naming it") {
  CHECK_THROWS_WITH(InputSource({"/nonexistent/folder"}, 1000),
                    Catch::Matchers::Contains("input /nonexistent/folder does not exist"));
}

TEST_CASE("a JSON Lines line over the size limit fails alone, and the next line is read") {
  TempDir dir;
  write_file(dir / "docs.jsonl", "{\"id\": \"big\", \"text\": \"" + std::string(5000, 'x') + "\"}\n{\"id\": \"small\", \"text\": \"ok\"}\n");
  InputSource source({(dir / "docs.jsonl").string()}, 1000);
  auto items = drain(source);
  REQUIRE(items.size() == 2);
  CHECK_THAT(items[0].error, Catch::Matchers::Contains("docs.jsonl:1: the line is larger than the limit of 1000 bytes"));
  CHECK(items[1].id == "small");
  CHECK(items[1].raw == "ok");
}

TEST_CASE("a filter leaves other files unread and out of the total, JSON Lines records to the caller") {
  TempDir dir;
  write_file(dir / "in/keep.txt", "K");
  write_file(dir / "in/skip.txt", "S");
  write_file(dir / "in/x.jsonl", "{\"id\": \"skip-too\", \"text\": \"J\"}\n");
  InputSource source({(dir / "in").string(), (dir / "in/x.jsonl").string()}, 1000);
  CHECK(source.total() == 3);
  source.set_filter([](const std::string& id) { return id.rfind("skip", 0) != 0; });
  CHECK(source.total() == 2);
  auto items = drain(source);
  REQUIRE(items.size() == 2);
  CHECK(items[0].id == "keep");
  CHECK(items[1].id == "skip-too");  // a record's id is only known once it is read
  CHECK(source.filtered_out() == 1);
}
