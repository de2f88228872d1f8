#include "heading_candidate.hpp"

#include <algorithm>
#include <array>

#include "char_class.hpp"
#include "chinese_numeral.hpp"

namespace section_split {
namespace {

using namespace std::string_view_literals;

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

std::size_t skip_blanks(std::string_view text, std::size_t p, std::size_t end) {
  while (p < end) {
    std::size_t q = p;
    if (!is_blank(docpipe::utf8::next(text, q))) break;
    p = q;
  }
  return p;
}

bool is_ascii_digit_at(std::string_view text, std::size_t p, std::size_t end) {
  if (p >= end) return false;
  const char32_t c = peek(text, p);
  return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19);
}

// Reads digits (ASCII or full-width, at most two) at p; returns the value or -1.
int read_small_arabic(std::string_view text, std::size_t& p, std::size_t end) {
  int value = 0, digits = 0;
  while (p < end && digits < 3) {
    std::size_t q = p;
    const char32_t c = docpipe::utf8::next(text, q);
    int d = -1;
    if (c >= U'0' && c <= U'9') d = int(c - U'0');
    else if (c >= 0xFF10 && c <= 0xFF19) d = int(c - 0xFF10);
    if (d < 0) break;
    value = value * 10 + d;
    ++digits;
    p = q;
  }
  return digits >= 1 && digits <= 2 && value > 0 ? value : -1;
}

// Finds where the title that starts at `from` ends, and whether anything follows it in the block.
void place_title(std::string_view text, const Block& b, std::size_t from, Candidate& c,
                 const CandidateOptions& options) {
  c.title_begin = skip_blanks(text, from, b.end);
  // `**[6]** **“三大动力”**：` — bold markers between the label and the title
  while (c.title_begin + 1 < b.end && text[c.title_begin] == '*' && text[c.title_begin + 1] == '*')
    c.title_begin = skip_blanks(text, c.title_begin + 2, b.end);
  std::size_t p = c.title_begin;
  std::size_t stop = b.end;
  std::size_t count = 0;
  c.term_end = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (p < b.end) {
    // A well-formed Han character (lead E4..E9) is no mark: counted and stepped over undecoded.
    if (bytes[p] >= 0xE4 && bytes[p] <= 0xE9 && p + 3 <= text.size() && (bytes[p + 1] & 0xC0) == 0x80 &&
        (bytes[p + 2] & 0xC0) == 0x80) {
      if (++count > options.max_title_chars && stop == b.end) {
        stop = p;
        break;
      }
      p += 3;
      continue;
    }
    if (text[p] == '*' && p + 1 < b.end && text[p + 1] == '*') {
      stop = p;
      break;
    }
    std::size_t q = p;
    const char32_t ch = docpipe::utf8::next(text, q);
    if (is_sentence_end(ch)) {
      stop = p;
      break;
    }
    if (is_colon(ch) && c.term_end == 0) c.term_end = p;
    if (++count > options.max_title_chars && stop == b.end) {
      stop = p;
      // keep scanning only to learn whether the block goes on: it does
      break;
    }
    p = q;
  }
  // trim the title's tail: blanks, colons, markup
  std::size_t e = stop;
  while (e > c.title_begin) {
    const std::size_t q = prev_boundary(text, e);
    const char32_t ch = peek(text, q);
    if (is_blank(ch) || is_colon(ch) || ch == U'*') e = q;
    else break;
  }
  c.title_end = e;
  // standalone: after the title only a closing mark, markup and blanks remain
  std::size_t r = stop;
  int marks = 0;
  while (r < b.end) {
    std::size_t q = r;
    const char32_t ch = docpipe::utf8::next(text, q);
    if (is_blank(ch) || ch == U'*' || is_colon(ch) || (is_sentence_end(ch) && marks++ == 0)) r = q;
    else break;
  }
  c.standalone = r >= b.end;
}

bool starts_with_date(std::string_view text, std::size_t p, std::size_t end) {
  std::size_t q = p;
  int digits = 0;
  while (q < end && is_ascii_digit_at(text, q, end)) {
    docpipe::utf8::next(text, q);
    ++digits;
  }
  if (digits == 4) return true;
  std::size_t len = 0;
  return parse_digit_year(text.substr(p, end - p), len) > 0;
}

std::optional<Candidate> read_appendix(std::string_view text, const Block& b, const CandidateOptions& options) {
  const std::size_t p = b.content;
  const std::string_view rest = text.substr(p, b.end - p);
  std::size_t word = 0;
  bool needs_colon = false;
  for (auto w : {"附件"sv, "附录"sv, "附錄"sv, "附页"sv, "附頁"sv, "附表"sv}) {
    if (rest.substr(0, w.size()) == w) {
      word = w.size();
      break;
    }
  }
  if (word == 0 && rest.substr(0, 3) == "附"sv) {
    word = 3;
    needs_colon = true;
  }
  if (word == 0) return std::nullopt;
  std::size_t q = p + word;
  std::size_t label_end = q;
  std::size_t num_len = 0;
  const int number = parse_any_number(text.substr(q, b.end - q), num_len);
  if (num_len) q += num_len, label_end = q;
  std::size_t after = skip_blanks(text, q, b.end);
  bool colon = false;
  if (after < b.end) {
    std::size_t r = after;
    const char32_t ch = docpipe::utf8::next(text, r);
    if (is_colon(ch)) colon = true, after = r;
    else if (after == q && ch != 0x300A && ch != 0x201C && ch != U'*') return std::nullopt;  // `附件中…`
  }
  if (needs_colon && !colon) return std::nullopt;
  Candidate c;
  c.style = Style::appendix;
  c.number = number > 0 ? number : 0;
  c.label = std::string(text.substr(p, label_end - p));
  c.label_begin = p;
  place_title(text, b, after, c, options);
  if (!c.standalone && c.title_end - c.title_begin > 0 && cp_count(text.substr(c.title_begin, c.title_end - c.title_begin)) > 40)
    return std::nullopt;  // a sentence about an attachment, not an appendix heading
  c.names_glossary = names_glossary(text.substr(c.title_begin, c.title_end - c.title_begin));
  return c;
}

// True when read_plain() cannot accept the block, told from its length alone: the text before its
// tail of blanks, colons, `*` and at most one sentence end holds more code points than a title may
// have. Such a block is no standalone heading when that text is longer than max_title_chars
// (place_title() stops inside it), and when it is standalone its title holds all of that text, while
// read_plain() accepts titles of at most 30 (a glossary name) or max_plain_chars code points. Most
// paragraphs are turned down here without reading their first sentence.
bool too_long_for_a_heading(std::string_view text, const Block& b, const CandidateOptions& options) {
  std::size_t title_begin = skip_blanks(text, b.content, b.end);
  while (title_begin + 1 < b.end && text[title_begin] == '*' && text[title_begin + 1] == '*')
    title_begin = skip_blanks(text, title_begin + 2, b.end);
  const std::size_t longest_title = std::max<std::size_t>(30, options.max_plain_chars);
  const std::size_t limit = std::min(options.max_title_chars, longest_title);
  // A code point has at most four bytes, so this many bytes hold more than `limit` of them.
  const std::size_t enough = 4 * (limit + 1);
  if (b.end - title_begin < enough) return false;
  std::size_t tail = b.end;
  int marks = 0;
  while (tail > title_begin) {
    const std::size_t q = prev_boundary(text, tail);
    const char32_t ch = peek(text, q);
    if (!(is_blank(ch) || ch == U'*' || is_colon(ch) || (is_sentence_end(ch) && marks++ == 0))) break;
    tail = q;
  }
  return tail - title_begin >= enough;
}

std::optional<Candidate> read_plain(std::string_view text, const Block& b, const CandidateOptions& options) {
  if (too_long_for_a_heading(text, b, options)) return std::nullopt;
  Candidate c;
  c.style = b.markdown_level > 0 ? Style::plain_markdown : Style::plain;
  c.label_begin = b.content;
  place_title(text, b, b.content, c, options);
  if (!c.standalone || c.title_end <= c.title_begin) return std::nullopt;
  const std::string_view title = text.substr(c.title_begin, c.title_end - c.title_begin);
  // `名词解释`, `注释：`, `有关词语解释` head a glossary even when a colon closes them (a file name
  // such as `…名词解释.docx` in a list of downloads does not)
  if (cp_count(title) <= (b.whole_line ? 30 : 16) && names_glossary(title) && title.find('.') == std::string_view::npos) {
    c.style = Style::appendix;
    c.names_glossary = true;
    return c;
  }
  // the block must not end with a colon or comma: that introduces what follows
  std::size_t last = b.end;
  while (last > b.content) {
    const std::size_t q = prev_boundary(text, last);
    if (text[q] == '*') last = q;
    else break;
  }
  if (last > b.content) {
    const char32_t ch = peek(text, prev_boundary(text, last));
    if (is_colon(ch) || is_comma(ch) || is_sentence_end(ch)) return std::nullopt;
  }
  std::size_t han = 0, other = 0, total = 0;
  for (std::size_t q = 0; q < title.size();) {
    const char32_t ch = docpipe::utf8::next(title, q);
    ++total;
    if (is_han(ch)) ++han;
    else if (is_sentence_end(ch)) return std::nullopt;
    else if (!is_blank(ch) && !(ch >= U'0' && ch <= U'9') && ch != 0x201C && ch != 0x201D && !is_comma(ch)) ++other;
  }
  if (total > options.max_plain_chars || han < 4 || other * 4 > han) return std::nullopt;
  if (contains_any(title, {"报告"sv, "報告"sv, "各位代表"sv, "|"sv})) return std::nullopt;
  c.part_keyword = names_report_part(title);
  // In a run-on line any short stretch stands between two blanks; only a short phrase that names a
  // part of the report is read as a heading there.
  if (!b.whole_line && (!c.part_keyword || total > 20)) return std::nullopt;
  return c;
}

}  // namespace

std::optional<Candidate> read_chinese_numbered(std::string_view text, const Block& b, const CandidateOptions& options);
std::optional<Candidate> read_arabic_numbered(std::string_view text, const Block& b, const CandidateOptions& options);

bool names_glossary(std::string_view s) {
  return contains_any(s, {"名词"sv, "名詞"sv, "注释"sv, "注釋"sv, "註釋"sv, "释义"sv, "釋義"sv, "词语解释"sv,
                          "詞語解釋"sv, "附注"sv, "附註"sv, "注解"sv, "用语"sv, "用語"sv});
}

bool names_report_part(std::string_view s) {
  return contains_any(s, {"回顾"sv, "回顧"sv, "安排"sv, "任务"sv, "任務"sv, "部署"sv, "建议"sv, "建議"sv,
                          "目标"sv, "目標"sv, "重点"sv, "重點"sv, "规划"sv, "規劃"sv, "总结"sv, "總結"sv,
                          "成就"sv, "建设"sv, "建設"sv, "形势"sv, "形勢"sv, "工作"sv, "政策"sv, "问题"sv,
                          "問題"sv, "展望"sv, "成效"sv});
}

std::optional<Candidate> read_candidate(std::string_view text, const Block& b, const CandidateOptions& options) {
  const std::size_t p = b.content;
  if (p >= b.end) return std::nullopt;
  std::size_t q = p;
  const char32_t first = docpipe::utf8::next(text, q);
  Candidate c;
  c.label_begin = p;

  if (const int v = circled_value(first)) {
    c.style = Style::circled;
    c.number = v;
    c.label = std::string(text.substr(p, q - p));
    place_title(text, b, q, c, options);
    return c.title_end > c.title_begin ? std::optional(c) : std::nullopt;
  }

  if (is_dash(first)) {
    std::size_t r = q;
    if (r >= b.end || !is_dash(docpipe::utf8::next(text, r))) return std::nullopt;
    c.style = Style::dash;
    c.label = "——";
    place_title(text, b, r, c, options);
    if (c.title_end <= c.title_begin || starts_with_date(text, c.title_begin, b.end)) return std::nullopt;
    const std::size_t clause = cp_count(text.substr(c.title_begin, c.title_end - c.title_begin));
    // An item heading is a short clause, alone or followed by its explanation
    // (`——经济总体回升向好。国内…`). A long first sentence is headed by its first clause
    // (`——经济总量持续攀升，实现生产总值…`), so that every entry of a dash list is an item.
    const bool sentence_follows = c.title_end < b.end && is_sentence_end(peek(text, c.title_end));
    const bool short_clause = clause <= options.max_item_chars * 3 / 5 ||
                              (clause <= options.max_item_chars && !c.standalone && sentence_follows);
    if (short_clause) return (c.standalone || sentence_follows) ? std::optional(c) : std::nullopt;
    std::size_t head = 0;
    for (std::size_t q = c.title_begin; q < c.title_end;) {
      const std::size_t here = q;
      const char32_t ch = docpipe::utf8::next(text, q);
      if (ch == 0xFF0C || ch == U',') {  // a full comma, not the enumeration comma `、`
        head = here;
        break;
      }
    }
    if (head == 0) return std::nullopt;
    const std::size_t head_chars = cp_count(text.substr(c.title_begin, head - c.title_begin));
    if (head_chars < 4 || head_chars > options.max_item_chars * 3 / 5) return std::nullopt;
    c.title_end = head;
    c.standalone = false;
    return c;
  }

  if (first == 0xFF08 || first == U'(' || first == U'[' || first == 0xFF3B || first == 0x3010) {
    const bool square = first == U'[' || first == 0xFF3B || first == 0x3010;
    std::size_t r = q;
    std::size_t len = 0;
    int value = 0;
    bool chinese = false;
    if (!square && (value = parse_label_numeral(text.substr(r, b.end - r), len)) > 0) {
      chinese = true;
      r += len;
    } else {
      value = read_small_arabic(text, r, b.end);
      if (value < 0) return std::nullopt;
    }
    if (r >= b.end) return std::nullopt;
    std::size_t s = r;
    const char32_t close = docpipe::utf8::next(text, s);
    const bool ok = square ? (close == U']' || close == 0xFF3D || close == 0x3011) : (close == 0xFF09 || close == U')');
    if (!ok) return std::nullopt;
    c.style = square ? Style::bracket_arabic : chinese ? Style::paren_chinese : Style::paren_arabic;
    c.number = value;
    c.label = std::string(text.substr(q, r - q));
    place_title(text, b, s, c, options);
    return c.title_end > c.title_begin ? std::optional(c) : std::nullopt;
  }

  if (first == U'第') {
    std::size_t len = 0;
    const int value = parse_label_numeral(text.substr(q, b.end - q), len);
    if (value <= 0) return std::nullopt;
    std::size_t r = q + len;
    if (r >= b.end) return std::nullopt;
    std::size_t s = r;
    const char32_t ch = docpipe::utf8::next(text, s);
    if (!(is_comma(ch) || is_colon(ch))) return std::nullopt;
    c.style = Style::ordinal;
    c.number = value;
    c.label = std::string(text.substr(p, r - p));
    place_title(text, b, s, c, options);
    if (!c.standalone || cp_count(text.substr(c.title_begin, c.title_end - c.title_begin)) > 40) return std::nullopt;
    return c.title_end > c.title_begin ? std::optional(c) : std::nullopt;
  }

  if (is_ascii_digit_at(text, p, b.end)) return read_arabic_numbered(text, b, options);
  if (auto numbered = read_chinese_numbered(text, b, options)) return numbered;
  if (auto a = read_appendix(text, b, options)) return a;
  return read_plain(text, b, options);
}

std::optional<Candidate> read_chinese_numbered(std::string_view text, const Block& b, const CandidateOptions& options) {
  const std::size_t p = b.content;
  Candidate c;
  c.label_begin = p;
  {
    std::size_t len = 0;
    const int value = parse_label_numeral(text.substr(p, b.end - p), len);
    if (value > 0) {
      std::size_t r = p + len;
      if (r >= b.end) return std::nullopt;
      std::size_t s = r;
      const char32_t ch = docpipe::utf8::next(text, s);
      c.number = value;
      c.label = std::string(text.substr(p, len));
      if (ch == 0x3001 || ch == 0xFF0E || ch == U'.') {
        if (is_ascii_digit_at(text, s, b.end) && ch != 0x3001) return std::nullopt;
        c.style = Style::chinese;
        place_title(text, b, s, c, options);
        return c.title_end > c.title_begin ? std::optional(c) : std::nullopt;
      }
      if (ch == U'是' || is_blank(ch)) {
        c.style = ch == U'是' ? Style::ordinal : Style::chinese;
        place_title(text, b, s, c, options);
        if (!b.whole_line || !c.standalone || c.title_end <= c.title_begin) return std::nullopt;
        if (cp_count(text.substr(c.title_begin, c.title_end - c.title_begin)) > 40) return std::nullopt;
        if (ch != U'是' && !is_han(peek(text, c.title_begin)) && !is_ascii_digit_at(text, c.title_begin, b.end))
          return std::nullopt;
        return c;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<Candidate> read_arabic_numbered(std::string_view text, const Block& b, const CandidateOptions& options) {
  const std::size_t p = b.content;
  Candidate c;
  c.label_begin = p;
  {
    std::size_t r = p;
    const int value = read_small_arabic(text, r, b.end);
    std::size_t s = r;
    const char32_t ch = value < 0 || r >= b.end ? 0 : docpipe::utf8::next(text, s);
    // `2022年工作回顾` and `2.5万` are no labels; the former may still be a plain heading
    if (!(ch == U'.' || ch == 0xFF0E || ch == 0x3001) || is_ascii_digit_at(text, s, b.end))
      return read_plain(text, b, options);
    c.style = Style::arabic;
    c.number = value;
    c.label = std::string(text.substr(p, r - p));
    place_title(text, b, s, c, options);
    return c.title_end > c.title_begin ? std::optional(c) : std::nullopt;
  }
}

}  // namespace section_split
