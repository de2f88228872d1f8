#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "repairer.hpp"
#include "test_support.hpp"

using namespace encoding_repair;
namespace fs = std::filesystem;

// shared/corpus/reports: 195 clean reports. The stage may only clean them (the documented cleaning
// kinds); it must never see mojibake or undecodable bytes in them.
TEST_CASE("clean reports come through with cleaning only", "[corpus]") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 190);
  const std::set<std::string> cleaning = {"html", "escape", "control", "whitespace"};
  Repairer repairer(RepairSettings{});
  std::map<std::string, int> totals;
  int unchanged = 0;
  for (const auto& f : files) {
    docpipe::Document d = test::raw_document(test::read_file(f), f.stem().string());
    repairer.process(d);
    INFO(f.filename().string());
    CHECK(d.encoding.name == "UTF-8");
    for (const auto& r : d.repairs) {
      INFO(r.kind << ": '" << r.before << "' -> '" << r.after << "'");
      CHECK(r.kind.rfind("mojibake", 0) != 0);
      CHECK(r.kind != "decode-error");
      CHECK(cleaning.count(r.kind) == 1);
      ++totals[r.kind];
    }
    // Outside the recorded repairs the text is byte-identical to the input.
    std::string rebuilt;
    std::size_t pos = 0;
    for (const auto& r : d.repairs) {
      rebuilt += d.text.substr(pos, r.span.begin - pos) + r.before;
      pos = r.span.end;
    }
    rebuilt += d.text.substr(pos);
    CHECK(rebuilt == d.raw);
    unchanged += d.repairs.empty();
  }
  for (const auto& [kind, n] : totals) WARN(kind << ": " << n << " repairs");
  WARN(unchanged << " of " << files.size() << " reports needed no cleaning at all");
}
