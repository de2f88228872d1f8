#include <catch2/catch.hpp>

#include <filesystem>

#include "mixup_generator.hpp"
#include "repairer.hpp"
#include "test_support.hpp"
#include "docpipe/utf8.hpp"

using namespace encoding_repair;

// A copy that a scraper decoded as UTF-8 though it was GBK, writing U+FFFD for what it could not
// read (Python's errors='replace'), has lost those characters: 国务院 is ����Ժ. Nothing can be
// read back, so the stage says so and does not search the debris for damage.

namespace {

/// @p text in GBK bytes, read as UTF-8 with one U+FFFD per byte that starts no well-formed sequence.
std::string gbk_read_as_utf8(std::string_view text) {
  const auto kind = bench::Mixup::gbk_as_latin1;  // whose source encoding is GBK
  const std::string bytes = bench::encode_source(bench::keep_encodable(text, kind), kind).value();
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t k = docpipe::utf8::sequence_length(bytes, i);
    if (k == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes, i, k);
      i += k;
    }
  }
  return out;
}

bool has_diagnostic(const docpipe::Document& d, const std::string& code) {
  for (const auto& x : d.diagnostics)
    if (x.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("a copy whose characters were replaced upstream is reported, not searched", "[lost-upstream]") {
  const std::string report = test::read_file(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports" / "city_changzhou_2016.txt");
  const std::string input = gbk_read_as_utf8(report.substr(0, 6000));
  docpipe::Document d = test::raw_document(input);
  Repairer(RepairSettings{}).process(d);
  CHECK(has_diagnostic(d, "characters-lost-upstream"));
  for (const auto& r : d.repairs) CHECK(r.kind.rfind("mojibake", 0) != 0);
  CHECK_FALSE(has_diagnostic(d, "mojibake-lost-digit"));
}

TEST_CASE("a few replacement characters in a report are not a lost copy", "[lost-upstream]") {
  // Fifteen U+FFFD in a report: below the sixteen the warning needs.
  std::string text = test::read_file(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports" / "city_changzhou_2016.txt");
  for (int i = 0; i < 15; ++i) text += "\xEF\xBF\xBD\n";
  docpipe::Document d = test::raw_document(text);
  Repairer(RepairSettings{}).process(d);
  CHECK_FALSE(has_diagnostic(d, "characters-lost-upstream"));
  // Sixteen in a short text are.
  std::string short_text = "政府工作报告";
  for (int i = 0; i < 16; ++i) short_text += "\xEF\xBF\xBD";
  docpipe::Document s = test::raw_document(short_text);
  Repairer(RepairSettings{}).process(s);
  CHECK(has_diagnostic(s, "characters-lost-upstream"));
}

TEST_CASE("U+FFFD the decoder writes for bytes it rejects do not count as lost upstream", "[lost-upstream]") {
  // The input's bytes are still there: each rejected byte is a decode-error repair that keeps it.
  std::string text = "政府工作报告";
  for (int i = 0; i < 40; ++i) text += "\xFF";
  docpipe::Document d = test::raw_document(text);
  RepairSettings forced;
  forced.encoding = "utf-8";
  Repairer(forced).process(d);
  CHECK_FALSE(has_diagnostic(d, "characters-lost-upstream"));
}
