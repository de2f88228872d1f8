// Tests that the kit builds documents the way the engine's batch runner does.
#include <fstream>

#include <catch2/catch.hpp>

#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"

using namespace docpipe;

TEST_CASE("valid UTF-8 gets text, encoding and the identity map") {
  const Document doc = testkit::document_from_bytes("第一章 总则", "doc-1", "in/doc-1.txt");
  CHECK(doc.id == "doc-1");
  CHECK(doc.source == "in/doc-1.txt");
  CHECK(doc.text == doc.raw);
  CHECK(doc.encoding.name == "UTF-8");
  CHECK(doc.encoding.confidence == 1.0);
  CHECK(doc.source_map.text_size() == doc.raw.size());
  CHECK(doc.source_map.to_source(6) == 6);
}

TEST_CASE("invalid UTF-8 is left for a repair stage") {
  const Document doc = testkit::document_from_bytes("\xD5\xFE\xB8\xAE");  // 政府 in GBK
  CHECK(doc.raw.size() == 4);
  CHECK(doc.text.empty());
  CHECK(doc.encoding.name.empty());
  CHECK(doc.source_map.text_size() == 0);
}

TEST_CASE("a file gets the engine's id and source") {
  const auto dir = testkit::make_temp_dir();
  const auto file = dir / "city_x_2024.txt";
  std::ofstream(file, std::ios::binary) << "报告";
  const Document doc = testkit::document_from_file(file);
  CHECK(doc.id == "city_x_2024");
  CHECK(doc.source == file.string());
  CHECK(doc.text == "报告");
  CHECK(testkit::span_text(doc, {3, 6}) == "告");
  CHECK(testkit::span_text(doc, {3, 60}).empty());
  CHECK_THROWS(testkit::document_from_file(dir / "missing.txt"));
  std::filesystem::remove_all(dir);
}
