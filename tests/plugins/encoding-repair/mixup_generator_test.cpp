#include <catch2/catch.hpp>

#include "mixup_generator.hpp"

using namespace encoding_repair::bench;

namespace {

std::string whatwg(std::string_view clean, Mixup kind) { return mix_up(clean, kind, WrongDecoder::whatwg).value_or("(none)"); }
std::string python(std::string_view clean, Mixup kind) { return mix_up(clean, kind, WrongDecoder::python).value_or("(none)"); }

}  // namespace

// The expected strings were worked out byte by byte from the code charts (and agree with Python's
// codecs for the python way); the comments give the bytes.
TEST_CASE("UTF-8 read as Latin-1 keeps every byte") {
  // 中 = E4 B8 AD: ä, the cedilla, a soft hyphen.
  CHECK(whatwg("中a", Mixup::utf8_as_latin1) == "\u00E4\u00B8\u00ADa");
  CHECK(python("中a", Mixup::utf8_as_latin1) == "\u00E4\u00B8\u00ADa");
  CHECK(lossless(Mixup::utf8_as_latin1, WrongDecoder::python));
}

TEST_CASE("UTF-8 read as Windows-1252: undefined bytes become C1 controls or U+FFFD") {
  // 政 E6 94 BF, 府 E5 BA 9C, 发 E5 8F 91: 0x94 is ”, 0x9C œ, 0x91 ‘ and 0x8F is undefined.
  CHECK(whatwg("政府发", Mixup::utf8_as_cp1252) == "æ”¿åºœå\u008F‘");
  CHECK(python("政府发", Mixup::utf8_as_cp1252) == "æ”¿åºœå\uFFFD‘");
  CHECK(lossless(Mixup::utf8_as_cp1252, WrongDecoder::whatwg));
  CHECK_FALSE(lossless(Mixup::utf8_as_cp1252, WrongDecoder::python));
}

TEST_CASE("GBK read as Latin-1 and as Windows-1252") {
  // 政府 = D5 FE B8 AE.
  CHECK(whatwg("政府", Mixup::gbk_as_latin1) == "Õþ¸®");
  CHECK(python("政府", Mixup::gbk_as_cp1252) == "Õþ¸®");
  // 丂 = 81 40: 0x81 is undefined in Windows-1252.
  CHECK(whatwg("丂政", Mixup::gbk_as_cp1252) == "\u0081@Õþ");
  CHECK(python("丂政", Mixup::gbk_as_cp1252) == "\uFFFD@Õþ");
}

TEST_CASE("UTF-8 read as GBK: user-defined pairs, 0x80 and ill-formed pairs") {
  // 中文 = E4B8 ADE6 9687: ADE6 is in GBK's user-defined area (U+E15F to a WHATWG decoder); Python
  // replaces its first byte and reads E6 96 as 鏂, leaving 87 alone at the end.
  CHECK(whatwg("中文", Mixup::utf8_as_gbk) == "涓\uE15F枃");
  CHECK(python("中文", Mixup::utf8_as_gbk) == "涓\uFFFD鏂\uFFFD");
  // 一一 = E4B8 80 E4B8 80: 0x80 alone is the euro sign to WHATWG, an error to Python.
  CHECK(whatwg("一一", Mixup::utf8_as_gbk) == "涓€涓€");
  CHECK(python("一一", Mixup::utf8_as_gbk) == "涓\uFFFD涓\uFFFD");
  // 中 + space = E4B8 AD 20: the pair AD 20 is ill-formed; both re-read the ASCII byte.
  CHECK(whatwg("中 ", Mixup::utf8_as_gbk) == "涓\uFFFD ");
  CHECK(python("中 ", Mixup::utf8_as_gbk) == "涓\uFFFD ");
}

TEST_CASE("Big5 read as GBK and GBK read as Big5") {
  // 報告 = B3F8 A769 in Big5; A769 is in GBK's user-defined area (U+E72F), and Python re-reads the `i`.
  CHECK(whatwg("報告", Mixup::big5_as_gbk) == "厨\uE72F");
  CHECK(python("報告", Mixup::big5_as_gbk) == "厨\uFFFDi");
  CHECK(traditional_source(Mixup::big5_as_gbk));
  // 丂中 = 8140 D6D0 in GBK: 81 starts no Big5 pair; the ASCII `@` is read again by both.
  CHECK(whatwg("丂中", Mixup::gbk_as_big5) == "\uFFFD@笢");
  CHECK(python("丂中", Mixup::gbk_as_big5) == "\uFFFD@笢");
  // 人 = C8CB, unassigned in Big5: WHATWG drops the pair as one error, Python re-reads CB (alone at the end).
  CHECK(whatwg("人", Mixup::gbk_as_big5) == "\uFFFD");
  CHECK(python("人", Mixup::gbk_as_big5) == "\uFFFD\uFFFD");
}

TEST_CASE("characters without a code in the source encoding") {
  CHECK_FALSE(mix_up("emoji 😀", Mixup::gbk_as_latin1, WrongDecoder::whatwg));
  CHECK(keep_encodable("a😀中", Mixup::gbk_as_latin1) == "a中");
  CHECK(keep_encodable("a😀中", Mixup::utf8_as_gbk) == "a😀中");
}

TEST_CASE("one line mixed up, the others clean") {
  const std::string clean = "第一行\n政府\n第三行";
  CHECK(mix_up_line(clean, 1, Mixup::gbk_as_latin1, WrongDecoder::whatwg) == "第一行\nÕþ¸®\n第三行");
  CHECK(mix_up_line(clean, 2, Mixup::utf8_as_latin1, WrongDecoder::whatwg).value().rfind("第一行\n政府\n\u00E7", 0) == 0);
  CHECK_FALSE(mix_up_line(clean, 3, Mixup::gbk_as_latin1, WrongDecoder::whatwg));
  CHECK(lines_with_non_ascii(clean, 3) == std::vector<std::size_t>{0, 2});
  CHECK(lines_with_non_ascii("a\nbc\n", 0) == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("one line in the other encoding's bytes") {
  // 政府 = D5 FE B8 AE in GBK, E6 94 BF E5 BA 9C in UTF-8.
  CHECK(mixed_bytes_line("a\n政府\nb", 1, false) == "a\n\xD5\xFE\xB8\xAE\nb");
  CHECK(mixed_bytes_line("政\n府", 1, true) == "\xD5\xFE\n\xE5\xBA\x9C");
  CHECK_FALSE(mixed_bytes_line("😀\n政府", 0, false));
  CHECK_FALSE(mixed_bytes_line("a", 1, false));
}
