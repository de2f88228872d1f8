// The document codec carries documents to --isolate workers and into checkpoints: every field must
// survive, and damaged bytes must be refused without reading out of bounds.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "docpipe/export/document_json.hpp"
#include "checkpoint_store.hpp"
#include "document_codec.hpp"

using namespace docpipe;
using docpipe::engine::decode_document;
using docpipe::engine::DocumentCodecError;
using docpipe::engine::encode_document;

namespace {

// A document with every field set to something other than its default.
Document full_document() {
  Document d;
  d.id = "2024__邯鄲";
  d.source = "/data/x.txt";
  d.raw = std::string("\xa4\xa4\xb0\xea\0tail", 9);
  d.encoding = {"Big5", 0.87, true};
  d.text = "中國 2024年增長5.5%左右。名詞解釋(1)";
  // Runs of every shape: identity, 2->3 bytes, deletions, insertions.
  d.source_map.append(3, 3);
  d.source_map.append(3, 2);
  d.source_map.append(3, 2);
  d.source_map.append(0, 1);
  d.source_map.append(1, 0);
  d.source_map.append(20, 20);
  d.repairs.push_back({{0, 3}, 1, 2, "a", "b", "mojibake", 0.5, "encoding-repair", "note"});
  d.metadata = {"標題", "2024-01-24", "第一次會議", "叢臺區", 2024, {0, 6}, {{"k", "v"}, {"k2", ""}}};
  d.sections.push_back({2, "一、", "回顧", "review", {0, 3}, {0, 7}, -1});
  d.paragraphs = {{0, 6}, {6, 11}};
  d.sentences = {{0, 6}};
  d.numbers.push_back({{7, 11}, "5.5%", 5.5, 6.5, "%", "percent", "about"});
  d.numbers.push_back({{0, 3}, "二", 2, std::nullopt, "", "count", ""});
  d.indicators.push_back({"地區生產總值", "gdp", 2024, "target", "growth", 5.5, std::nullopt, "%", "about", {7, 11}, {0, 11}, 0});
  d.glossary.entries.push_back({1, "術語", "定義", {"別名", "x"}, {3, 7}, {3, 6}, "document"});
  d.glossary.links.push_back({{3, 6}, 0, "marker"});
  d.glossary.unresolved.push_back({"(14)", 14, {7, 11}});
  d.annotations.push_back({{0, 3}, "keyword", {{"a", "1"}}, "kw"});
  d.diagnostics.push_back({Severity::error, "code", "message", Span{3, 6}, "stage"});
  d.diagnostics.push_back({Severity::info, "c2", "m2", std::nullopt, ""});
  d.provenance.push_back({"encoding-repair", "1.2.3", 4.25});
  return d;
}

std::string as_json(const Document& d) {
  return exporting::document_to_json(d);
}

}  // namespace

TEST_CASE("a document survives encoding and decoding field for field") {
  const Document d = full_document();
  const Document back = decode_document(encode_document(d));
  // The published JSON form covers every layer; the raw bytes and the map runs are checked directly.
  CHECK(as_json(back) == as_json(d));
  CHECK(back.raw == d.raw);
  CHECK(back.encoding.bom);
  REQUIRE(back.source_map.runs().size() == d.source_map.runs().size());
  for (std::size_t i = 0; i < d.source_map.runs().size(); ++i) {
    const auto& a = d.source_map.runs()[i];
    const auto& b = back.source_map.runs()[i];
    CHECK(a.text_begin == b.text_begin);
    CHECK(a.source_begin == b.source_begin);
    CHECK(a.count == b.count);
    CHECK(a.text_unit == b.text_unit);
    CHECK(a.source_unit == b.source_unit);
  }
  CHECK(back.source_map.to_source(5) == d.source_map.to_source(5));
  CHECK(back.numbers[1].value_high == std::nullopt);
  CHECK(back.numbers[0].value_high == 6.5);
  CHECK(!back.diagnostics[1].span);
  CHECK(back.provenance[0].milliseconds == 4.25);
}

TEST_CASE("an empty document round-trips") {
  const Document back = decode_document(encode_document(Document{}));
  CHECK(back.id.empty());
  CHECK(back.source_map.runs().empty());
  CHECK(back.sections.empty());
}

TEST_CASE("every truncation of an encoded document is refused") {
  const std::string bytes = encode_document(full_document());
  for (std::size_t n = 0; n < bytes.size(); ++n)
    CHECK_THROWS_AS(decode_document(std::string_view(bytes).substr(0, n)), DocumentCodecError);
  CHECK_THROWS_AS(decode_document(bytes + "x"), DocumentCodecError);
}

TEST_CASE("corrupted counts and versions are refused, not trusted") {
  std::string bytes = encode_document(full_document());
  std::string bad_version = bytes;
  bad_version[6] = 9;
  CHECK_THROWS_WITH(decode_document(bad_version), Catch::Contains("version"));
  // Flip every byte in turn: decoding either fails cleanly or yields some document; never crashes.
  std::size_t refused = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
    try {
      decode_document(damaged);
    } catch (const DocumentCodecError&) {
      ++refused;
    }
  }
  CHECK(refused > bytes.size() / 10);
}

TEST_CASE("a text equal to the raw bytes is stored once and comes back equal") {
  Document d;
  d.id = "utf8";
  for (int i = 0; i < 1000; ++i) d.raw += "政府工作報告。";
  d.text = d.raw;
  const std::string same = encode_document(d);
  CHECK(same.size() < d.raw.size() + 1024);
  const Document back = decode_document(same);
  CHECK(back.raw == d.raw);
  CHECK(back.text == d.text);
  // A text that differs by one byte is stored in full.
  d.text.back() = '!';
  const std::string different = encode_document(d);
  CHECK(different.size() > 2 * d.raw.size());
  CHECK(decode_document(different).text == d.text);
}

TEST_CASE("append_encoded_document appends exactly the encoded form") {
  const Document d = full_document();
  std::string out = "header\n";
  docpipe::engine::append_encoded_document(out, d);
  CHECK(out == "header\n" + encode_document(d));
}

TEST_CASE("strings of every length, around the codec's short copies and its buffer size, round-trip") {
  // The writer copies strings of up to 16 bytes as overlapping words and gathers fields in a 4 KB
  // buffer: every length up to past that size, as a number text (many per document) and as a note.
  Document d;
  d.id = "lengths";
  std::string s;
  for (std::size_t n = 0; n <= 4200; n += n < 40 ? 1 : 97) {
    s.resize(n);
    for (std::size_t k = 0; k < n; ++k) s[k] = static_cast<char>('a' + (k * 7 + n) % 26);
    d.numbers.push_back({{n, n + 1}, s, double(n), std::nullopt, "unit", "kind", ""});
    d.repairs.push_back({{n, n}, 0, n, s, "after", "kind", 0.5, "stage", s});
  }
  const Document back = decode_document(encode_document(d));
  REQUIRE(back.numbers.size() == d.numbers.size());
  for (std::size_t i = 0; i < d.numbers.size(); ++i) {
    INFO("number " << i);
    REQUIRE(back.numbers[i].text == d.numbers[i].text);
    REQUIRE(back.repairs[i].note == d.repairs[i].note);
    REQUIRE(back.repairs[i].before == d.repairs[i].before);
  }
  CHECK(as_json(back) == as_json(d));
}

TEST_CASE("encode_document_pieces, written in order, are exactly the encoded form, long strings left in place") {
  Document d = full_document();
  for (const bool text_is_raw : {false, true}) {
    d.raw = std::string(10000, 'r') + "政府工作報告";
    d.text = text_is_raw ? d.raw : std::string(9000, 't');
    d.numbers.front().text = std::string(5000, 'n');  // a long string among the layers
    std::string scratch = "left over from the last document";
    const std::vector<std::string_view> pieces = docpipe::engine::encode_document_pieces(d, scratch);
    std::string joined;
    bool raw_in_place = false;
    for (std::string_view p : pieces) {
      joined.append(p);
      raw_in_place = raw_in_place || p.data() == d.raw.data();
    }
    INFO("text is raw: " << text_is_raw);
    CHECK(joined == encode_document(d));
    CHECK(raw_in_place);
    CHECK(scratch.size() < joined.size() - d.raw.size());
  }
}

TEST_CASE("a checkpoint saved in pieces loads back as the document, and only under its own key") {
  const std::filesystem::path out = std::filesystem::temp_directory_path() / ("docpipe-checkpoint-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  {
    docpipe::engine::CheckpointStore store(out);
    Document d = full_document();
    d.raw = std::string(20000, 'r');  // long enough to be written in place
    d.text = std::string(12000, 't');
    const docpipe::engine::CheckpointKey key{d.id, "content", "pipeline"};
    store.save(key, d);
    const auto back = store.load(key);
    REQUIRE(back);
    CHECK(back->raw == d.raw);
    CHECK(as_json(*back) == as_json(d));
    CHECK(!store.load({d.id, "other content", "pipeline"}));
  }
  std::filesystem::remove_all(out);
}
