#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "char_model.hpp"
#include "character_sources.hpp"
#include "decode_utf8_stretches.hpp"
#include "decoder.hpp"
#include "docpipe/utf8.hpp"
#include "test_support.hpp"

using namespace encoding_repair;

namespace {
using test::encode;
docpipe::Document decoded(std::string raw, std::string_view forced = "auto") {
  docpipe::Document d = test::raw_document(std::move(raw));
  decode_document(d, forced, "encoding-repair");
  return d;
}
/// Every code point of the text maps back to whole source bytes that decode to it.
void check_map_exact(const docpipe::Document& d, const char* charset) {
  test::check_character_sources(d, [&](std::string_view c, std::string_view bytes) {
    return c == "\xEF\xBF\xBD" || encode(std::string(c), charset) == bytes;
  });
}
const std::string kSample = "二〇二四年政府工作报告：经济运行稳中向好，高质量发展扎实推进。全年地区生产总值增长6.4%。";
const std::string kTraditional = "二零二四年政府工作報告：經濟運行穩中向好，高質量發展紮實推進。全年地區生產總值增長6.4%。";
}  // namespace

TEST_CASE("valid UTF-8 passes through with an identity map") {
  const auto d = decoded(kSample);
  CHECK(d.text == kSample);
  CHECK(d.encoding.name == "UTF-8");
  CHECK(d.encoding.confidence == 1.0);
  CHECK(d.repairs.empty());
  CHECK(d.source_map.runs().size() == 1);
}

TEST_CASE("a UTF-8 byte order mark is dropped from the text and kept in the map") {
  const auto d = decoded("\xEF\xBB\xBF" + kSample);
  CHECK(d.text == kSample);
  CHECK(d.encoding.bom);
  CHECK(d.source_map.to_source(0) == 3);
}

TEST_CASE("UTF-16 with either byte order mark") {
  for (const char* cs : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bom = std::string(cs) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    const auto d = decoded(bom + encode(kSample + " 𠀀", cs));
    CHECK(d.encoding.name == cs);
    CHECK(d.text == kSample + " 𠀀");
    CHECK(d.repairs.empty());
    CHECK(d.source_map.to_source(0) == 2);
  }
}

TEST_CASE("UTF-16 without a BOM is recognized by its NUL pattern") {
  const auto d = decoded(encode("Annual report 2024, GDP grew 5.2 percent.", "UTF-16LE"));
  CHECK(d.encoding.name == "UTF-16LE");
  CHECK(d.text == "Annual report 2024, GDP grew 5.2 percent.");
}

TEST_CASE("an unpaired surrogate and an odd trailing byte in UTF-16 are decode errors") {
  const auto d = decoded(std::string("\xFF\xFE" "A\x00\x00\xD8" "B\x00" "C", 9));
  CHECK(d.text == "A\xEF\xBF\xBD" "B\xEF\xBF\xBD");
  REQUIRE(d.repairs.size() == 2);
  CHECK(d.repairs[0].source_begin == 4);
  CHECK(d.repairs[0].source_end == 6);
  CHECK(d.repairs[1].before == "\\x43");
}

TEST_CASE("GBK and GB18030 input is detected and decoded with an exact map") {
  const std::string raw = encode(kSample, "GB18030");
  const auto d = decoded(raw);
  CHECK(d.encoding.name == "GB18030");
  CHECK(d.encoding.confidence > 0.9);
  CHECK(d.text == kSample);
  check_map_exact(d, "GB18030");
  // A character outside GBK takes a four-byte GB18030 sequence.
  const auto four = decoded(encode(kSample + "€𠀀", "GB18030"), "gb18030");
  CHECK(four.text == kSample + "€𠀀");
}

TEST_CASE("Big5 input is detected and decoded with an exact map") {
  const std::string raw = encode(kTraditional, "Big5");
  const auto d = decoded(raw);
  CHECK(d.encoding.name == "Big5");
  CHECK(d.text == kTraditional);
  check_map_exact(d, "Big5");
}

TEST_CASE("the real GBK originals of the corpus decode like their UTF-8 conversions") {
  // corpus/SOURCES.md: the _gbkscrape reports were decoded strictly as GB18030 from these files.
  const auto dir = std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus";
  const auto d = decoded(test::read_file(dir / "encoding-samples" / "national_2008_gbk_original.txt"));
  CHECK(d.encoding.name == "GB18030");
  CHECK(d.repairs.empty());
  CHECK(d.text == test::read_file(dir / "reports" / "national_2008_gbkscrape.txt"));
}

TEST_CASE("an invalid UTF-8 byte becomes U+FFFD and a decode-error repair at its offset") {
  const std::string raw = "经济\xFF增长";
  const auto d = decoded(raw, "utf-8");
  CHECK(d.text == "经济\xEF\xBF\xBD增长");
  REQUIRE(d.repairs.size() == 1);
  CHECK(d.repairs[0].kind == "decode-error");
  CHECK(d.repairs[0].source_begin == 6);
  CHECK(d.repairs[0].source_end == 7);
  CHECK(d.repairs[0].before == "\\xFF");
  CHECK(d.repairs[0].span.of(d.text) == "\xEF\xBF\xBD");
  CHECK(d.source_map.to_source(d.text.find("增")) == 7);
}

TEST_CASE("truncated UTF-8 at the end: each byte is one recorded error") {
  const auto d = decoded(kSample + "\xE5\xA2", "utf-8");
  CHECK(d.repairs.size() == 2);
  CHECK(d.repairs.back().source_end == kSample.size() + 2);
}

TEST_CASE("a lone GBK lead byte at the end is a recorded error and nothing is dropped") {
  const std::string raw = encode(kSample, "GB18030") + "\xD6";
  const auto d = decoded(raw, "gb18030");
  CHECK(d.text == kSample + "\xEF\xBF\xBD");
  REQUIRE(d.repairs.size() == 1);
  CHECK(d.repairs[0].source_begin == raw.size() - 1);
  CHECK(d.repairs[0].before == "\\xD6");
}

TEST_CASE("a GBK lead byte before an invalid trail: the lead is an error and the ASCII survives") {
  const auto d = decoded("\xD6\xD0\xB9<b>", "gb18030");
  CHECK(d.text == "中\xEF\xBF\xBD<b>");
  REQUIRE(d.repairs.size() == 1);
  CHECK(d.repairs[0].source_begin == 2);
}

TEST_CASE("binary input is a clear error naming the first NUL byte") {
  std::string raw = "%PDF-1.4\n%";
  raw += std::string("\x00\x9C\x01\xFF\x00\x00\x10", 7);
  try {
    decoded(raw);
    FAIL("no exception");
  } catch (const BinaryInput& e) {
    CHECK(std::string(e.what()).find("offset 10") != std::string::npos);
  }
}

TEST_CASE("a forced encoding overrides detection") {
  const auto d = decoded(kSample, "gb18030");
  CHECK(d.encoding.name == "GB18030");
  CHECK(d.encoding.confidence == 1.0);
  CHECK(d.text != kSample);  // UTF-8 bytes read as GBK: mojibake, as asked
}

TEST_CASE("detection calls UTF-8 exactly what the SDK's validator calls UTF-8") {
  // The detector has its own fast validator; damaged copies of CJK text (overlong, surrogate and
  // truncated sequences among them) must get the same verdict from both.
  const std::string base = kSample + "\xE0\xA4\x85\xED\x9F\xBF\xF0\x9F\x98\x80\xC2\xA0" + kTraditional;
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  std::size_t valid = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s = base;
    for (int k = 0, edits = 1 + int(next() % 2); k < edits; ++k) {
      char b = static_cast<char>(next() & 0xFF);
      if (b == 0) b = 'x';
      s[next() % s.size()] = b;
    }
    if (i % 5 == 0) s.resize(next() % s.size() + 1);
    if (s.compare(0, 3, "\xEF\xBB\xBF") == 0) continue;
    const bool sdk = docpipe::utf8::is_valid(s);
    valid += sdk;
    const Detection d = detect_encoding(s);
    if (sdk != (d.evidence == "valid UTF-8")) FAIL_CHECK("verdicts differ on case " << i);
  }
  CHECK(valid > 100);
  CHECK(valid < 2900);
}

TEST_CASE("text decoded with an error every few bytes keeps an exact map") {
  // UTF-8 bytes read as Big5: trail bytes 0x80..0xA0 are invalid, so errors and pairs alternate.
  const auto d = decoded(kSample + "\n" + kTraditional, "big5");
  CHECK(d.source_map.text_size() == d.text.size());
  CHECK(d.source_map.source_size() == d.raw.size());
  CHECK(docpipe::utf8::is_valid(d.text));
  REQUIRE(d.repairs.size() > 10);
  for (const auto& r : d.repairs) {
    CHECK(d.source_map.to_source(r.span.begin) == r.source_begin);
    CHECK(d.source_map.to_source_end(r.span.end) == r.source_end);
    CHECK(d.text.substr(r.span.begin, r.span.end - r.span.begin) == "\xEF\xBF\xBD");
  }
}

namespace {
/// @p bytes in @p charset converted to UTF-8 with ICU.
std::string icu_decode(const std::string& bytes, const char* charset) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(bytes.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &st);
  REQUIRE(U_SUCCESS(st));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

/// The detector's score of reading @p sample as @p forced, computed from the decoded text: the mean
/// unigram log10 probability of its non-ASCII characters, plus its decode errors per character at
/// four times the cost of an unknown character.
struct Reading {
  std::string name;
  double score;
  std::size_t chars;
};
Reading reference_reading(const std::string& sample, const char* forced, const char* name) {
  const docpipe::Document d = decoded(sample, forced);
  const CharModel& model = CharModel::embedded();
  std::size_t chars = 0, scored = 0, errors = 0;
  double total = 0;
  for (std::size_t pos = 0; pos < d.text.size();) {
    const char32_t c = docpipe::utf8::next(d.text, pos);
    ++chars;
    if (c < 0x80) continue;
    total += model.unigram(c);
    ++scored;
  }
  for (const auto& r : d.repairs) errors += r.kind == "decode-error";
  const double mean = scored ? total / double(scored) : 0.0;
  const double rate = chars ? double(errors) / double(chars) : 1.0;
  return {name, mean + rate * CharModel::kUnknown * 4, chars};
}
}  // namespace

TEST_CASE("detection's verdict and confidence are the character model's formula over the three readings bit for bit") {
  // The detector scores its readings without writing them (pair tables, a byte walk for the lenient
  // UTF-8 reading, a reading that stops once it must rank last); here each reading is decoded in
  // full and scored from its text. Inputs: snippets and whole reports of the corpus in GB18030 and
  // Big5 (Big5 read as GBK meets user-defined pairs every few characters), some with stray bytes,
  // and in UTF-8 with stray bytes.
  std::vector<std::filesystem::path> reports;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports"))
    reports.push_back(e.path());
  std::sort(reports.begin(), reports.end());
  REQUIRE(reports.size() > 20);
  std::uint32_t state = 777;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  std::size_t compared = 0, below_one = 0;
  for (std::size_t i = 0; i < reports.size(); i += 8) {
    const std::string text = test::read_file(reports[i]);
    for (const char* charset : {"gb18030", "big5", "utf-8"}) {
      for (const std::size_t length : {std::size_t{24}, std::size_t{90}, std::size_t{400}, std::size_t{20000}}) {
        std::size_t begin = next() % (text.size() / 2), end = std::min(text.size(), begin + length);
        while (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
        std::string raw = encode(text.substr(begin, end - begin), charset);
        // UTF-8 with stray bytes: the lenient UTF-8 reading wins, or nearly, and must not be cut.
        if (next() % 3 == 0 || std::string_view(charset) == "utf-8")
          for (int k = 0; k < 3; ++k) raw.insert(next() % (raw.size() + 1), 1, static_cast<char>(0x80 | (next() & 0x7F)));
        if (raw.empty() || docpipe::utf8::is_valid(raw) || raw.find('\0') != std::string::npos) continue;
        std::string sample = raw.substr(0, 8 * 1024);
        while (!sample.empty() && sample.size() < raw.size() && (static_cast<unsigned char>(sample.back()) & 0x80))
          sample.pop_back();
        std::vector<Reading> readings = {reference_reading(sample, "utf-8", "UTF-8"),
                                         reference_reading(sample, "gb18030", "GB18030"),
                                         reference_reading(sample, "big5", "Big5")};
        std::sort(readings.begin(), readings.end(), [](const Reading& a, const Reading& b) { return a.score > b.score; });
        const double margin = readings[0].score - readings[1].score;
        if (margin < 0.2) continue;  // ICU's detector breaks the tie: not this formula alone
        const double weight = std::min<double>(double(readings[0].chars), 50.0);
        const double confidence = 1.0 / (1.0 + std::pow(10.0, -margin * weight));
        const Detection d = detect_encoding(raw);
        INFO(reports[i].filename().string() << " as " << charset << ", " << raw.size() << " bytes");
        CHECK(d.name == readings[0].name);
        CHECK(d.confidence == confidence);
        ++compared;
        below_one += confidence < 1.0;
      }
    }
  }
  CHECK(compared > 60);
  CHECK(below_one > 3);  // some verdicts are close enough for the last bits to show
}

TEST_CASE("user-defined-area pairs decode as ICU's GB18030 converter reads them every time") {
  // Every pair of the three user-defined areas of GBK (AAA1-AFFE, F8A1-FEFE, A140-A7A0), among
  // ordinary characters; decoded twice, since the decoder remembers each pair's reading after the first.
  std::string raw;
  auto add = [&raw](unsigned lead, unsigned trail) {
    raw += static_cast<char>(lead);
    raw += static_cast<char>(trail);
    if (trail % 16 == 0) raw += encode("政府", "gb18030") + "\n";
  };
  for (unsigned lead = 0xAA; lead <= 0xAF; ++lead)
    for (unsigned trail = 0xA1; trail <= 0xFE; ++trail) add(lead, trail);
  for (unsigned lead = 0xF8; lead <= 0xFE; ++lead)
    for (unsigned trail = 0xA1; trail <= 0xFE; ++trail) add(lead, trail);
  for (unsigned lead = 0xA1; lead <= 0xA7; ++lead)
    for (unsigned trail = 0x40; trail <= 0xA0; ++trail)
      if (trail != 0x7F) add(lead, trail);
  const std::string expected = icu_decode(raw, "gb18030");
  for (int round = 0; round < 2; ++round) {
    const auto d = decoded(raw, "gb18030");
    CHECK(d.text == expected);
    CHECK(d.source_map.source_size() == raw.size());
  }
}

// Mixed encodings: pages stitched together keep each part in its own encoding.
namespace {
const std::string kUtf8Part = "一、过去一年工作回顾。全区地区生产总值增长5.6%，经济运行稳中向好。";
const std::string kLegacyPart = "二、今年工作安排。坚持稳中求进工作总基调，推动高质量发展。";
const std::string kUtf8Tail = "三、加强政府自身建设，我们要深入贯彻落实党的二十大精神。";
/// The repairs of @p d of kind mojibake-mixed-encoding.
std::vector<docpipe::Repair> mixed_repairs(const docpipe::Document& d) {
  std::vector<docpipe::Repair> out;
  for (const auto& r : d.repairs)
    if (r.kind == "mojibake-mixed-encoding") out.push_back(r);
  return out;
}
/// Each repair's text span maps to its source span, and its `after` is its text.
void check_repair_spans(const docpipe::Document& d) {
  for (const auto& r : d.repairs) {
    CHECK(d.source_map.to_source(r.span.begin) == r.source_begin);
    CHECK(d.source_map.to_source_end(r.span.end) == r.source_end);
    CHECK(d.text.substr(r.span.begin, r.span.end - r.span.begin) == r.after);
  }
}
}  // namespace

TEST_CASE("a GBK paragraph inside UTF-8 text is read as GBK and recorded at its exact bytes") {
  const std::string gbk = encode(kLegacyPart, "GBK");
  const std::string raw = kUtf8Part + "\n" + gbk + "\n" + kUtf8Tail;
  const auto d = decoded(raw);
  CHECK(d.text == kUtf8Part + "\n" + kLegacyPart + "\n" + kUtf8Tail);
  CHECK(d.encoding.name == "UTF-8");
  const auto m = mixed_repairs(d);
  REQUIRE(m.size() == 1);
  CHECK(d.repairs.size() == 1);
  CHECK(m[0].source_begin == kUtf8Part.size() + 1);
  CHECK(m[0].source_end == kUtf8Part.size() + 1 + gbk.size());
  CHECK(m[0].after == kLegacyPart);
  // What UTF-8 alone made of those bytes: the undecodable ones as \xHH.
  CHECK(m[0].before.rfind("\\xB6\\xFE", 0) == 0);
  CHECK(m[0].note.find("GB18030") != std::string::npos);
  check_repair_spans(d);
}

TEST_CASE("a UTF-8 paragraph inside GBK text: the document stays GB18030 and the UTF-8 part is the repair") {
  const std::string utf8 = kLegacyPart;
  const std::string raw = encode(kUtf8Part, "GBK") + "\n" + utf8 + "\n" + encode(kUtf8Tail + kUtf8Part, "GBK");
  const auto d = decoded(raw);
  CHECK(d.text == kUtf8Part + "\n" + kLegacyPart + "\n" + kUtf8Tail + kUtf8Part);
  CHECK(d.encoding.name == "GB18030");
  const auto m = mixed_repairs(d);
  REQUIRE(m.size() == 1);
  CHECK(d.repairs.size() == 1);
  const std::size_t begin = encode(kUtf8Part, "GBK").size() + 1;
  CHECK(m[0].source_begin == begin);
  CHECK(m[0].source_end == begin + utf8.size());
  CHECK(m[0].after == kLegacyPart);
  // The GB18030 reading of the UTF-8 bytes, as the whole-file decoding showed it (its one
  // undecodable byte, the last, as \xHH).
  const auto alone = decoded(utf8, "gb18030");
  REQUIRE(alone.repairs.size() == 1);
  CHECK(m[0].before == alone.text.substr(0, alone.repairs[0].span.begin) + alone.repairs[0].before);
  CHECK(m[0].before != m[0].after);
  check_repair_spans(d);
}

TEST_CASE("UTF-8 mixed with Big5 either way round") {
  const std::string a = "二零二四年政府工作報告：經濟運行穩中向好，高質量發展紮實推進。";
  const std::string b = "全年地區生產總值增長百分之六點四，城鄉居民收入穩步增長。";
  const std::string c = "堅持穩中求進工作總基調，推動經濟實現質的有效提升。";
  SECTION("Big5 inside UTF-8") {
    const auto d = decoded(a + encode(b, "Big5") + c);
    CHECK(d.text == a + b + c);
    CHECK(d.encoding.name == "UTF-8");
    const auto m = mixed_repairs(d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].source_begin == a.size());
    CHECK(m[0].source_end == a.size() + encode(b, "Big5").size());
    CHECK(m[0].note.find("Big5") != std::string::npos);
    check_repair_spans(d);
  }
  SECTION("UTF-8 inside Big5") {
    const auto d = decoded(encode(a, "Big5") + b + encode(c + a, "Big5"));
    CHECK(d.text == a + b + c + a);
    CHECK(d.encoding.name == "Big5");
    const auto m = mixed_repairs(d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].source_begin == encode(a, "Big5").size());
    CHECK(m[0].source_end == encode(a, "Big5").size() + b.size());
    check_repair_spans(d);
  }
}

TEST_CASE("mixed parts without line breaks and with a boundary inside ASCII") {
  SECTION("no separator at all") {
    const auto d = decoded(kUtf8Part + encode(kLegacyPart, "GBK") + kUtf8Tail);
    CHECK(d.text == kUtf8Part + kLegacyPart + kUtf8Tail);
    const auto m = mixed_repairs(d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].source_begin == kUtf8Part.size());
    CHECK(m[0].source_end == kUtf8Part.size() + encode(kLegacyPart, "GBK").size());
  }
  SECTION("ASCII between the parts belongs to neither repair") {
    const std::string ascii = " (2024, p. 7) ";
    const auto d = decoded(kUtf8Part + ascii + encode(kLegacyPart + "2025" + kUtf8Tail, "GBK") + ascii + kUtf8Part);
    CHECK(d.text == kUtf8Part + ascii + kLegacyPart + "2025" + kUtf8Tail + ascii + kUtf8Part);
    const auto m = mixed_repairs(d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].source_begin == kUtf8Part.size() + ascii.size());
    CHECK(m[0].after == kLegacyPart + "2025" + kUtf8Tail);
    check_repair_spans(d);
  }
  SECTION("GBK characters that are well-formed UTF-8 at the edges go back to GBK") {
    // 展 and 全 are C2-DF plus a trail byte in GBK: a greedy UTF-8 reading takes them in.
    const std::string before = "推动高质量发展", after = "全面建设现代化";
    const auto d = decoded(encode(kUtf8Tail + before, "GBK") + kLegacyPart + encode(after + kUtf8Tail, "GBK"));
    CHECK(d.text == kUtf8Tail + before + kLegacyPart + after + kUtf8Tail);
    const auto m = mixed_repairs(d);
    REQUIRE(m.size() == 1);
    CHECK(m[0].after == kLegacyPart);
    check_repair_spans(d);
  }
}

TEST_CASE("UTF-8 with a few stray invalid bytes is not mixed: they stay decode errors") {
  const std::string text = kUtf8Part + kLegacyPart + kUtf8Tail;
  // A byte no encoding has, a sequence cut short, and a lone GBK-looking pair.
  const std::string raw = kUtf8Part + "\xFF" + kLegacyPart + std::string("\xE4\xB8") + kUtf8Tail + "\xC4\xE3" + "\n" + kUtf8Part;
  const auto d = decoded(raw);
  CHECK(d.encoding.name == "UTF-8");
  CHECK(mixed_repairs(d).empty());
  CHECK(test::kinds(d)["decode-error"] == 5);
  CHECK(d.text.find(kLegacyPart) != std::string::npos);
}

TEST_CASE("no GBK or Big5 copy of a corpus report holds a UTF-8 stretch by evidence") {
  // The threshold's margin: the longest chance stretch of the benchmark corpus holds 3 three-byte sequences.
  std::size_t reports = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports")) {
    const std::string text = test::read_file(e.path());
    // Characters GBK lacks are dropped: the test is about the bytes of those it has.
    for (const char* charset : {"GBK", "Big5"}) {
      UErrorCode st = U_ZERO_ERROR;
      UConverter* conv = ucnv_open(charset, &st);
      ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_SKIP, nullptr, nullptr, nullptr, &st);
      std::u16string u(text.size() + 1, u'\0');
      int32_t ulen = 0;
      u_strFromUTF8(reinterpret_cast<UChar*>(u.data()), static_cast<int32_t>(u.size()), &ulen, text.data(),
                    static_cast<int32_t>(text.size()), &st);
      std::string out(static_cast<std::size_t>(ulen) * 2 + 16, '\0');
      const int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), reinterpret_cast<const UChar*>(u.data()), ulen, &st);
      ucnv_close(conv);
      REQUIRE(U_SUCCESS(st));
      out.resize(static_cast<std::size_t>(n));
      INFO(e.path().filename().string() << " as " << charset);
      CHECK(find_utf8_stretches(out).empty());
      CHECK(find_utf8_stretches(out, 4).empty());
    }
    ++reports;
  }
  CHECK(reports >= 195);
}

TEST_CASE("UTF-16 without a BOM: CJK text is recognized by its characters in both byte orders") {
  const std::string text = kUtf8Part + "\n" + kLegacyPart;
  for (const char* order : {"UTF-16LE", "UTF-16BE"}) {
    const std::string raw = encode(text, order);
    REQUIRE(raw.find('\0') != std::string::npos);
    const auto d = decoded(raw);
    CHECK(d.encoding.name == order);
    CHECK(d.text == text);
    CHECK(d.repairs.empty());
  }
}

TEST_CASE("binary data with NUL bytes on both parities is still rejected") {
  std::string raw;
  for (int i = 0; i < 4000; ++i) raw += static_cast<char>((i * 7919 + (i >> 3) * 104729) % 256);
  raw[5] = '\0';
  CHECK_THROWS_AS(decoded(raw), BinaryInput);
  // An ELF header and zero padding.
  std::string elf = std::string("\x7F" "ELF\x02\x01\x01", 7) + std::string(9, '\0') + std::string("\x03\x00\x3E\x00", 4);
  for (int i = 0; i < 200; ++i) elf += std::string("\x48\x89\xE5\x00\x00\x00\x00\xC3", 8);
  CHECK_THROWS_AS(decoded(elf), BinaryInput);
}

TEST_CASE("random bytes inside UTF-8 text are not read as GBK: their reading is not probable text") {
  std::string junk;
  for (int i = 0; i < 40; ++i) junk += static_cast<char>(0x80 + (i * 37 + 11) % 128);
  const auto d = decoded(kUtf8Part + junk + kUtf8Tail);
  CHECK(d.encoding.name == "UTF-8");
  CHECK(mixed_repairs(d).empty());
  CHECK(test::kinds(d)["decode-error"] > 0);
  CHECK(d.text.rfind(kUtf8Part, 0) == 0);
}

TEST_CASE("a part with evidence of neither encoding is read in the main one") {
  // Three GB18030 characters (one of four bytes) are too few to be a GB18030 part of their own, but
  // the document is GB18030: they read as such.
  const std::string head = "。𠀀€";
  const auto d = decoded(encode(head, "GB18030") + kUtf8Part + encode(kLegacyPart + kUtf8Tail, "GB18030"));
  CHECK(d.encoding.name == "GB18030");
  CHECK(d.text == head + kUtf8Part + kLegacyPart + kUtf8Tail);
  const auto m = mixed_repairs(d);
  REQUIRE(m.size() == 1);
  CHECK(m[0].after == kUtf8Part);
  CHECK(test::kinds(d).count("decode-error") == 0);
}

TEST_CASE("UTF-8 stretches are found at every alignment and length of the input around them") {
  // The search steps 32 bytes at a time with a 64-byte window and reads the rest one byte at a time:
  // a stretch across a block boundary, in the last bytes, or in an input shorter than a window must
  // come out the same.
  const std::string stretch = "二〇二四年政府工作报告";  // 11 three-byte sequences
  const std::string gbk = encode("经济运行稳中向好", "GBK");
  for (std::size_t pad = 0; pad < 80; ++pad) {
    for (const std::size_t tail : {std::size_t{0}, std::size_t{1}, std::size_t{40}, std::size_t{100}}) {
      const std::string before = std::string(pad, 'a') + gbk;
      const std::string raw = before + stretch + gbk.substr(0, tail % (gbk.size() + 1)) + std::string(tail, 'z');
      INFO("pad " << pad << " tail " << tail);
      const auto found = find_utf8_stretches(raw);
      REQUIRE(found.size() == 1);
      CHECK(found[0].begin == before.size());
      CHECK(found[0].end == before.size() + stretch.size());
      CHECK(found[0].long_sequences == 11);
    }
  }
  // Five in a row are not evidence, nor six that are never two in a row.
  CHECK(find_utf8_stretches(gbk + "政府工作报" + gbk).empty());
  CHECK(find_utf8_stretches(gbk + "政a府b工c作d报e告" + gbk).empty());
  CHECK(find_utf8_stretches(gbk + "政a府b工c作d报告" + gbk).size() == 1);
}
