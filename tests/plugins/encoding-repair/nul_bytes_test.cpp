// Text with NUL bytes in it (a page cut from a buffer, a file padded with zeros) is read as the text
// it is, every offset exact; binary data and UTF-32 are still refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "character_sources.hpp"
#include "decoder.hpp"
#include "docpipe/utf8.hpp"
#include "nul_bytes.hpp"
#include "repair_settings.hpp"
#include "repairer.hpp"
#include "test_support.hpp"

using namespace encoding_repair;

namespace {

using test::encode;


/// The first @p bytes of a real report (shared/corpus/reports/city_baoding_2024.txt), cut at a line end.
std::string report_excerpt(std::size_t bytes) {
  std::string text = test::read_file(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports" / "city_baoding_2024.txt");
  REQUIRE(text.size() > bytes);
  text.resize(text.rfind('\n', bytes) + 1);
  return text;
}

std::string without_nuls(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '\0'), s.end());
  return s;
}

/// Every character of the text maps to input bytes that, NULs left out, are its bytes in @p charset;
/// the map covers the whole input.
void check_map(const docpipe::Document& d, const char* charset) {
  REQUIRE(d.source_map.text_size() == d.text.size());
  REQUIRE(d.source_map.source_size() == d.raw.size());
  test::check_character_sources(d, [&](std::string_view c, std::string_view bytes) {
    return without_nuls(std::string(bytes)) == encode(std::string(c), charset);
  });
}

/// The offset of the first byte of the @p n-th character at or after byte @p from of @p text.
std::size_t char_boundary(const std::string& text, std::size_t from) {
  while ((static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  return from;
}

}  // namespace

TEST_CASE("NUL bytes among text are told from binary data and UTF-32") {
  const std::string text = report_excerpt(2000);
  std::string stray = text;
  stray.insert(600, 1, '\0');
  CHECK(inspect_nul_bytes(stray).in_text);
  CHECK(inspect_nul_bytes(stray).count == 1);
  CHECK(inspect_nul_bytes(stray).first == 600);
  const std::string padded = text + std::string(65536, '\0');  // far more NULs than text: one run
  CHECK(inspect_nul_bytes(padded).in_text);
  CHECK(inspect_nul_bytes(padded).runs == 1);

  std::string utf32;  // every code unit has NULs: one run a character
  for (char c : std::string("Government work report, 2024. The economy grew by 5.5 per cent.")) utf32 += std::string(1, c) + std::string(3, '\0');
  CHECK_FALSE(inspect_nul_bytes(utf32).in_text);
  std::string compressed;  // bytes of every value: about one in eight a control character
  for (int i = 0; i < 4096; ++i) compressed += static_cast<char>((i * 7919 + (i >> 5) * 104729) % 256);
  CHECK_FALSE(inspect_nul_bytes(compressed).in_text);
  CHECK_FALSE(inspect_nul_bytes(std::string(100, '\0')).in_text);  // nothing but NULs
}

TEST_CASE("UTF-8 text with NULs inside a character, between characters and as padding reads as the text") {
  const std::string text = report_excerpt(2000);
  std::string raw = text;
  const std::size_t between = char_boundary(text, 300);
  const std::size_t inside = char_boundary(text, 900) + 1;  // after the lead byte of a three-byte character
  REQUIRE((static_cast<unsigned char>(text[inside - 1]) & 0xE0) == 0xE0);
  raw.insert(inside, 3, '\0');
  raw.insert(between, 1, '\0');
  raw += std::string(4096, '\0');
  docpipe::Document d = test::raw_document(raw);
  decode_document(d, "auto", "encoding-repair");
  CHECK(d.encoding.name == "UTF-8");
  CHECK(d.text == text);
  check_map(d, "UTF-8");
  REQUIRE(d.repairs.size() == 3);
  // In input order, each over its NULs exactly; the text spans are empty, after what they follow.
  CHECK(d.repairs[0].source_begin == between);
  CHECK(d.repairs[0].source_end == between + 1);
  CHECK(d.repairs[0].span.begin == between);
  CHECK(d.repairs[1].source_begin == inside + 1);
  CHECK(d.repairs[1].source_end == inside + 4);
  CHECK(d.repairs[1].span.begin == inside + 2);  // after the character the NULs split
  CHECK(d.repairs[1].before == "\\x00\\x00\\x00");
  CHECK(d.repairs[2].source_begin == text.size() + 4);
  CHECK(d.repairs[2].source_end == raw.size());
  CHECK(d.repairs[2].span.begin == text.size());
  for (const auto& r : d.repairs) {
    CHECK(r.kind == "control");
    CHECK(r.span.empty());
    CHECK(r.after.empty());
  }
}

TEST_CASE("GBK with NULs inside a character stays in step, and decode errors after NULs keep their offsets") {
  const std::string text = report_excerpt(1500);
  const std::string gbk = encode(text, "GB18030");
  std::string raw = gbk;
  std::size_t inside = 400;
  while (static_cast<unsigned char>(raw[inside]) < 0x81) ++inside;  // a lead byte; its trail follows
  raw.insert(inside + 1, 2, '\0');
  raw.insert(10, 1, '\0');
  raw += std::string("\0\xFF", 2);  // a byte no encoding reads, after a NUL
  docpipe::Document d = test::raw_document(raw);
  decode_document(d, "auto", "encoding-repair");
  CHECK(d.encoding.name == "GB18030");
  CHECK(d.text == text + "\xEF\xBF\xBD");
  REQUIRE(d.source_map.source_size() == raw.size());
  std::size_t errors = 0;
  for (const auto& r : d.repairs)
    if (r.kind == "decode-error") {
      ++errors;
      CHECK(r.source_begin == raw.size() - 1);
      CHECK(r.source_end == raw.size());
      CHECK(r.before == "\\xFF");
    }
  CHECK(errors == 1);
  CHECK(test::kinds(d)["control"] == 3);
}

TEST_CASE("a forced legacy encoding also leaves NULs out; UTF-16 keeps its zero bytes") {
  const std::string text = "二〇二四年政府工作报告：全年地区生产总值增长6.4%。\n";
  std::string raw = encode(text, "GB18030");
  raw.insert(3, 1, '\0');  // inside 〇
  docpipe::Document d = test::raw_document(raw);
  decode_document(d, "gb18030", "encoding-repair");
  CHECK(d.text == text);

  docpipe::Document u = test::raw_document("\xFF\xFE" + encode(text, "UTF-16LE"));
  decode_document(u, "auto", "encoding-repair");
  CHECK(u.encoding.name == "UTF-16LE");
  CHECK(u.text == text);
  CHECK(u.repairs.empty());
}

TEST_CASE("the stage warns of NUL bytes and where the first one is; UTF-16 padding is one repair") {
  const std::string text = report_excerpt(800);
  std::string raw = text;
  raw.insert(char_boundary(text, 200), 2, '\0');
  docpipe::Document d = test::raw_document(raw);
  Repairer(RepairSettings{}).process(d);
  CHECK(d.text == text);
  bool warned = false;
  for (const auto& diag : d.diagnostics)
    if (diag.code == "nul-bytes") {
      warned = true;
      CHECK(diag.severity == docpipe::Severity::warning);
      CHECK_THAT(diag.message, Catch::Contains("2 NUL bytes in 1 run") && Catch::Contains("offset " + std::to_string(char_boundary(text, 200))));
    }
  CHECK(warned);

  // U+0000 code units padding UTF-16 text: the cleaner removes the run as one repair.
  docpipe::Document u = test::raw_document("\xFF\xFE" + encode(text, "UTF-16LE") + std::string(64, '\0'));
  Repairer(RepairSettings{}).process(u);
  CHECK(u.text == text);
  REQUIRE(test::kinds(u)["control"] == 1);
  for (const auto& diag : u.diagnostics) CHECK(diag.code != "nul-bytes");
}
