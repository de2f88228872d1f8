#include "glossary_locator.hpp"

#include <algorithm>

#include "docpipe/utf8.hpp"
#include "entry_parser.hpp"
#include "enumerator.hpp"
#include "script_fold.hpp"
#include "sequence_finder.hpp"
#include "text_cursor.hpp"

namespace docpipe::glossary_link {
namespace {

// Longest prefix, in code points, that a heading line may have before its keyword: room for
// `附件2 《2024年政府工作报告》有关`.
constexpr std::size_t kMaxHeadingPrefix = 28;

// Words that may follow the keyword inside the heading itself.
constexpr std::string_view kHeadingTails[] = {"和说明", "和說明", "及说明", "及說明"};

// Start of the heading's line: after the last line break or sentence end before @p pos; nullopt when
// that is further than kMaxHeadingPrefix code points away.
std::optional<std::size_t> heading_line_start(std::string_view text, std::size_t pos) {
  std::size_t count = 0;
  while (pos > 0) {
    const char32_t c = before(text, pos);
    if (c == '\n' || is_sentence_end(c) || c == 0x3002) return pos;
    if (c == 0xFF0C || c == ',' ) return std::nullopt;  // a comma: the keyword is inside a sentence
    if (++count > kMaxHeadingPrefix) return std::nullopt;
    pos = prev_pos(text, pos);
  }
  return pos;
}

// True when an entry starts at @p pos: a number with a term and colon, or a `term：` line. Without a
// line break (text that lost them) a `term：` counts only when the report before @p heading_begin
// mentions the term.
bool entry_follows(std::string_view text, std::size_t pos, bool after_line_break, std::size_t heading_begin) {
  if (auto e = read_enumerator(text, pos, true)) {
    const std::size_t term = skip_decoration(text, e->span.end, false);
    return find_term_colon(text, term, text.size()).has_value();
  }
  auto colon = find_term_colon(text, pos, text.size(), after_line_break ? 40 : 30);
  if (!colon || *colon == pos) return false;
  if (after_line_break) return true;
  const ScriptFold& fold = ScriptFold::instance();
  const std::u32string term = fold.fold_string(text.substr(pos, *colon - pos));
  return term.size() >= 2 && fold.fold_string(text.substr(0, heading_begin)).find(term) != std::u32string::npos;
}

// The folded keywords, and a finder for the raw code points their first characters fold from.
struct KeywordIndex {
  std::vector<std::u32string> keys;  // distinct, in the order of glossary_keywords(); index = key id
  std::size_t longest = 0;
  SequenceFinder first_characters;
};

const KeywordIndex& keyword_index() {
  static const KeywordIndex index = [] {
    const ScriptFold& fold = ScriptFold::instance();
    std::vector<std::u32string> keys;
    std::size_t longest = 0;
    std::vector<std::string> firsts;
    auto add_first = [&](char32_t cp) {
      std::string bytes = utf8::encode(cp);
      if (std::find(firsts.begin(), firsts.end(), bytes) == firsts.end()) firsts.push_back(std::move(bytes));
    };
    for (std::string_view word : glossary_keywords()) {
      std::u32string key = fold.fold_string(word);
      if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      longest = std::max(longest, key.size());
      if (fold.fold(key[0]) == key[0]) add_first(key[0]);
      for (char32_t raw : fold.sources(key[0])) add_first(raw);
      keys.push_back(std::move(key));
    }
    return KeywordIndex{std::move(keys), longest, SequenceFinder(std::move(firsts))};
  }();
  return index;
}

}  // namespace

std::vector<TermMatch> find_glossary_keywords(std::string_view text) {
  // Keywords are rare, and each starts with one of a handful of characters (名 词 注 in either
  // script): a byte search finds those, and only there are the following code points folded and
  // compared. Document::text is valid UTF-8, so a found sequence is a code point of the text.
  const KeywordIndex& index = keyword_index();
  const ScriptFold& fold = ScriptFold::instance();
  std::vector<TermMatch> hits;
  std::vector<char32_t> folded;    // the folded code points from the candidate on, dropped ones left out
  std::vector<std::size_t> ends;   // where each of them ends
  for (std::size_t pos = index.first_characters.next(text, 0, text.size()); pos < text.size();
       pos = index.first_characters.next(text, pos + 1, text.size())) {
    folded.clear();
    ends.clear();
    for (std::size_t p = pos; p < text.size() && folded.size() < index.longest;) {
      const char32_t f = fold.fold(utf8::next(text, p));
      if (f == ScriptFold::dropped) continue;
      folded.push_back(f);
      ends.push_back(p);
    }
    for (std::size_t k = 0; k < index.keys.size(); ++k) {
      const std::u32string& key = index.keys[k];
      if (key.size() <= folded.size() && std::equal(key.begin(), key.end(), folded.begin()))
        hits.push_back({{pos, ends[key.size() - 1]}, std::uint32_t(k), std::uint32_t(key.size())});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const TermMatch& a, const TermMatch& b) {
    return a.span.end != b.span.end ? a.span.end < b.span.end : a.length > b.length;
  });
  return hits;
}

const std::vector<std::string_view>& glossary_keywords() {
  // Matching folds scripts, so the simplified forms would do; both are listed for readers.
  static const std::vector<std::string_view> words = {
      "名词解释", "名詞解釋", "名词解释和说明", "名詞解釋和說明", "名词注释", "名詞註釋", "名词注解", "名詞註解",
      "名词释义", "名詞釋義", "名词说明", "名詞說明", "词语解释", "詞語解釋", "注释", "註釋", "注解", "註解"};
  return words;
}

std::optional<GlossaryRegion> find_glossary_heading(std::string_view text) {
  std::optional<GlossaryRegion> best;
  for (const TermMatch& hit : find_glossary_keywords(text)) {
    const std::size_t at_pos = hit.span.begin;
    auto line_start = heading_line_start(text, at_pos);
    if (!line_start) continue;
    std::size_t end = hit.span.end;
    for (std::string_view tail : kHeadingTails)
      if (text.substr(end, tail.size()) == tail) end += tail.size();
    // The heading may end in a colon or closing markup.
    std::size_t p = skip_decoration(text, end, false);
    if (is_colon(at(text, p))) {
      p = next_pos(text, p);
      end = p;
    }
    const std::size_t heading_end = end;
    const std::size_t line_end = text.find('\n', heading_end);
    p = skip_decoration(text, heading_end);
    const bool line_break = line_end != std::string_view::npos && line_end < p;
    const Span heading{skip_decoration(text, *line_start), heading_end};
    if (!entry_follows(text, p, line_break, heading.begin)) continue;
    if (!best || heading.begin > best->heading.begin) best = GlossaryRegion{heading, {heading_end, text.size()}};
  }
  return best;
}

std::optional<GlossaryRegion> locate_glossary(const Document& doc) {
  for (const Section& s : doc.sections) {
    bool is_glossary = s.kind == "glossary";
    if (!is_glossary && s.kind == "appendix")
      for (std::string_view word : glossary_keywords()) is_glossary |= s.title.find(word) != std::string::npos;
    if (is_glossary && s.span.end <= doc.text.size() && s.heading.end <= s.span.end)
      return GlossaryRegion{s.heading, {s.heading.end, s.span.end}};
  }
  return find_glossary_heading(doc.text);
}

}  // namespace docpipe::glossary_link
