#include "entry_parser.hpp"

#include <cctype>
#include <optional>
#include <string>

#include "script_fold.hpp"
#include "text_cursor.hpp"

namespace docpipe::glossary_link {
namespace {

bool is_open_quote(char32_t c) { return c == 0x201C || c == '"' || c == 0x300C || c == 0x300E || c == 0x2018; }
bool is_close_quote(char32_t c) { return c == 0x201D || c == '"' || c == 0x300D || c == 0x300F || c == 0x2019; }
bool is_quote(char32_t c) { return is_open_quote(c) || is_close_quote(c); }

// Trims white space and markdown `*` from both ends of [b, e).
Span trim(std::string_view text, std::size_t b, std::size_t e) {
  b = skip_decoration(text, b);
  if (b > e) b = e;
  while (e > b) {
    const char32_t c = before(text, e);
    if (!(is_space(c) || c == '*' || c == '#')) break;
    e = prev_pos(text, e);
  }
  return {b, e};
}

// True when the text before @p pos (blanks and markdown skipped) allows an entry to start there:
// the start of the body, a line break, a blank (one-line texts separate entries by spaces), the end
// of a sentence, or the end of an HTML tag leftover.
bool entry_boundary_before(std::string_view text, std::size_t body_begin, std::size_t pos) {
  bool skipped_blank = false;
  while (pos > body_begin) {
    const char32_t c = before(text, pos);
    if (c == '*' || c == '#') {
      pos = prev_pos(text, pos);
      continue;
    }
    if (is_blank(c)) {
      skipped_blank = true;
      pos = prev_pos(text, pos);
      continue;
    }
    return c == '\n' || skipped_blank || is_sentence_end(c) || c == '>';
  }
  return true;
}

// Term and title spans for the title [b, e): enclosing quotes come off the term only when one pair
// encloses the whole title.
void set_term(ParsedEntry& entry, std::string_view text, Span title) {
  entry.title_span = title;
  entry.term_span = title;
  if (title.size() >= 2 && is_open_quote(at(text, title.begin)) && is_close_quote(before(text, title.end))) {
    const std::size_t inner_b = next_pos(text, title.begin), inner_e = prev_pos(text, title.end);
    bool inner_quote = false;
    for (std::size_t p = inner_b; p < inner_e; p = next_pos(text, p)) inner_quote |= is_quote(at(text, p));
    if (!inner_quote && inner_b < inner_e) entry.term_span = {inner_b, inner_e};
  }
  entry.term.assign(entry.term_span.of(text));
}

// End of a line-structured entry whose first line starts at @p from: it takes further lines until its
// text ends a sentence, so that page furniture after the last entry ("责任编辑：", "打印本页") is left
// out. At most @p max_lines extra lines.
std::size_t end_of_last_entry(std::string_view text, std::size_t from, std::size_t limit, int max_lines = 12) {
  std::size_t end = from;
  for (int line = 0; line <= max_lines && end < limit; ++line) {
    std::size_t nl = text.find('\n', end);
    if (nl == std::string_view::npos || nl > limit) nl = limit;
    const Span content = trim(text, end, nl);
    if (!content.empty()) {
      // The entry's first line must not be given up even when it ends without punctuation.
      end = nl;
      char32_t last = before(text, content.end);
      std::size_t q = content.end;
      while (is_close_quote(last) || last == 0xFF09 || last == ')') {
        q = prev_pos(text, q);
        last = before(text, q);
      }
      if (is_sentence_end(last) || last == 0x2026) return content.end;
    }
    if (nl >= limit) return trim(text, from, limit).end;
    end = nl + 1;
  }
  return trim(text, from, end).end;
}

struct Candidate {
  Enumerator number;
  std::size_t colon;
};

// An entry start at @p pos. A dotted number followed by a digit (`6.5项工作`) counts only when it is
// the number @p expected next, since `18.5` inside a definition is a decimal.
std::optional<Candidate> numbered_candidate(std::string_view text, Span body, std::size_t pos,
                                            std::optional<NumberStyle> style, int expected = 1) {
  auto e = read_enumerator(text, pos);
  if (!e) {
    e = read_enumerator(text, pos, true);
    if (e && e->number != expected) e.reset();
  }
  if (!e || (style && e->style != *style)) return std::nullopt;
  if (!entry_boundary_before(text, body.begin, pos)) {
    // Text that lost its line breaks may run an entry straight after `）` or `”`: accepted only for
    // the number expected next.
    const char32_t prev = before(text, pos);
    if (!((prev == 0xFF09 || prev == ')' || prev == 0x201D) && e->number == expected)) return std::nullopt;
  }
  const std::size_t term_begin = skip_decoration(text, e->span.end, false);
  auto colon = find_term_colon(text, term_begin, body.end);
  if (!colon || *colon == term_begin) return std::nullopt;
  return Candidate{*e, *colon};
}

void finish_entry(ParsedEntry& entry, std::string_view text, std::size_t title_begin, std::size_t colon,
                  std::size_t start, std::size_t end) {
  set_term(entry, text, trim(text, title_begin, colon));
  const Span def = trim(text, next_pos(text, colon), end);
  entry.definition = clean_definition(def.of(text));
  entry.span = {start, def.empty() ? next_pos(text, colon) : def.end};
}

ParsedGlossary parse_numbered(std::string_view text, Span body, NumberStyle style) {
  ParsedGlossary out;
  out.numbered = true;
  std::vector<Candidate> found;
  // One decode per code point gives both the code point and the next position (at() and next_pos()
  // would decode it twice).
  for (std::size_t pos = body.begin; pos < body.end;) {
    std::size_t after = pos;
    const char32_t c = utf8::next(text, after);
    if (digit_value(c) < 0 && c != '(' && c != 0xFF08 && c != '[' && c != 0x3010 && c != 0xFF3B && c != 0x3014) {
      pos = after;
      continue;
    }
    const int expected = found.empty() ? 1 : found.back().number.number + 1;
    if (auto cand = numbered_candidate(text, body, pos, style, expected)) {
      found.push_back(*cand);
      after = next_pos(text, cand->colon);
    }
    pos = after;
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    ParsedEntry entry;
    entry.number = found[i].number.number;
    const std::size_t start = found[i].number.span.begin;
    const std::size_t end = i + 1 < found.size() ? found[i + 1].number.span.begin
                                                 : end_of_last_entry(text, found[i].colon, body.end);
    finish_entry(entry, text, skip_decoration(text, found[i].number.span.end, false), found[i].colon, start, end);
    out.entries.push_back(std::move(entry));
  }
  out.end = out.entries.empty() ? body.begin : out.entries.back().span.end;
  return out;
}

// One `term：definition` paragraph per entry; the glossary ends at the first paragraph that is
// neither an entry nor the continuation of an unfinished one.
ParsedGlossary parse_unnumbered(std::string_view text, Span body) {
  ParsedGlossary out;
  std::size_t pos = body.begin;
  while (pos < body.end) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos || nl > body.end) nl = body.end;
    const Span line = trim(text, pos, nl);
    if (!line.empty()) {
      auto colon = find_term_colon(text, line.begin, line.end, 40);
      // The definition follows the colon on the same line or, when the colon ends the line, on the
      // next non-empty line (`“双环”旅游公路：` / `环岛旅游公路…。`).
      bool has_definition = colon && !trim(text, next_pos(text, *colon), line.end).empty();
      if (colon && !has_definition) {
        const Span next_line = trim(text, nl, body.end);
        const std::size_t next_end = std::min(text.find('\n', next_line.begin), body.end);
        has_definition = !next_line.empty() && !find_term_colon(text, next_line.begin, next_end, 40);
      }
      if (colon && *colon > line.begin && has_definition) {
        ParsedEntry entry;
        const std::size_t end = end_of_last_entry(text, *colon, body.end);
        finish_entry(entry, text, line.begin, *colon, line.begin, end);
        out.entries.push_back(std::move(entry));
        nl = text.find('\n', end);
        if (nl == std::string_view::npos || nl > body.end) nl = body.end;
      } else if (!out.entries.empty()) {
        break;
      }
    }
    pos = nl + 1;
  }
  out.end = out.entries.empty() ? body.begin : out.entries.back().span.end;
  return out;
}

// An unnumbered glossary whose line breaks were lost: `甲：……。乙：……。` An entry starts at the body
// start or after a sentence end or blank, with a term of 2 to 30 characters that the report mentions.
ParsedGlossary parse_unnumbered_inline(std::string_view text, Span body, Span mentions) {
  const ScriptFold& fold = ScriptFold::instance();
  // The whole report before the glossary, folded: only once a line offers a term to look up.
  std::optional<std::u32string> report;
  struct Start {
    std::size_t begin, colon;
  };
  std::vector<Start> starts;
  for (std::size_t pos = skip_decoration(text, body.begin); pos < body.end;) {
    const char32_t prev = before(text, pos);
    const bool boundary = pos == skip_decoration(text, body.begin) || is_sentence_end(prev) || prev == 0x3002 ||
                          is_blank(prev) || prev == '*' || prev == 0x201D;
    if (boundary && !is_space(at(text, pos))) {
      if (auto colon = find_term_colon(text, pos, body.end, 30)) {
        const Span title = trim(text, pos, *colon);
        const std::u32string key = fold.fold_string(title.of(text));
        if (key.size() >= 2 && !report) report = fold.fold_string(mentions.of(text));
        if (key.size() >= 2 && report->find(key) != std::u32string::npos) {
          starts.push_back({title.begin, *colon});
          pos = next_pos(text, *colon);
          continue;
        }
      }
    }
    pos = next_pos(text, pos);
  }
  ParsedGlossary out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    ParsedEntry entry;
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1].begin : end_of_last_entry(text, starts[i].colon, body.end);
    finish_entry(entry, text, starts[i].begin, starts[i].colon, starts[i].begin, end);
    out.entries.push_back(std::move(entry));
  }
  out.end = out.entries.empty() ? body.begin : out.entries.back().span.end;
  return out;
}

}  // namespace

std::optional<std::size_t> find_term_colon(std::string_view text, std::size_t pos, std::size_t limit,
                                           std::size_t max_chars) {
  std::size_t count = 0;
  while (pos < limit && count <= max_chars) {
    const char32_t c = at(text, pos);
    if (is_colon(c)) return pos;
    if (c == '\n' || is_sentence_end(c) || c == 0xFF0C || c == 0x3002) return std::nullopt;
    pos = next_pos(text, pos);
    ++count;
  }
  return std::nullopt;
}

ParsedGlossary parse_entries(std::string_view text, Span body, Span mentions) {
  if (body.end > text.size()) body.end = text.size();
  // A splitter's heading may stop before the heading's own colon (`注释` of `**注释：**`).
  std::size_t first = skip_decoration(text, body.begin);
  if (first < body.end && is_colon(at(text, first))) first = skip_decoration(text, next_pos(text, first));
  body.begin = std::min(first, body.end);
  if (auto cand = numbered_candidate(text, {first, body.end}, first, std::nullopt))
    return parse_numbered(text, body, cand->number.style);
  ParsedGlossary lines = parse_unnumbered(text, body);
  if (lines.entries.size() >= 2 || mentions.empty()) return lines;
  ParsedGlossary inline_entries = parse_unnumbered_inline(text, body, mentions);
  return inline_entries.entries.size() > lines.entries.size() ? inline_entries : lines;
}

std::string clean_definition(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c != '<' && c != '/' && c != '\n' && c != '\r') {
      // Most of a definition is plain text: copy the run up to the next byte that needs a look with
      // one append, not byte by byte.
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != '<' && text[j] != '/' && text[j] != '\n' && text[j] != '\r') ++j;
      out.append(text, i, j - i);
      i = j;
      continue;
    }
    // HTML tags (`<br/>`, `</font>`) and remnants whose `<` was lost to damage (`/font>`).
    if (c == '<' || c == '/') {
      std::size_t j = i + 1;
      if (c == '<' && j < text.size() && text[j] == '/') ++j;
      const std::size_t name = j;
      while (j < text.size() && j - i < 40 && text[j] != '>' && text[j] != '<' && text[j] != '\n') ++j;
      if (j < text.size() && text[j] == '>' && j > name && std::isalpha(static_cast<unsigned char>(text[name]))) {
        bool tag_like = true;
        if (c == '/')
          for (std::size_t k = name; k < j; ++k) tag_like &= std::isalpha(static_cast<unsigned char>(text[k])) != 0;
        if (tag_like) {
          i = j + 1;
          continue;
        }
      }
    }
    if (c == '\n' || c == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      std::size_t j = i;
      while (j < text.size() && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t')) ++j;
      const bool latin_join = !out.empty() && j < text.size() && std::isalnum(static_cast<unsigned char>(out.back())) &&
                              std::isalnum(static_cast<unsigned char>(text[j]));
      if (latin_join) out += ' ';
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  std::size_t b = 0, e = out.size();
  while (b < e && (out[b] == ' ' || out[b] == '*')) ++b;
  while (e > b && (out[e - 1] == ' ' || out[e - 1] == '*')) --e;
  out.resize(e);
  out.erase(0, b);
  return out;
}

}  // namespace docpipe::glossary_link
