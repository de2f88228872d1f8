#include <catch2/catch.hpp>

#include "script_converter.hpp"

using namespace encoding_repair;

namespace {
std::string apply_edits(const std::string& text, const std::vector<ScriptEdit>& edits) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& e : edits) {
    out += text.substr(pos, e.begin - pos) + e.after;
    pos = e.end;
  }
  return out + text.substr(pos);
}
}  // namespace

TEST_CASE("traditional to simplified, one edit per changed run") {
  ScriptConverter t2s("t2s.json");
  const std::string text = "叢臺區政府工作報告\n2024年1月\n";
  const auto edits = t2s.edits(text);
  CHECK(apply_edits(text, edits) == "丛台区政府工作报告\n2024年1月\n");
  // 叢臺區 is one run, 報告 another; 政府工作 is unchanged and not part of any edit.
  REQUIRE(edits.size() == 2);
  CHECK(text.substr(edits[0].begin, edits[0].end - edits[0].begin) == "叢臺區");
}

TEST_CASE("simplified to traditional") {
  ScriptConverter s2t("s2t.json");
  const std::string text = "经济发展";
  CHECK(apply_edits(text, s2t.edits(text)) == "經濟發展");
}

TEST_CASE("an unknown OpenCC configuration is a clear error") {
  auto load = [] { ScriptConverter converter("no-such-config.json"); };
  CHECK_THROWS_WITH(load(), Catch::Contains("no-such-config.json"));
}
