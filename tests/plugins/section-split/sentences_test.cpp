#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "mark_scan.hpp"
#include "sentences.hpp"

namespace {
std::vector<std::string> sentences(const std::string& text) {
  std::vector<docpipe::Span> spans;
  section_split::split_sentences(text, {0, text.size()}, spans);
  std::vector<std::string> out;
  for (auto s : spans) out.push_back(text.substr(s.begin, s.size()));
  return out;
}
}  // namespace

TEST_CASE("sentences end at 。！？； and their ASCII folds") {
  CHECK(sentences("经济回升向好。就业稳定！还有问题吗？继续努力；不断前进") ==
        std::vector<std::string>{"经济回升向好。", "就业稳定！", "还有问题吗？", "继续努力；", "不断前进"});
  CHECK(sentences("增长6.4%;社会消费品零售总额增长7.8%!好吗?是的") ==
        std::vector<std::string>{"增长6.4%;", "社会消费品零售总额增长7.8%!", "好吗?", "是的"});
}

TEST_CASE("a quotation stays whole; its closing mark stays with the sentence it ends") {
  CHECK(sentences("他说：“要各地仿效。经过试点，推广去做。”由此成为旗帜。") ==
        std::vector<std::string>{"他说：“要各地仿效。经过试点，推广去做。”", "由此成为旗帜。"});
  CHECK(sentences("实施（试行。见附表）办法。下一句。") ==
        std::vector<std::string>{"实施（试行。见附表）办法。", "下一句。"});
}

TEST_CASE("a quotation left open by damage does not hold the rest of the paragraph") {
  std::string text = "他指出：“";
  for (int i = 0; i < 40; ++i) text += "这是一个很长的句子。";
  auto s = sentences(text);
  CHECK(s.size() > 5);
}

TEST_CASE("blanks around sentences are trimmed and every byte of text lies in order") {
  const std::string text = "\xE3\x80\x80第一句。 第二句。";
  std::vector<docpipe::Span> spans;
  section_split::split_sentences(text, {0, text.size()}, spans);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].size()) == "第一句。");
  CHECK(spans[0].end <= spans[1].begin);
}

TEST_CASE("ASCII marks in markup and entities end no sentence") {
  CHECK(sentences("<!-- 市长作政府工作报告。 -->") == std::vector<std::string>{"<!-- 市长作政府工作报告。", "-->"});
  CHECK(sentences("前文&nbsp;后文。") == std::vector<std::string>{"前文&nbsp;后文。"});
}

TEST_CASE("the mark scan answers from its last block exactly as a fresh scan does") {
  // next_mark_candidate() keeps the 32-byte block where it found a candidate and answers a later
  // search that starts inside it from the block's mask. Walking a text with one MarkBlock, from each
  // candidate or a random step further, must give what a fresh scan from the same place gives: texts
  // of marks, the commas and colons the scan passes over, Han, ASCII and two- and four-byte
  // sequences, at every length around the 34-byte tail.
  const std::string pieces[] = {"经济", "。", "，", "、", "：", "“", "”", "（", "）", "《", "》", "a", "7", "!", "?",
                                ";", "\"", "(", ")", "[", "]", "é", "😀", "【", "】", "「", "」", " ", "\n"};
  std::mt19937 rng(23);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t size = rng() % 300;
    while (text.size() < size) text += pieces[rng() % (round % 3 == 0 ? 5 : 29)];
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t end = text.size() - (round % 4 == 0 && !text.empty() ? rng() % (text.size() + 1) : 0);
    section_split::MarkBlock last;
    for (std::size_t pos = rng() % 4; pos < end;) {
      const std::size_t got = section_split::next_mark_candidate(bytes, pos, end, last);
      INFO("round " << round << ", from " << pos);
      REQUIRE(got == section_split::next_mark_candidate(bytes, pos, end));
      if (got >= end) break;
      pos = got + 1 + (rng() % 3 == 0 ? rng() % 40 : 0);
    }
  }
}
