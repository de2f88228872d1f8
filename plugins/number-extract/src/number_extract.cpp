#include "number_extract.hpp"

#include <algorithm>
#include <optional>

#include "folded_text.hpp"
#include "indicator_extractor.hpp"
#include "number_scanner.hpp"
#include "report_context.hpp"
#include "sentence_splitter.hpp"

namespace number_extract {
namespace {

// Innermost section holding byte offset b: sections are flat in document order and a child comes
// after its parent, so the last one containing b (before the first that starts after b) is the
// deepest. Called per sentence and per fact: when the sections start in order (as splitters write
// them), the ones starting at or before b are found by a binary search and the deepest is the
// nearest of them that still holds b; otherwise every section is tried.
class SectionOf {
 public:
  explicit SectionOf(const std::vector<docpipe::Section>& sections)
      : sections_(sections),
        sorted_(std::is_sorted(sections.begin(), sections.end(), [](const docpipe::Section& a, const docpipe::Section& b) {
          return a.span.begin < b.span.begin;
        })) {}
  int operator()(std::size_t b) {
    if (!sorted_) {
      int found = -1;
      for (std::size_t s = 0; s < sections_.size(); ++s) {
        if (sections_[s].span.begin > b) break;
        if (sections_[s].span.begin <= b && b < sections_[s].span.end) found = static_cast<int>(s);
      }
      return found;
    }
    // The sections starting at or before b: walked forward from the last answer (offsets mostly come
    // in text order), searched when b went back.
    if (b < last_b_)
      starting_ = static_cast<std::size_t>(
          std::upper_bound(sections_.begin(), sections_.end(), b,
                           [](std::size_t x, const docpipe::Section& sec) { return x < sec.span.begin; }) -
          sections_.begin());
    else
      while (starting_ < sections_.size() && sections_[starting_].span.begin <= b) ++starting_;
    last_b_ = b;
    for (std::size_t s = starting_; s-- > 0;)
      if (b < sections_[s].span.end) return static_cast<int>(s);
    return -1;
  }

 private:
  const std::vector<docpipe::Section>& sections_;
  bool sorted_;
  std::size_t starting_ = 0;  // sections starting at or before last_b_
  std::size_t last_b_ = 0;
};

// Without a section tree, a sentence that opens with a top-level label (一、2023年工作回顾) stands
// for the heading of what follows, so results and targets can still be told apart.
bool opens_with_top_label(const FoldedText& t, std::size_t b, std::size_t e) {
  // Markdown conversions wrap headings: **一、2024年工作回顾**, ## 一、...
  while (b < e && (t.at(b) == U'*' || t.at(b) == U'#' || t.at(b) == U' ')) ++b;
  std::size_t k = b;
  while (k < e && k < b + 4 && (t.at(k) == U'一' || t.at(k) == U'二' || t.at(k) == U'三' || t.at(k) == U'四' ||
                                t.at(k) == U'五' || t.at(k) == U'六' || t.at(k) == U'七' || t.at(k) == U'八' ||
                                t.at(k) == U'九' || t.at(k) == U'十'))
    ++k;
  return k > b && (t.at(k) == U'、' || t.at(k) == U'.');
}

// A short line without a full stop that names a part of the report (**2024年工作回顾**).
bool looks_like_heading(const FoldedText& t, std::size_t b, std::size_t e) {
  if (e <= b || e - b > 30 || t.at(e - 1) == U'。') return false;
  const std::u32string_view line = t.view(b, e);
  for (std::u32string_view w : {U"工作回顾", U"工作安排", U"目标任务", U"总体要求", U"主要任务", U"过去五年"})
    if (line.find(w) != std::u32string_view::npos) return true;
  return false;
}

// A report that announces its targets (主要预期目标) but yields none was read wrongly or is damaged
// there: say so, with the place, so a reader can look.
void report_missing_targets(docpipe::Document& doc, const FoldedText& t) {
  for (const auto& ind : doc.indicators)
    if (std::string_view(ind.status) == "target") return;
  const std::size_t i = t.view(0, t.size()).find(U"预期目标");
  if (i == std::u32string_view::npos) return;
  doc.report(docpipe::Severity::warning, "number-extract-no-targets",
             "the report names its expected targets (预期目标) but no target figure was read from it",
             docpipe::Span{t.byte(i), t.byte(i + 4)}, "number-extract");
}

// Code point indexes of byte offsets that mostly come in text order (sentence after sentence): a
// forward walk from the last answer instead of a binary search over the whole text each time.
class ByteToIndex {
 public:
  explicit ByteToIndex(const FoldedText& t) : t_(t) {}
  /// FoldedText::index_of_byte(b).
  std::size_t operator()(std::size_t b) {
    if (i_ > 0 && t_.byte(i_ - 1) >= b) return i_ = t_.index_of_byte(b);  // went back: search
    if (i_ >= t_.size() || t_.byte(i_) >= b) return i_;
    // Every code point has a byte or more, so the answer is at most b - byte(i_) code points ahead:
    // a binary search over that stretch instead of a step per code point of the sentence.
    std::size_t lo = i_ + 1, hi = std::min(t_.size(), i_ + (b - t_.byte(i_)));
    // A stretch of Chinese text has three bytes a code point: the first probe goes there, and is the
    // answer whenever the stretch holds nothing else.
    if (const std::size_t guess = i_ + (b - t_.byte(i_)) / 3; guess >= lo && guess < hi) {
      if (t_.byte(guess) < b) {
        lo = guess + 1;
      } else {
        if (t_.byte(guess - 1) < b) return i_ = guess;
        hi = guess;
      }
    }
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (t_.byte(mid) < b) lo = mid + 1;
      else hi = mid;
    }
    return i_ = lo;
  }

 private:
  const FoldedText& t_;
  std::size_t i_ = 0;
};

// The stretches read as one sentence: the given sentences, with those that a `；` joins on one line
// put back together. section-split ends a sentence at `；`, this stage's own split does not; reading
// the joined clauses as one keeps status, period and continued names the same either way.
std::vector<docpipe::Span> reading_units(const std::string& text, const std::vector<docpipe::Span>& sentences) {
  std::vector<docpipe::Span> units;
  units.reserve(sentences.size());
  for (const docpipe::Span& s : sentences) {
    bool joined = false;
    if (!units.empty() && units.back().end <= s.begin) {
      const std::size_t end = units.back().end;
      // `；` is EF BC 9B in UTF-8.
      const bool semicolon = (end >= 3 && text[end - 1] == '\x9B' && text[end - 2] == '\xBC' && text[end - 3] == '\xEF') ||
                             (end >= 1 && text[end - 1] == ';');
      joined = semicolon && text.find_first_not_of(" \t", end) >= s.begin;
    }
    if (joined) units.back().end = s.end;
    else units.push_back(s);
  }
  return units;
}

}  // namespace

void extract_numbers(docpipe::Document& doc, const IndicatorTable& table, const Options& options) {
  const FoldedText t(doc.text);
  ScannedNumbers scan = scan_numbers(t);
  const std::vector<ScannedNumber>& scanned = scan.numbers;
  // The mentions go into the document as one block (its buffer changes hands, so the numbers still
  // point to them); the indicator pass reads them there.
  doc.numbers = std::move(scan.mentions);
  doc.indicators.clear();
  // Without `names`, the name mentions leave once nothing reads them any more.
  auto publish_numbers = [&] {
    if (options.names) return;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < scanned.size(); ++k) {
      if (scanned[k].kind == NumberKind::name) continue;
      if (kept != k) doc.numbers[kept] = std::move(doc.numbers[k]);
      ++kept;
    }
    doc.numbers.resize(kept);
  };
  if (!options.indicators) {
    publish_numbers();
    return;
  }

  // About one fact for four mentions in reports: room for them up front, so facts are not moved
  // while the vector grows.
  doc.indicators.reserve(scanned.size() / 3 + 8);
  const std::vector<docpipe::Span> own_sentences = doc.sentences.empty() ? split_sentences(doc.text) : std::vector<docpipe::Span>{};
  const std::vector<docpipe::Span> sentences = reading_units(doc.text, doc.sentences.empty() ? own_sentences : doc.sentences);
  // Facts name the given sentence that holds them, not the reading unit.
  const std::vector<docpipe::Span>& given = doc.sentences.empty() ? own_sentences : doc.sentences;
  std::size_t given_at = 0;
  const int year = report_year(doc, scanned);

  std::size_t n = 0;
  std::vector<const ScannedNumber*> in_sentence;
  std::u32string pseudo_heading;
  // The heading's status changes only with the section or the pseudo-heading: read once for each.
  int heading_section = -1;
  bool heading_stale = true;
  std::string heading_status;
  std::vector<std::optional<std::string>> section_status;  // by section, once read
  std::vector<std::optional<std::u32string>> folded_titles;  // by section, once folded
  // The previous reading unit's context, for one that continues it after `；` or `：`. Reading a
  // context walks the whole sentence, and most sentences neither give facts nor are continued: a
  // sentence without facts keeps only what its context is read from, read if a continuation asks.
  SentenceContext carried;
  struct Pending {
    bool set = false;
    std::size_t b = 0, e = 0;
    std::string heading_status;
    std::vector<const ScannedNumber*> numbers;
  } pending;
  auto resolve_carried = [&]() -> const SentenceContext& {
    if (pending.set) {
      carried = sentence_context_under(t, pending.b, pending.e, pending.heading_status, year, pending.numbers);
      pending.set = false;
    }
    return carried;
  };
  ByteToIndex index_of(t);
  SectionOf section_of(doc.sections);
  for (const docpipe::Span& sentence : sentences) {
    const std::size_t b = index_of(sentence.begin), e = index_of(sentence.end);
    if (doc.sections.empty()) {
      if (opens_with_top_label(t, b, e) || looks_like_heading(t, b, e)) {
        pseudo_heading.clear();
        for (std::size_t k = b; k < e && k < b + 40; ++k) pseudo_heading.push_back(t.at(k));
        heading_stale = true;
      }
    }
    while (n < scanned.size() && scanned[n].mention->span.begin < sentence.begin) ++n;
    in_sentence.clear();
    for (std::size_t k = n; k < scanned.size() && scanned[k].mention->span.end <= sentence.end; ++k)
      in_sentence.push_back(&scanned[k]);
    if (in_sentence.empty()) {
      // `主要预期目标是：` alone on its line introduces the list below it.
      std::size_t last = e;
      while (last > b && (t.at(last - 1) == U' ' || t.at(last - 1) == U'\n')) --last;
      if (last > b && (t.at(last - 1) == U'：' || t.at(last - 1) == U':'))
        carried = sentence_context(t, b, e, U"", year, in_sentence), pending.set = false;
      continue;
    }
    const int section = section_of(sentence.begin);
    if (heading_stale || section != heading_section) {
      if (section >= 0) {
        // A section's status is read once: sentences of a section come in runs between those of its
        // subsections, so the same section is met again and again.
        if (section_status.empty()) section_status.resize(doc.sections.size());
        auto& known = section_status[static_cast<std::size_t>(section)];
        if (!known) {
          // The heading of the section and of its ancestors: 主要预期目标 may sit one level up.
          std::u32string heading = pseudo_heading;
          for (int s = section; s >= 0; s = doc.sections[s].parent) {
            // Folded once per section: a title is read again for each of its subsections.
            if (folded_titles.empty()) folded_titles.resize(doc.sections.size());
            auto& title = folded_titles[static_cast<std::size_t>(s)];
            if (!title) title = fold_utf8(doc.sections[s].title);
            heading += *title;
            heading += U' ';
          }
          known = status_from_heading(heading, year);
        }
        heading_status = *known;
      } else {
        heading_status = status_from_heading(pseudo_heading, year);
      }
      heading_section = section;
      heading_stale = false;
    }
    // A splitter may cut a list at its semicolons or after its colon; 预计 or 预期目标 at the head
    // of the list holds for all of it.
    std::size_t before = b;
    while (before > 0 && (t.at(before - 1) == U' ' || t.at(before - 1) == U'\n')) --before;
    const char32_t joint = before > 0 ? t.at(before - 1) : 0;
    const bool continues = joint == U'；' || joint == U';' || joint == U'：' || joint == U':';
    const std::size_t first_new = doc.indicators.size();
    if (continues) {
      SentenceContext ctx = sentence_context_under(t, b, e, heading_status, year, in_sentence);
      const SentenceContext& previous = resolve_carried();
      if (!previous.status.empty() && std::string_view(ctx.status) != "target" && std::string_view(ctx.status) != "estimate")
        ctx = previous;
      carried = ctx;
      extract_indicators(t, b, e, in_sentence, table, ctx, doc.indicators);
    } else {
      // The facts take the sentence's status and period, which only they need: read once there are some.
      static const SentenceContext unread;
      extract_indicators(t, b, e, in_sentence, table, unread, doc.indicators);
      if (doc.indicators.size() > first_new) {
        carried = sentence_context_under(t, b, e, heading_status, year, in_sentence);
        pending.set = false;
        for (std::size_t k = first_new; k < doc.indicators.size(); ++k) {
          doc.indicators[k].status = carried.status;
          doc.indicators[k].period = carried.period;
        }
      } else {
        pending.set = true;
        pending.b = b;
        pending.e = e;
        pending.heading_status = heading_status;
        pending.numbers.swap(in_sentence);  // in_sentence is refilled for the next sentence
      }
    }
    for (std::size_t k = first_new; k < doc.indicators.size(); ++k) {
      docpipe::Indicator& ind = doc.indicators[k];
      while (given_at + 1 < given.size() && given[given_at].end <= ind.span.begin) ++given_at;
      ind.sentence = given[given_at];
      ind.section = section_of(ind.span.begin);
    }
  }
  report_missing_targets(doc, t);
  publish_numbers();
}

}  // namespace number_extract
