#include <catch2/catch.hpp>

#include "punctuation.hpp"

using namespace encoding_repair;

namespace {
std::string apply(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& e : find_fullwidth_restorations(text)) {
    out += text.substr(pos, e.begin - pos) + e.after;
    pos = e.end;
  }
  return out + text.substr(pos);
}
}  // namespace

TEST_CASE("folded punctuation in Chinese prose goes back to full width") {
  CHECK(apply("现在,我代表区人民政府向大会报告工作,请予审议。") == "现在，我代表区人民政府向大会报告工作，请予审议。");
  CHECK(apply("各位代表:") == "各位代表：");
  CHECK(apply("考核办法(试行)等") == "考核办法（试行）等");
  CHECK(apply("增长6.4%;社会") == "增长6.4%;社会");  // after a number: not prose, left alone
}

TEST_CASE("punctuation in numbers and Latin text stays ASCII") {
  CHECK(apply("1,254万美元") == "1,254万美元");
  CHECK(apply("VOCs (volatile), ok") == "VOCs (volatile), ok");
  CHECK(apply("上午10:30") == "上午10:30");
}

TEST_CASE("is_cjk covers ideographs and CJK punctuation only") {
  CHECK(is_cjk(U'中'));
  CHECK(is_cjk(U'。'));
  CHECK_FALSE(is_cjk(U'a'));
  CHECK_FALSE(is_cjk(U'5'));
}
