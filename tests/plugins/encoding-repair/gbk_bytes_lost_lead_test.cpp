// A lost lead byte in GBK bytes that this stage decodes itself (not, as in the seed, text another
// decoder read out of step): its decoder keeps a user-defined pair read out of step as a private-use
// character, and writes U+FFFD for a lead byte before an invalid trail while keeping that ASCII byte.
// The lost-byte search reads both (tests/bench/encoding-repair/legacy_bytes_damage.py measures it on
// every held-out report).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "docpipe/utf8.hpp"
#include "repair_settings.hpp"
#include "repairer.hpp"
#include "test_support.hpp"

using namespace encoding_repair;

namespace {

std::string to_gbk(const std::string& utf8) { return test::encode(utf8, "GBK"); }

/// Lines of a held-out report (shared/corpus/reports, every fifth in sorted order is held out of
/// the character model) of at least @p min_bytes.
std::vector<std::string> long_lines(const char* report, std::size_t min_bytes) {
  std::ifstream in(std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports" / report);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (line.size() >= min_bytes) lines.push_back(line + "\n");
  return lines;
}

struct Outcome {
  std::size_t sites = 0, exact = 0;
  std::size_t private_use = 0, private_use_exact = 0;  // the damaged reading holds a user-defined pair
  std::size_t rejected = 0, rejected_exact = 0;        // the damaged run ends at a rejected lead byte
};

/// Every @p step-th lead byte of @p lines' GBK bytes turned into `?`, one at a time, through the stage.
Outcome damage_each(const std::vector<std::string>& lines, std::size_t step) {
  Outcome o;
  for (const std::string& line : lines) {
    const std::string clean = to_gbk(line);
    docpipe::Document undamaged = test::raw_document(clean);
    Repairer(RepairSettings{}).process(undamaged);
    std::size_t lead_index = 0;
    for (std::size_t i = 0; i + 1 < clean.size();) {
      if (static_cast<unsigned char>(clean[i]) < 0x81) {
        ++i;
        continue;
      }
      if (lead_index++ % step == 0) {
        std::string raw = clean;
        raw[i] = '?';
        docpipe::Document d = test::raw_document(raw);
        RepairSettings decode_only;
        decode_only.repair_mojibake = false;
        Repairer(decode_only).process(d);
        const std::string as_decoded = d.text;
        docpipe::Document r = test::raw_document(raw);
        Repairer(RepairSettings{}).process(r);
        const bool exact = r.text == undamaged.text;
        ++o.sites;
        o.exact += exact;
        // What the decoder made of the run: a private-use character, a U+FFFD.
        const std::size_t at = as_decoded.find('?');
        const std::string run = at == std::string::npos ? std::string() : as_decoded.substr(at, 120);
        bool pua = false;
        for (std::size_t p = 0; p < run.size();) {
          const char32_t c = docpipe::utf8::next(run, p);
          pua |= c >= 0xE000 && c <= 0xF8FF;
        }
        if (pua) ++o.private_use, o.private_use_exact += exact;
        if (run.find("\xEF\xBF\xBD") != std::string::npos) ++o.rejected, o.rejected_exact += exact;
      }
      i += 2;
    }
  }
  return o;
}

}  // namespace

TEST_CASE("GBK bytes with a lead byte turned into `?` come back through the stage's own decoder") {
  // Three long lines of a held-out simplified report; every fifth lead byte in turn.
  std::vector<std::string> lines = long_lines("city_dalian_2024.txt", 600);
  REQUIRE(lines.size() >= 3);
  lines.resize(3);
  const Outcome o = damage_each(lines, 5);
  INFO("sites " << o.sites << ", exact " << o.exact << "; private-use " << o.private_use << " (" << o.private_use_exact
                << " exact), rejected lead " << o.rejected << " (" << o.rejected_exact << " exact)");
  REQUIRE(o.sites >= 100);
  // Both readings of this stage's decoder occur, and are read back (before, none of the runs with a
  // private-use character was: the search stopped at it).
  REQUIRE(o.private_use >= 10);
  REQUIRE(o.rejected >= 10);
  CHECK(double(o.exact) / double(o.sites) >= 0.75);
  CHECK(double(o.private_use_exact) / double(o.private_use) >= 0.6);
  CHECK(double(o.rejected_exact) / double(o.rejected) >= 0.6);
}

TEST_CASE("a lost lead byte whose own trail ends the run: `?`, U+FFFD for that trail, the ASCII byte kept") {
  // 收 (CA D5) before a line break: its lead lost, the decoder reads D5 before 0x0A as a rejected
  // lead byte. The character has no byte left but that one.
  const std::string clean = "今年粮食生产再获丰收\n全省农民收入稳步增长，城乡居民生活持续改善。\n";
  std::string raw = to_gbk(clean);
  const std::size_t at = raw.find(to_gbk("收\n"));
  REQUIRE(at != std::string::npos);
  raw[at] = '?';
  docpipe::Document d = test::raw_document(raw);
  Repairer(RepairSettings{}).process(d);
  CHECK(d.text == clean);
  bool read = false;
  for (const auto& r : d.repairs) read |= r.kind == "mojibake-lost-byte" && r.after == "收";
  CHECK(read);
}

TEST_CASE("a GBK or Big5 character whose trail byte became `?` is read back from its lead byte") {
  // Every fifth character of three long lines of a held-out report, its trail byte turned into `?`
  // (the decoder writes U+FFFD for the lead and keeps the `?`). Before src/legacy_lost_trail.*, the
  // lost-lead-byte search took the U+FFFD for a lost lead and read the `?` as a line break.
  std::vector<std::string> lines = long_lines("city_dalian_2024.txt", 600);
  REQUIRE(lines.size() >= 3);
  lines.resize(3);
  std::size_t sites = 0, exact = 0, line_breaks = 0;
  for (const std::string& line : lines) {
    const std::string clean = to_gbk(line);
    std::size_t lead_index = 0;
    for (std::size_t i = 0; i + 1 < clean.size();) {
      if (static_cast<unsigned char>(clean[i]) < 0x81) {
        ++i;
        continue;
      }
      if (lead_index++ % 5 == 0) {
        std::string raw = clean;
        raw[i + 1] = '?';
        docpipe::Document d = test::raw_document(raw);
        Repairer(RepairSettings{}).process(d);
        ++sites;
        exact += d.text == line;
        line_breaks += std::count(d.text.begin(), d.text.end(), '\n') != 1;
      }
      i += 2;
    }
  }
  INFO("sites " << sites << ", exact " << exact);
  REQUIRE(sites >= 100);
  CHECK(double(exact) / double(sites) >= 0.85);
  CHECK(line_breaks == 0);

  // Big5: 經濟 with the trail of 濟 lost.
  const std::string text = "全面推進經濟社會高質量發展，持續增進民生福祉。\n";
  std::string big5 = test::encode(text, "Big5");
  const std::size_t at = big5.find(test::encode("濟", "Big5"));
  REQUIRE(at != std::string::npos);
  big5[at + 1] = '?';
  docpipe::Document d = test::raw_document(big5);
  Repairer(RepairSettings{}).process(d);
  CHECK(d.encoding.name == "Big5");
  CHECK(d.text == text);
}

TEST_CASE("Big5 bytes with a lead byte turned into `?` are read out of step in Big5") {
  // Sentences written for this test; each character's lead byte in turn. Before the search took the
  // encoding from the document, it re-encoded Big5 input as GBK and read nothing back.
  const std::string text = "全面推進經濟社會高質量發展，持續增進民生福祉，加快建設現代化產業體系。\n"
                           "堅持穩中求進工作總基調，完整準確全面貫徹新發展理念，推動高質量發展。\n";
  const std::string clean = test::encode(text, "Big5");
  std::size_t sites = 0, exact = 0;
  for (std::size_t i = 0; i + 1 < clean.size();) {
    if (static_cast<unsigned char>(clean[i]) < 0x81) {
      ++i;
      continue;
    }
    std::string raw = clean;
    raw[i] = '?';
    docpipe::Document d = test::raw_document(raw);
    Repairer(RepairSettings{}).process(d);
    REQUIRE(d.encoding.name == "Big5");
    ++sites;
    exact += d.text == text;
    i += 2;
  }
  INFO("sites " << sites << ", exact " << exact);
  REQUIRE(sites >= 60);
  CHECK(double(exact) / double(sites) >= 0.8);
}
