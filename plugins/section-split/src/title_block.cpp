#include "title_block.hpp"

#include <algorithm>
#include <cstdio>

#include "char_class.hpp"
#include "chinese_numeral.hpp"

namespace section_split {
namespace {

using namespace std::string_view_literals;

// The text with blanks, line breaks and markdown bold markers removed, so that `第十一屆
// 人民代表大會` reads as one phrase.
std::string compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t p = 0; p < s.size();) {
    const std::size_t here = p;
    const char32_t c = docpipe::utf8::next(s, p);
    if (is_blank(c) || c == U'\n' || c == U'*' || c == U'#') continue;
    out.append(s.substr(here, p - here));
  }
  return out;
}

int read_number(std::string_view s, std::size_t& p) {
  std::size_t len = 0;
  const int v = parse_any_number(s.substr(p), len);
  p += len;
  return len ? v : -1;
}

bool expect(std::string_view s, std::size_t& p, std::string_view word) {
  if (s.substr(p, word.size()) != word) return false;
  p += word.size();
  return true;
}

std::size_t find_first(std::string_view s, std::initializer_list<std::string_view> words, std::size_t& length) {
  std::size_t best = std::string_view::npos;
  for (auto w : words) {
    const std::size_t at = s.find(w);
    if (at < best) best = at, length = w.size();
  }
  return best;
}

}  // namespace

std::string find_iso_date(std::string_view raw) {
  const std::string c = compact(raw);
  const std::string_view s = c;
  std::string first;
  for (std::size_t at = s.find("年"sv); at != std::string_view::npos; at = s.find("年"sv, at + 1)) {
    int year = -1;
    // four Arabic digits before 年
    if (at >= 4) {
      year = 0;
      for (std::size_t k = at - 4; k < at; ++k) {
        if (s[k] < '0' || s[k] > '9') { year = -1; break; }
        year = year * 10 + (s[k] - '0');
      }
    }
    if (year < 0 && at >= 12) {
      std::size_t len = 0;
      year = parse_digit_year(s.substr(at - 12, 12), len);
      if (len != 12) year = -1;
    }
    if (year < 1900 || year > 2100) continue;
    std::size_t p = at + 3;
    const int month = read_number(s, p);
    if (month < 1 || month > 12 || !expect(s, p, "月"sv)) continue;
    const int day = read_number(s, p);
    if (day < 1 || day > 31 || !expect(s, p, "日"sv)) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    // the delivery date is the one followed by 在 (`2024年1月24日在…会议上`); page stamps are not
    if (s.substr(p, 3) == "在"sv) return buf;
    if (first.empty()) first = buf;
  }
  return first;
}

std::string find_meeting(std::string_view raw) {
  const std::string c = compact(raw);
  const std::string_view s = c;
  std::size_t len = 0;
  const std::size_t end = find_first(s, {"会议"sv, "會議"sv}, len);
  if (end == std::string_view::npos) return {};
  // The meeting starts after `在`, or after the date's `日`, within 60 code points.
  std::size_t begin = std::string_view::npos;
  std::size_t p = end;
  for (int n = 0; n < 60 && p > 0; ++n) {
    p = prev_boundary(s, p);
    const char32_t ch = peek(s, p);
    bool date_end = false;
    if (ch == U'日' && p > 0) {
      const char32_t d = peek(s, prev_boundary(s, p));
      date_end = (d >= U'0' && d <= U'9') || chinese_digit(d) >= 0 || d == U'十';
    }
    if (ch == U'在' || date_end || is_dash(ch) || is_comma(ch) || is_sentence_end(ch) || is_colon(ch) ||
        ch == 0xFF08 || ch == U'(') {
      std::size_t q = p;
      docpipe::utf8::next(s, q);
      begin = q;
      break;
    }
  }
  if (begin == std::string_view::npos || begin >= end) return {};
  return std::string(s.substr(begin, end + len - begin));
}

std::string region_from_title(std::string_view title) {
  std::string c = compact(title);
  std::string_view s = c;
  // drop a leading year: `2024年`, `二〇二四年`
  std::size_t y = 0;
  while (y < s.size() && s[y] >= '0' && s[y] <= '9') ++y;
  if (y == 4 && s.substr(4, 3) == "年"sv) s.remove_prefix(7);
  else {
    std::size_t len = 0;
    if (parse_digit_year(s, len) && s.substr(len, 3) == "年"sv) s.remove_prefix(len + 3);
  }
  std::size_t len = 0;
  const std::size_t at = find_first(s, {"人民政府工作报告"sv, "人民政府工作報告"sv, "政府工作报告"sv, "政府工作報告"sv}, len);
  if (at == std::string_view::npos || at == 0) return {};
  s = s.substr(0, at);
  for (std::size_t q = 0; q < s.size();) {
    if (!is_han(docpipe::utf8::next(s, q))) return {};
  }
  return std::string(s);
}

std::string region_from_meeting(std::string_view meeting) {
  if (meeting.find("全国人民代表大会") != std::string_view::npos || meeting.find("全國人民代表大會") != std::string_view::npos)
    return "全国";
  // the region stands before the session number: `叢臺區第十一屆`, `自治区十二届`
  for (std::size_t p = 0; p < meeting.size();) {
    const std::size_t here = p;
    const char32_t c = docpipe::utf8::next(meeting, p);
    if (c != U'第' && chinese_digit(c) < 0 && c != U'十') continue;
    std::size_t q = c == U'第' ? p : here;
    std::size_t len = 0;
    if (parse_label_numeral(meeting.substr(q), len) <= 0) continue;
    q += len;
    const std::string_view rest = meeting.substr(q);
    if (rest.substr(0, 3) == "届"sv || rest.substr(0, 3) == "屆"sv) {
      std::string region(meeting.substr(0, here));
      // `市十五届人大` and `自治区十二届` name only the level
      for (auto bare : {"中华人民共和国"sv, "省"sv, "市"sv, "区"sv, "區"sv, "县"sv, "縣"sv, "州"sv, "自治区"sv, "自治區"sv, "自治州"sv})
        if (region == bare) return {};
      return region;
    }
  }
  return {};
}

void read_metadata(std::string_view text, const std::vector<Block>& blocks, std::size_t body_block,
                   const FrontMatter& front_matter, docpipe::Metadata& out) {
  for (const auto& [k, v] : front_matter.fields) out.extra[k] = v;
  std::size_t area = body_block;
  if (area == 0) area = blocks.size() < 6 ? blocks.size() : 6;
  if (area > 40) area = 40;
  // title: the first block of the title area that names a work report
  std::string title_area;
  for (std::size_t i = 0; i < area && i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    const std::string_view s = text.substr(b.content, b.end - b.content);
    title_area.append(text.substr(b.begin, b.end - b.begin));
    title_area.push_back('\n');
    if (!out.title.empty()) continue;
    std::size_t wl = 0;
    const std::size_t at = find_first(s, {"工作报告"sv, "工作報告"sv}, wl);
    if (at == std::string_view::npos) continue;
    std::size_t end = s.size();
    for (auto stop : {"**"sv, "——"sv, "――"sv}) {
      const std::size_t k = s.find(stop, at);
      if (k < end) end = k;
    }
    std::string_view t = s.substr(0, end);
    while (!t.empty()) {
      const std::size_t q = prev_boundary(t, t.size());
      if (is_blank(peek(t, q))) t = t.substr(0, q);
      else break;
    }
    for (auto prefix : {"原标题："sv, "标题："sv, "原標題："sv}) {
      if (t.substr(0, prefix.size()) == prefix) t.remove_prefix(prefix.size());
    }
    while (!t.empty() && (t.front() == '*' || t.front() == '#')) t.remove_prefix(1);
    // captions and salutations name the report inside a sentence; a title has no sentence marks
    bool sentence = false;
    for (std::size_t q = 0; q < t.size();) {
      const char32_t ch = docpipe::utf8::next(t, q);
      if (is_sentence_end(ch) || is_comma(ch) || ch == U'<' || ch == U'>') sentence = true;
    }
    if (sentence || t.empty() || cp_count(t) > 60) continue;
    const std::size_t start = std::size_t(t.data() - text.data());
    out.title = std::string(t);
    out.title_span = docpipe::Span{start, start + t.size()};
  }
  std::string fm_title;
  if (auto it = front_matter.fields.find("title"); it != front_matter.fields.end()) fm_title = it->second;
  if (out.title.empty()) {
    // `保定市政府工作报告（2024年1月29日 闫继红）`: the parenthesis is the date and speaker
    std::string_view t = fm_title;
    const std::size_t open = t.rfind("（");
    if (open != std::string_view::npos && open > 0 && !find_iso_date(t.substr(open)).empty()) t = t.substr(0, open);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    // a title written twice over by the scraper
    if (t.size() % 2 == 0 && t.substr(0, t.size() / 2) == t.substr(t.size() / 2)) t = t.substr(0, t.size() / 2);
    out.title = std::string(t);
  }

  out.date = find_iso_date(title_area);
  if (out.date.empty()) {
    if (auto it = front_matter.fields.find("date"); it != front_matter.fields.end() && it->second.size() >= 10 &&
                                                    it->second[4] == '-' && it->second[7] == '-')
      out.date = it->second.substr(0, 10);
    else
      out.date = find_iso_date(fm_title);
  }
  out.meeting = find_meeting(title_area);
  if (out.meeting.empty()) out.meeting = find_meeting(fm_title);

  out.region = region_from_title(out.title);
  if (out.region.find("会议") != std::string::npos || out.region.find("會議") != std::string::npos ||
      cp_count(out.region) > 16)
    out.region.clear();
  if (out.region.empty() && !fm_title.empty()) out.region = region_from_title(fm_title);
  const std::string meeting_region = region_from_meeting(out.meeting);
  // `2024年省政府工作报告` names only the level; the meeting names the province
  if (out.region.empty() || (cp_count(out.region) <= 3 && meeting_region.size() > out.region.size()))
    out.region = meeting_region;
  // `现在，我代表江西省人民政府向大会报告工作` names the issuing government
  if (out.region.empty() && body_block < blocks.size()) {
    const Block& b = blocks[body_block];
    const std::string_view first = text.substr(b.content, std::min<std::size_t>(b.end - b.content, 600));
    const std::size_t at = first.find("我代表");
    const std::size_t gov = at == std::string_view::npos ? at : first.find("人民政府", at);
    if (gov != std::string_view::npos && gov - at <= 3 * 20) {
      const std::string_view name = first.substr(at + 9, gov - at - 9);
      bool han = !name.empty();
      for (std::size_t q = 0; q < name.size();) han = han && is_han(docpipe::utf8::next(name, q));
      if (han && cp_count(name) >= 2 && name != "自治区"sv && name != "自治州"sv) out.region = std::string(name);
    }
  }

  auto leading_year = [](std::string_view s) {
    const std::string c = compact(s);
    if (c.size() >= 7 && c.compare(4, 3, "年") == 0) {
      int y = 0;
      for (int k = 0; k < 4; ++k) {
        if (c[std::size_t(k)] < '0' || c[std::size_t(k)] > '9') return 0;
        y = y * 10 + (c[std::size_t(k)] - '0');
      }
      return y;
    }
    std::size_t len = 0;
    const int y = parse_digit_year(c, len);
    return len && c.compare(len, 3, "年") == 0 ? y : 0;
  };
  out.year = leading_year(out.title);
  if (out.year == 0 && out.date.size() >= 4) out.year = std::stoi(out.date.substr(0, 4));
  if (out.year == 0) out.year = leading_year(fm_title);
  if (out.year == 0) {
    // `昆明市人民政府2024年《政府工作报告》`: a year anywhere in the front matter title
    for (std::size_t k = 0; k + 7 <= fm_title.size(); ++k) {
      if (fm_title.compare(k + 4, 3, "年") != 0) continue;
      int y = 0;
      bool digits = true;
      for (std::size_t d = k; d < k + 4; ++d) {
        digits = digits && fm_title[d] >= '0' && fm_title[d] <= '9';
        y = y * 10 + (fm_title[d] - '0');
      }
      if (digits && y >= 1900 && y <= 2100 && (k == 0 || fm_title[k - 1] < '0' || fm_title[k - 1] > '9')) {
        out.year = y;
        break;
      }
    }
  }
}

}  // namespace section_split
