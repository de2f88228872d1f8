#include "report_context.hpp"

#include <array>
#include <vector>

#include "marked_scan.hpp"

namespace number_extract {
namespace {

bool contains(std::u32string_view s, std::u32string_view w) { return s.find(w) != std::u32string_view::npos; }

// 初步核算 or 初步统计 in @p s: one pass for both words.
bool preliminary(std::u32string_view s) {
  for (std::size_t i = s.find(U'初'); i != std::u32string_view::npos && i + 4 <= s.size(); i = s.find(U'初', i + 1))
    if (s[i + 1] == U'步' && ((s[i + 2] == U'核' && s[i + 3] == U'算') || (s[i + 2] == U'统' && s[i + 3] == U'计')))
      return true;
  return false;
}

constexpr std::array<std::u32string_view, 12> kTargetWords = {
    U"目标", U"力争", U"争取", U"预期", U"确保", U"控制在", U"计划", U"今年", U"努力实现", U"到20", U"将达到", U"要达到"};
constexpr std::array<std::u32string_view, 14> kActualWords = {
    U"完成", U"实现", U"达到", U"全年", U"去年", U"上年", U"过去一年", U"一年来", U"比上年", U"同比", U"较上年",
    U"增长了", U"累计", U"突破"};

}  // namespace

int report_year(const docpipe::Document& doc, const std::vector<ScannedNumber>& numbers) {
  if (doc.metadata.year > 0) return doc.metadata.year;
  // In the title block, in order of trust: the year under review plus one (一、2023年工作回顾), a
  // title year (2024年政府工作报告), the delivery date (2024年1月24日; a report delivered in November
  // or December is for the next year), a year in the source URL of a front matter (/2024/02-04/),
  // the first year at all.
  const std::string_view text = doc.text;
  int title_year = 0, review_year = 0, date_year = 0, first_year = 0;
  for (const auto& n : numbers) {
    if (n.mention->span.begin > 3000) break;
    const auto& m = *n.mention;
    if (n.kind == NumberKind::date && m.value >= 19000000 && m.value < 21000000 && !date_year) {
      date_year = static_cast<int>(m.value / 10000);
      if (static_cast<int>(m.value / 100) % 100 >= 11) ++date_year;
      continue;
    }
    if (n.kind != NumberKind::year || m.value_high) continue;
    const int y = static_cast<int>(m.value);
    const std::string_view after = text.substr(m.span.end, std::min<std::size_t>(90, text.size() - m.span.end));
    const std::string_view line = after.substr(0, after.find('\n'));
    if (!title_year && (line.find("政府工作报告") != std::string_view::npos || line.find("政府工作報告") != std::string_view::npos))
      title_year = y;
    const std::size_t review = std::min(line.find("工作回顾"), line.find("工作回顧"));
    if (!review_year && review != std::string_view::npos && review <= 30) review_year = y + 1;
    if (!first_year && m.span.begin < 400) first_year = y;
  }
  if (review_year) return review_year;
  if (title_year) return title_year;
  if (date_year) return date_year;
  const std::size_t url = text.substr(0, 400).find("source:");
  if (url != std::string_view::npos) {
    const std::string_view head = text.substr(url, std::min<std::size_t>(200, text.size() - url));
    for (std::size_t i = 0; i + 6 <= head.size() && head[i] != '\n'; ++i) {
      if (head[i] != '/' || head[i + 5] != '/') continue;
      int y = 0;
      bool digits = true;
      for (std::size_t k = 1; k <= 4; ++k) {
        digits = digits && head[i + k] >= '0' && head[i + k] <= '9';
        y = y * 10 + (head[i + k] - '0');
      }
      if (digits && y >= 1950 && y <= 2100) return y;
    }
  }
  return first_year;
}

// Storage of StatusWords::below (static storage, zero from the start: the constructor sets the marks
// without clearing 256 KB first).
std::array<bool, 0x10000> status_below_storage[4];

// The status words by first character, so one pass over a sentence finds them all (27 `find`s over
// every sentence cost a tenth of the stage).
struct StatusWords {
  struct Word {
    std::u32string_view word;
    int rank;  // 0 estimate, 1 target, 2 actual: the lowest rank found wins
  };
  std::vector<Word> by_first[128];
  // below[r]: the first characters of the words ranked below r (most characters of a sentence are
  // none). Once a word of rank r is found only lower ranks can change the answer, so the rest of the
  // sentence is passed over with the smaller set.
  std::array<bool, 0x10000> (&below)[4] = status_below_storage;
  StatusWords() {
    by_first[U'预' % 128].push_back({U"预计", 0});
    for (auto w : kTargetWords) by_first[w[0] % 128].push_back({w, 1});
    for (auto w : kActualWords) by_first[w[0] % 128].push_back({w, 2});
    for (const auto& bucket : by_first)
      for (const auto& w : bucket)
        for (int r = w.rank + 1; r <= 3; ++r) below[r][w.word[0]] = true;
  }
};

std::string status_from_words(std::u32string_view s) {
  static const StatusWords words;
  int best = 3;
  const char32_t* const begin = s.data();
  const char32_t* const end = begin + s.size();
  for (const char32_t* p = find_marked(begin, end, words.below[best].data()); p < end && best > 0;
       p = find_marked(p + 1, end, words.below[best].data())) {
    const std::size_t i = static_cast<std::size_t>(p - begin);
    if (s[i] >= 0x10000) continue;
    for (const auto& w : words.by_first[s[i] % 128]) {
      if (w.rank >= best || s[i] != w.word[0] || s.substr(i, w.word.size()) != w.word) continue;
      best = w.rank;
    }
  }
  switch (best) {
    case 0: return "estimate";
    case 1: return "target";
    case 2: return "actual";
    default: return {};
  }
}

std::string status_from_heading(std::u32string_view h, int report_year) {
  if (h.empty()) return {};
  // One pass for the words of both lists (a find per word cost more than the rest of the heading's reading).
  bool actual = false, target = false;
  auto next_is = [&](std::size_t i, std::u32string_view rest) { return h.substr(i + 1, rest.size()) == rest; };
  for (std::size_t i = 0; i < h.size() && !actual; ++i) {
    switch (h[i]) {
      // Done, not to be done: “十五”目标任务胜利完成 reviews the plan period.
      case U'回': actual = next_is(i, U"顾"); break;
      case U'过': actual = next_is(i, U"去"); break;
      case U'成': actual = next_is(i, U"绩"); break;
      case U'佳': actual = next_is(i, U"绩"); break;
      case U'总': actual = next_is(i, U"结"); break;
      case U'胜': actual = next_is(i, U"利完成"); break;
      case U'圆': actual = next_is(i, U"满完成"); break;
      case U'顺': actual = next_is(i, U"利完成"); break;
      case U'安': target = target || next_is(i, U"排"); break;
      case U'目': target = target || next_is(i, U"标"); break;
      case U'任': target = target || next_is(i, U"务"); break;
      case U'今': target = target || next_is(i, U"年"); break;
      default: break;
    }
  }
  if (actual) return "actual";
  // A year in the heading: before the report's year means results.
  for (std::size_t i = 0; i + 4 < h.size(); ++i) {
    if (h[i] >= U'0' && h[i] <= U'9' && h[i + 1] >= U'0' && h[i + 1] <= U'9' && h[i + 2] >= U'0' &&
        h[i + 2] <= U'9' && h[i + 3] >= U'0' && h[i + 3] <= U'9' && h[i + 4] == U'年') {
      const int y = (h[i] - U'0') * 1000 + (h[i + 1] - U'0') * 100 + (h[i + 2] - U'0') * 10 + (h[i + 3] - U'0');
      if (report_year && y < report_year) return "actual";
      if (report_year && y >= report_year) return "target";
    }
  }
  if (target) return "target";
  return {};
}

SentenceContext sentence_context(const FoldedText& t, std::size_t begin, std::size_t end,
                                 std::u32string_view section_heading, int report_year,
                                 const std::vector<const ScannedNumber*>& sentence_numbers) {
  return sentence_context_under(t, begin, end, status_from_heading(section_heading, report_year), report_year,
                                sentence_numbers);
}

SentenceContext sentence_context_under(const FoldedText& t, std::size_t begin, std::size_t end,
                                       std::string_view from_heading, int report_year,
                                       const std::vector<const ScannedNumber*>& sentence_numbers) {
  const std::u32string_view words = t.view(begin, end);
  SentenceContext ctx;
  ctx.status = status_from_words(words);
  // A heading about results outweighs 力争 or 目标 used in passing ("实现了目标").
  if (from_heading == "actual" && std::string_view(ctx.status) == "target" && !contains(words, U"预期目标") && !contains(words, U"今年"))
    ctx.status = "actual";
  // Preliminary statistics (初步核算, 初步统计) are results, whatever else the sentence says
  // (城镇登记失业率控制在4%以内 in a list of last year's figures).
  if (std::string_view(ctx.status) == "target" && preliminary(words))
    ctx.status = "actual";
  if (ctx.status.empty()) ctx.status = from_heading;
  // A year named before the first figure sets the period.
  for (const ScannedNumber* n : sentence_numbers) {
    if (n->kind == NumberKind::year && !n->mention->value_high) {
      ctx.period = static_cast<int>(n->mention->value);
      break;
    }
    if (n->kind != NumberKind::date && n->kind != NumberKind::ordinal && n->kind != NumberKind::name) break;
  }
  if (ctx.period == 0 && report_year) {
    if (std::string_view(ctx.status) == "target") ctx.period = report_year;
    else if (std::string_view(ctx.status) == "actual" || std::string_view(ctx.status) == "estimate") ctx.period = report_year - 1;
  }
  return ctx;
}

}  // namespace number_extract
