#include "section_tree.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "char_class.hpp"

namespace section_split {
namespace {

using docpipe::Section;
using docpipe::Span;

constexpr int style_count = 11;

int rank_of(Style s) {
  switch (s) {
    case Style::appendix: return 0;
    case Style::plain_markdown: return 1;
    case Style::plain: return 2;
    case Style::chinese: return 3;
    case Style::ordinal: return 4;
    case Style::paren_chinese: return 5;
    case Style::arabic: return 6;
    case Style::paren_arabic: return 7;
    case Style::bracket_arabic: return 7;
    case Style::circled: return 8;
    default: return 9;  // dash items nest under whatever is open
  }
}

// Numbering must run on: a first item, or the next (one lost to damage is tolerated).
bool continues(int previous, int number) {
  if (number == 1) return true;
  if (previous == 0) return number == 2;
  return previous < number && number <= previous + 2;
}

struct Open {
  int rank;
  int index;
};

class Builder {
 public:
  Builder(std::string_view text, const std::vector<Block>& blocks, std::vector<std::optional<Candidate>> candidates,
          const TreeOptions& options)
      : text_(text), blocks_(blocks), options_(options), candidates_(std::move(candidates)), last_number_(1) {}

  std::vector<Section> run() {
    const std::size_t body = find_body_start(text_, blocks_, candidates_);
    choose_plain_headings(body);
    for (std::size_t i = body; i < blocks_.size(); ++i) visit(i);
    close_spans();
    return std::move(sections_);
  }

 private:
  std::string_view slice(std::size_t b, std::size_t e) const { return text_.substr(b, e - b); }

  // Unlabeled part headings count only as a frame: at least two, and none may cut into a running
  // `一、二、三、` sequence (the next `一、` after one must restart at 一).
  void choose_plain_headings(std::size_t body) {
    accepted_plain_.assign(blocks_.size(), false);
    if (!options_.plain_headings) return;
    // next_stop[i]: the first block after i that is a `一、` heading, an appendix or a markdown
    // part heading (computed backwards so that the check stays linear)
    std::vector<std::size_t> next_stop(blocks_.size(), blocks_.size());
    std::size_t upcoming = blocks_.size();
    for (std::size_t i = blocks_.size(); i-- > 0;) {
      next_stop[i] = upcoming;
      const auto& n = candidates_[i];
      if (n && (n->style == Style::chinese || n->style == Style::appendix || n->style == Style::plain_markdown))
        upcoming = i;
    }
    std::vector<std::size_t> chosen;
    for (std::size_t i = body; i < blocks_.size(); ++i) {
      const auto& c = candidates_[i];
      if (!c) continue;
      if (c->style == Style::appendix) break;
      if (c->style != Style::plain && c->style != Style::plain_markdown) continue;
      if (!(c->style == Style::plain_markdown || blocks_[i].bold || c->part_keyword)) continue;
      const std::size_t j = next_stop[i];
      const bool cuts_sequence = j < blocks_.size() && candidates_[j]->style == Style::chinese && candidates_[j]->number != 1;
      if (!cuts_sequence) chosen.push_back(i);
    }
    if (chosen.size() < options_.min_plain_headings) return;
    for (auto i : chosen) accepted_plain_[i] = true;
  }

  int parent_for(int rank, std::size_t& keep) const {
    keep = stack_.size();
    while (keep > 0 && stack_[keep - 1].rank >= rank) --keep;
    return keep == 0 ? -1 : stack_[keep - 1].index;
  }

  int& last_number(int parent, Style style) { return last_number_[std::size_t(parent + 1)][std::size_t(style)]; }

  int add(int parent, std::size_t keep, int rank, Style style, const Candidate& c, std::size_t span_begin,
          std::string kind, std::size_t title_begin, std::size_t title_end, std::size_t heading_end) {
    Section s;
    s.level = parent < 0 ? 1 : sections_[std::size_t(parent)].level + 1;
    s.label = c.label;
    s.title = std::string(slice(title_begin, title_end));
    s.kind = std::move(kind);
    s.heading = Span{c.label_begin, heading_end};
    s.span = Span{span_begin, text_.size()};
    s.parent = parent;
    sections_.push_back(std::move(s));
    const int index = int(sections_.size()) - 1;
    last_number_.emplace_back();
    last_number_.back().fill(0);
    last_number(parent, style) = c.number;
    stack_.resize(keep);
    stack_.push_back({rank, index});
    return index;
  }

  bool short_line(std::size_t i) const {
    if (i >= blocks_.size()) return false;
    const Block& b = blocks_[i];
    const std::string_view s = slice(b.content, b.end);
    if (cp_count(s) > 40) return false;
    for (std::size_t q = 0; q < s.size();) {
      const char32_t ch = docpipe::utf8::next(s, q);
      if (is_sentence_end(ch)) return false;
    }
    return b.has_text;
  }

  // A short line with no label that was not taken as a heading, and that does not lead into what
  // follows with a colon.
  bool unlabeled_line(std::size_t i) const {
    const auto& c = candidates_[i];
    if (c && !((c->style == Style::plain || c->style == Style::plain_markdown) && !accepted_plain_[i])) return false;
    if (!short_line(i)) return false;
    const Block& b = blocks_[i];
    std::size_t e = b.end;
    while (e > b.content && text_[e - 1] == '*') --e;
    return e > b.content && !is_colon(peek(text_, prev_boundary(text_, e)));
  }

  void visit(std::size_t i) {
    if (skip_ == i) return;
    const Block& b = blocks_[i];
    const auto& cand = candidates_[i];
    if (cand && cand->style == Style::appendix) {
      open_appendix(i, *cand);
      return;
    }
    if (in_appendix_ && glossary_) {
      glossary_entry(i);
      return;
    }
    if (!cand) return;
    const Candidate& c = *cand;
    const Style style = c.style;
    if (style == Style::plain || style == Style::plain_markdown) {
      if (in_appendix_ || !accepted_plain_[i]) return;
      // the list of 民生实事 after the body is an appendix even when no 附件 heads it
      const std::string_view title = slice(c.title_begin, c.title_end);
      if (title.find("实事") != std::string_view::npos || title.find("實事") != std::string_view::npos) {
        add(-1, 0, 0, Style::appendix, c, b.begin, "appendix", c.title_begin, c.title_end, c.title_end);
        in_appendix_ = true;
        glossary_ = false;
        return;
      }
    }
    if (style == Style::bracket_arabic) return;
    // `一、关于一年来经济形势问题；` is an entry of an enumeration in the text, not a heading
    if (style == Style::chinese && c.standalone && !in_appendix_ && c.title_end < b.end) {
      const char32_t closing = peek(text_, c.title_end);
      if (closing == 0xFF1B || closing == U';') return;
    }
    const int rank = rank_of(style);
    std::size_t keep = 0;
    int parent = parent_for(rank, keep);
    const bool numbered = style != Style::plain && style != Style::plain_markdown && style != Style::dash;
    // A level-1 part is named in a phrase; `一、省六届人大二次会议提出，…` running on for a whole
    // sentence is a numbered paragraph.
    if ((style == Style::chinese || style == Style::paren_chinese) && parent < 0 &&
        cp_count(slice(c.title_begin, c.title_end)) > options_.max_level1_chars)
      return;
    if (numbered) {
      const int previous = last_number(parent, style);
      if (!continues(previous, c.number)) return;
      // A second `一、` run at the top of the body after a finished one, under a short unlabeled
      // line (`2022年10件惠民实事`): that line heads an appendix-like list.
      if (style == Style::chinese && parent < 0 && !in_appendix_ && c.number == 1 && previous >= 2 && i > 0 &&
          unlabeled_line(i - 1)) {
        Candidate head;
        head.label_begin = blocks_[i - 1].content;
        add(-1, 0, 0, Style::appendix, head, blocks_[i - 1].begin, "appendix", blocks_[i - 1].content,
            blocks_[i - 1].end, blocks_[i - 1].end);
        in_appendix_ = true;
        parent = parent_for(rank, keep);
      }
    }
    const std::string kind = style == Style::dash ? "item" : in_appendix_ ? "appendix" : "body";
    add(parent, keep, rank, style, c, b.begin, kind, c.title_begin, c.title_end, c.title_end);
  }

  void open_appendix(std::size_t i, const Candidate& c) {
    std::size_t title_begin = c.title_begin, title_end = c.title_end;
    bool glossary = c.names_glossary;
    // `附件1` alone on its line takes the next short line as its title.
    if (title_end <= title_begin && short_line(i + 1)) {
      const auto& next = candidates_[i + 1];
      if (!next || next->style == Style::plain || next->style == Style::plain_markdown ||
          (next->style == Style::appendix && next->label.empty())) {
        const Block& nb = blocks_[i + 1];
        title_begin = nb.content;
        title_end = next ? next->title_end : nb.end;
        while (title_end > title_begin && text_[title_end - 1] == '*') --title_end;
        glossary = names_glossary(slice(title_begin, title_end));
        skip_ = i + 1;
      }
    }
    add(-1, 0, 0, Style::appendix, c, blocks_[i].begin, glossary ? "glossary" : "appendix", title_begin, title_end,
        title_end);
    in_appendix_ = true;
    glossary_ = glossary;
    glossary_numbered_ = false;
  }

  // Inside a glossary every numbered or `term：` block is an entry, titled by its term; circled
  // numbers inside an entry's definition are a list under that entry.
  void glossary_entry(std::size_t i) {
    const Block& b = blocks_[i];
    const auto& cand = candidates_[i];
    Candidate c;
    std::size_t title_end = 0;
    if (cand && (cand->style == Style::arabic || cand->style == Style::paren_arabic ||
                 cand->style == Style::bracket_arabic || cand->style == Style::chinese ||
                 cand->style == Style::paren_chinese)) {
      c = *cand;
      title_end = c.term_end > c.title_begin && c.term_end < c.title_end ? c.term_end : c.title_end;
      // trim blanks and bold markers before the colon
      while (title_end > c.title_begin) {
        const std::size_t q = prev_boundary(text_, title_end);
        const char32_t ch = peek(text_, q);
        if (is_blank(ch) || ch == U'*') title_end = q;
        else break;
      }
    } else if (cand && cand->style == Style::circled) {
      std::size_t keep = 0;
      const int parent = parent_for(rank_of(Style::circled), keep);
      if (parent >= 0 && continues(last_number(parent, Style::circled), cand->number))
        add(parent, keep, rank_of(Style::circled), Style::circled, *cand, b.begin, "glossary", cand->title_begin,
            cand->title_end, cand->title_end);
      return;
    } else {
      // `term：definition` with a short term and no sentence inside it, in a glossary whose entries
      // are not numbered (after numbered entries, such lines are page chrome: `责任编辑：`)
      Candidate t;
      if (glossary_numbered_) {
        // `6.5项工作获…：` — a term that starts with a digit, numbered on from the entry before
        std::size_t p = b.content, number = 0, digits = 0;
        while (p < b.end && text_[p] >= '0' && text_[p] <= '9' && digits < 3) number = number * 10 + std::size_t(text_[p++] - '0'), ++digits;
        if (digits == 0 || p >= b.end || number != std::size_t(last_entry_number_) + 1) return;
        const std::size_t label_end = p;
        const char32_t mark = docpipe::utf8::next(text_, p);
        if (mark != U'.' && mark != 0xFF0E && mark != 0x3001) return;
        Block rest = b;
        rest.content = p;
        place_term(rest, t);
        if (t.term_end == 0) return;
        t.label = std::string(slice(b.content, label_end));
        t.label_begin = b.content;
        t.number = int(number);
      } else if (text_.substr(b.content, 3) == "【") {
        // `【1139工作部署】即市委…`: the term in lenticular brackets
        const std::size_t close = text_.find("】", b.content);
        if (close == std::string_view::npos || close >= b.end || cp_count(slice(b.content + 3, close)) > 30) return;
        t.label_begin = b.content;
        t.title_begin = b.content + 3;
        t.term_end = close;
      } else {
        place_term(b, t);
      }
      if (t.term_end == 0) return;
      // the definition follows on the same line
      std::size_t def = t.term_end;
      while (def < b.end && (text_[def] == '*' || text_[def] == ':')) ++def;
      if (def < b.end && is_colon(peek(text_, def))) docpipe::utf8::next(text_, def);
      if (cp_count(slice(def, b.end)) < 2) return;
      const std::string_view term = slice(t.title_begin, t.term_end);
      if (term.find("报告") != std::string_view::npos || term.find("報告") != std::string_view::npos ||
          term.find("各位代表") != std::string_view::npos)
        return;
      c = t;
      title_end = t.term_end;
    }
    if (title_end <= c.title_begin) return;
    if (!c.label.empty()) glossary_numbered_ = true, last_entry_number_ = c.number;
    std::size_t keep = 0;
    const int parent = parent_for(6, keep);
    const int index = add(parent, keep, 6, Style::arabic, c, b.begin, "glossary", c.title_begin, title_end, title_end);
    circled_inside(b, sections_[std::size_t(index)].heading.end, index);
  }

  void place_term(const Block& b, Candidate& t) const {
    t.label_begin = b.content;
    t.title_begin = b.content;
    std::size_t p = b.content;
    if (p + 1 < b.end && text_[p] == '*' && text_[p + 1] == '*') t.label_begin = t.title_begin = p = p + 2;
    std::size_t count = 0;
    while (p < b.end && count <= 25) {
      std::size_t q = p;
      const char32_t ch = docpipe::utf8::next(text_, q);
      if (is_colon(ch)) {
        std::size_t e = p;
        while (e > t.title_begin && text_[e - 1] == '*') --e;
        if (count >= 1 && e > t.title_begin) t.term_end = e;
        return;
      }
      if (is_sentence_end(ch) || ch == 0xFF0C || ch == U',') return;  // `、` may stand inside a term
      ++count;
      p = q;
    }
  }

  void circled_inside(const Block& b, std::size_t from, int entry) {
    std::size_t p = from;
    char32_t before = U':';
    while (p < b.end) {
      const std::size_t here = p;
      const char32_t ch = docpipe::utf8::next(text_, p);
      const int v = circled_value(ch);
      if (v && (is_colon(before) || is_sentence_end(before) || is_comma(before) || before == U':')) {
        if (continues(last_number(entry, Style::circled), v)) {
          Candidate c;
          c.label = std::string(slice(here, p));
          c.label_begin = here;
          c.number = v;
          c.title_begin = p;
          std::size_t e = p, count = 0;
          while (e < b.end && count < options_.candidates.max_title_chars) {
            std::size_t q = e;
            const char32_t d = docpipe::utf8::next(text_, q);
            if (is_sentence_end(d) || circled_value(d)) break;
            e = q;
            ++count;
          }
          if (e > p) {
            std::size_t keep = 0;
            const int parent = parent_for(rank_of(Style::circled), keep);
            if (parent == entry) add(parent, keep, rank_of(Style::circled), Style::circled, c, here, "glossary", p, e, e);
          }
        }
      }
      if (!is_blank(ch)) before = ch;
    }
  }

  void close_spans() {
    // A section ends where the next section at its level or above begins.
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < sections_.size(); ++i) {
      while (!open.empty() && sections_[open.back()].level >= sections_[i].level) {
        sections_[open.back()].span.end = sections_[i].span.begin;
        open.pop_back();
      }
      open.push_back(i);
    }
    for (auto i : open) sections_[i].span.end = text_.size();
  }

  std::string_view text_;
  const std::vector<Block>& blocks_;
  const TreeOptions& options_;
  std::vector<std::optional<Candidate>> candidates_;
  std::vector<bool> accepted_plain_;
  std::vector<Section> sections_;
  std::vector<Open> stack_;
  std::vector<std::array<int, style_count>> last_number_;  // [parent + 1][style]
  bool in_appendix_ = false;
  bool glossary_ = false;
  bool glossary_numbered_ = false;  // the open glossary has numbered entries
  int last_entry_number_ = 0;        // the number of its last entry
  std::size_t skip_ = std::size_t(-1);
};

}  // namespace

std::size_t find_body_start(std::string_view text, const std::vector<Block>& blocks,
                            const std::vector<std::optional<Candidate>>& candidates) {
  std::size_t first_numbered = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (candidates[i] && (candidates[i]->style == Style::chinese || candidates[i]->style == Style::paren_chinese)) {
      first_numbered = i;
      break;
    }
  // the salutation stands alone (`各位代表：`); `各位代表，“十四五”期间…` is a paragraph
  const std::size_t limit = std::min<std::size_t>(first_numbered, 60);
  for (std::size_t i = 0; i < limit; ++i) {
    const std::string_view s = text.substr(blocks[i].content, blocks[i].end - blocks[i].content);
    if ((s.substr(0, 12) == "各位代表" || s.substr(0, 12) == "各位委员" || s.substr(0, 12) == "各位委員") && cp_count(s) <= 10)
      return i + 1;
  }
  return first_numbered < blocks.size() ? first_numbered : 0;
}

std::vector<std::optional<Candidate>> read_candidates(std::string_view text, const std::vector<Block>& blocks,
                                                      const CandidateOptions& options) {
  std::vector<std::optional<Candidate>> candidates;
  candidates.reserve(blocks.size());
  for (const auto& b : blocks) candidates.push_back(read_candidate(text, b, options));
  return candidates;
}

std::vector<Section> build_tree(std::string_view text, const std::vector<Block>& blocks, const TreeOptions& options) {
  return build_tree(text, blocks, read_candidates(text, blocks, options.candidates), options);
}

std::vector<Section> build_tree(std::string_view text, const std::vector<Block>& blocks,
                                std::vector<std::optional<Candidate>> candidates, const TreeOptions& options) {
  if (candidates.size() != blocks.size()) throw std::invalid_argument("build_tree: one candidate per block expected");
  Builder builder(text, blocks, std::move(candidates), options);
  return builder.run();
}

}  // namespace section_split
