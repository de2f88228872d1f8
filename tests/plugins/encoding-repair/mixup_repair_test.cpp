#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include "char_model.hpp"
#include "mixup_repair.hpp"

using namespace encoding_repair;

namespace {
/// @p text encoded as @p right and read back as @p wrong: the mix-up, made with ICU.
std::string mix_up(const std::string& text, const char* right, const char* wrong) {
  UErrorCode st = U_ZERO_ERROR;
  std::string bytes(text.size() * 4 + 16, '\0');
  bytes.resize(static_cast<std::size_t>(ucnv_convert(right, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                                                     text.data(), static_cast<int32_t>(text.size()), &st)));
  REQUIRE(U_SUCCESS(st));
  std::string out(bytes.size() * 4 + 16, '\0');
  out.resize(static_cast<std::size_t>(ucnv_convert("UTF-8", wrong, out.data(), static_cast<int32_t>(out.size()),
                                                   bytes.data(), static_cast<int32_t>(bytes.size()), &st)));
  REQUIRE(U_SUCCESS(st));
  return out;
}
std::string repair(const std::string& text, std::string* kind = nullptr) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& f : find_mixup_fixes(text, CharModel::embedded())) {
    out += text.substr(pos, f.begin - pos) + f.after;
    pos = f.end;
    if (kind) *kind = f.kind;
  }
  return out + text.substr(pos);
}
const std::string kSimplified = "政府工作报告经济社会发展";
const std::string kTraditional = "政府工作報告經濟社會發展";
}  // namespace

TEST_CASE("UTF-8 read as GBK") {
  const std::string broken = mix_up(kSimplified, "UTF-8", "windows-936-2000");
  REQUIRE(broken != kSimplified);
  std::string kind;
  CHECK(repair("一、" + broken + "\n", &kind) == "一、" + kSimplified + "\n");
  CHECK(kind == "mojibake-utf8-as-gbk");
}

TEST_CASE("GBK read as Windows-1252") {
  const std::string broken = mix_up(kSimplified, "windows-936-2000", "windows-1252");
  std::string kind;
  CHECK(repair(broken, &kind) == kSimplified);
  CHECK(kind == "mojibake-gbk-as-latin1");
}

TEST_CASE("UTF-8 read as Windows-1252") {
  const std::string broken = mix_up(kSimplified, "UTF-8", "windows-1252");
  std::string kind;
  CHECK(repair("标题:" + broken, &kind) == "标题:" + kSimplified);
  CHECK(kind == "mojibake-utf8-as-latin1");
}

// Big5 bytes read as GBK land in GBK's user-defined area (kept as Private Use characters) and on
// box-drawing symbols: both must be mapped back.
TEST_CASE("Big5 read as GBK") {
  const std::string broken = mix_up(kTraditional, "windows-950-2000", "windows-936-2000");
  std::string kind;
  CHECK(repair(broken, &kind) == kTraditional);
  CHECK(kind == "mojibake-big5-as-gbk");
}

TEST_CASE("clean text, Latin names and quotes are left alone") {
  for (const std::string& clean : {kSimplified, kTraditional, std::string("“十四五”规划"), std::string("Café Zürich 2024"),
                                  std::string("饕餮纛瓞")}) {
    CHECK(find_mixup_fixes(clean, CharModel::embedded()).empty());
  }
}
