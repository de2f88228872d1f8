#include "glossary_linker.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>

#include "entry_parser.hpp"
#include "glossary_locator.hpp"
#include "marker_alignment.hpp"
#include "marker_finder.hpp"
#include "script_fold.hpp"
#include "text_cursor.hpp"

namespace docpipe::glossary_link {
namespace {

constexpr std::uint32_t kExternalBit = 0x80000000u;

// Key -> entry tables: a term wins over an alias; an alias two entries share links neither.
struct KeyTable {
  std::vector<int> entry;
  std::vector<bool> from_term;
  std::vector<bool> quoted_only;  // a quoted core links only where the text quotes it too
  void assign(std::uint32_t key, int index, bool is_term, bool quoted = false) {
    if (key == TermMatcher::no_key) return;
    if (key >= entry.size()) {
      entry.resize(key + 1, -2);
      from_term.resize(key + 1, false);
      quoted_only.resize(key + 1, true);
    }
    quoted_only[key] = quoted_only[key] && quoted;
    if (entry[key] == -2) {
      entry[key] = index;
      from_term[key] = is_term;
    } else if (!from_term[key] && !is_term && entry[key] != index) {
      entry[key] = -1;
    } else if (!from_term[key] && is_term) {
      entry[key] = index;
      from_term[key] = true;
    }
  }
  int at(std::uint32_t key) const { return key < entry.size() && entry[key] >= 0 ? entry[key] : -1; }
  bool needs_quotes(std::uint32_t key) const { return key < quoted_only.size() && quoted_only[key]; }
};

bool is_open_quote(char32_t c) { return c == 0x201C || c == 0x300C || c == 0x300E || c == '"' || c == 0x2018; }
bool is_close_quote(char32_t c) { return c == 0x201D || c == 0x300D || c == 0x300F || c == '"' || c == 0x2019; }

// Adds the terms and aliases of @p entries; aliases of the first @p quoted_alias_entries entries are
// quoted cores of their titles, which link only where the text quotes them too.
void add_entry_keys(TermMatcher& matcher, KeyTable& table, const std::vector<GlossaryEntry>& entries,
                    std::size_t min_length, std::size_t quoted_alias_entries = 0) {
  for (std::size_t i = 0; i < entries.size(); ++i) table.assign(matcher.add(entries[i].term, min_length), int(i), true);
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (const auto& alias : entries[i].aliases)
      table.assign(matcher.add(alias, min_length), int(i), false, i < quoted_alias_entries);
  matcher.build();
}

std::string number_text(int n) { return std::to_string(n); }

void check_numbering(Document& doc, const std::string& stage) {
  const auto& entries = doc.glossary.entries;
  std::map<int, std::size_t> seen;
  int previous = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const GlossaryEntry& e = entries[i];
    if (auto it = seen.find(e.number); it != seen.end()) {
      doc.report(Severity::warning, "glossary-duplicate-number",
                 "glossary entry number " + number_text(e.number) + " is used twice ('" + entries[it->second].term +
                     "' and '" + e.term + "')",
                 e.span, stage);
    } else if (e.number < previous) {
      doc.report(Severity::warning, "glossary-out-of-order",
                 "glossary entry " + number_text(e.number) + " ('" + e.term + "') comes after entry " +
                     number_text(previous),
                 e.span, stage);
    } else if (e.number > previous + 1) {
      const std::string missing = e.number == previous + 2
                                      ? "entry " + number_text(previous + 1) + " is"
                                      : "entries " + number_text(previous + 1) + " to " + number_text(e.number - 1) + " are";
      doc.report(Severity::info, "glossary-number-gap",
                 "the glossary jumps from entry " + number_text(previous) + " to " + number_text(e.number) + ": " +
                     missing + " missing",
                 e.span, stage);
    }
    seen.emplace(e.number, i);
    previous = std::max(previous, e.number);
  }
}

bool is_latin_alnum(char32_t c) { return (c < 0x80 && std::isalnum(static_cast<int>(c))) || (c >= 0xFF10 && c <= 0xFF5A); }

// A match whose first (last) character is a Latin letter or digit must not continue a Latin word:
// `CRO` is no mention inside `MICRO`.
bool at_word_edges(std::string_view text, Span s) {
  if (is_latin_alnum(at(text, s.begin)) && is_latin_alnum(before(text, s.begin))) return false;
  if (is_latin_alnum(before(text, s.end)) && is_latin_alnum(at(text, s.end))) return false;
  return true;
}

// A match that holds a closing quote but not its opening one (`五治”融合` of `“五治”融合`), or the
// other way round, takes in the quote just outside it, so the linked text reads as written.
Span balance_quotes(std::string_view text, Span s) {
  int open = 0, unmatched_close = 0;
  for (std::size_t p = s.begin; p < s.end; p = next_pos(text, p)) {
    const char32_t c = at(text, p);
    if (c == 0x201C) ++open;
    else if (c == 0x201D) open > 0 ? --open : ++unmatched_close;
  }
  if (unmatched_close > 0 && before(text, s.begin) == 0x201C) s.begin = prev_pos(text, s.begin);
  if (open > 0 && at(text, s.end) == 0x201D) s.end = next_pos(text, s.end);
  return s;
}

}  // namespace

std::vector<std::string> quoted_cores(std::string_view title) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < title.size()) {
    const char32_t c = at(title, pos);
    const char32_t close = c == 0x201C ? 0x201D : c == 0x300C ? 0x300D : c == 0x300E ? 0x300F : c == '"' ? '"' : 0;
    pos = next_pos(title, pos);
    if (close == 0) continue;
    const std::size_t begin = pos;
    while (pos < title.size() && at(title, pos) != close) pos = next_pos(title, pos);
    if (pos >= title.size()) break;
    const std::string_view core = title.substr(begin, pos - begin);
    pos = next_pos(title, pos);
    bool han = false;
    for (std::size_t p = 0; p < core.size();) han |= is_han(utf8::next(core, p));
    if (han && utf8::length(core) + 2 < utf8::length(title)) out.emplace_back(core);
  }
  return out;
}

GlossaryLinker::GlossaryLinker(std::vector<GlossaryEntry> external, LinkOptions options)
    : external_(std::move(external)), options_(std::move(options)) {
  KeyTable table;
  add_entry_keys(external_matcher_, table, external_, options_.min_term_length);
  external_key_entry_.resize(external_matcher_.keys(), -1);
  for (std::size_t k = 0; k < external_key_entry_.size(); ++k) external_key_entry_[k] = table.at(std::uint32_t(k));
}

void GlossaryLinker::process(Document& doc) const {
  const std::string& stage = options_.stage;
  const std::string_view text = doc.text;
  const ScriptFold& fold = ScriptFold::instance();
  doc.glossary = {};

  std::vector<Span> body{{0, text.size()}};
  bool numbered = false;
  if (auto region = locate_glossary(doc)) {
    const std::size_t heading_begin = region->heading.empty() ? region->body.begin : region->heading.begin;
    ParsedGlossary parsed = parse_entries(text, region->body, {0, heading_begin});
    if (parsed.entries.empty()) {
      doc.report(Severity::warning, "glossary-empty", "a glossary heading was found but no entry could be parsed",
                 region->heading, stage);
    } else {
      numbered = parsed.numbered;
      const std::size_t start = region->heading.empty() ? region->body.begin : region->heading.begin;
      body = {{0, start}, {parsed.end, text.size()}};
      for (ParsedEntry& p : parsed.entries) {
        GlossaryEntry e;
        e.number = p.number;
        e.term = std::move(p.term);
        e.definition = std::move(p.definition);
        e.span = p.span;
        e.term_span = p.term_span;
        if (options_.quoted_aliases)
          for (std::string& core : quoted_cores(p.title_span.of(text)))
            if (core != e.term && std::find(e.aliases.begin(), e.aliases.end(), core) == e.aliases.end())
              e.aliases.push_back(std::move(core));
        doc.glossary.entries.push_back(std::move(e));
      }
      if (numbered) check_numbering(doc, stage);
    }
  }
  const std::size_t document_entries = doc.glossary.entries.size();

  // Markers, and the text around each that spells its entry's title.
  std::vector<Span> taken;
  std::vector<GlossaryLink> links;
  if (numbered) {
    std::unordered_map<int, int> by_number;
    int max_number = 0;
    for (std::size_t i = 0; i < document_entries; ++i) {
      by_number.emplace(doc.glossary.entries[i].number, int(i));
      max_number = std::max(max_number, doc.glossary.entries[i].number);
    }
    for (const Span& range : body) {
      for (const Enumerator& m : find_markers(text, range, max_number + 10)) {
        const std::string written(m.span.of(text));
        auto it = by_number.find(m.number);
        taken.push_back(m.span);
        if (it == by_number.end()) {
          doc.glossary.unresolved.push_back({written, m.number, m.span});
          doc.report(Severity::warning, "glossary-unresolved-marker",
                     "marker " + written + " refers to glossary entry " + number_text(m.number) + ", which does not exist",
                     m.span, stage);
          continue;
        }
        links.push_back({m.span, it->second, "marker"});
        const GlossaryEntry& entry = doc.glossary.entries[std::size_t(it->second)];
        const std::u32string title = fold.fold_string(entry.term_span.of(text));
        auto aligned = align_marker(text, m.span, title, range, fold);
        if (!aligned) {
          doc.report(Severity::info, "glossary-marker-mismatch",
                     "the text before marker " + written + " does not spell entry " + number_text(m.number) + " ('" +
                         entry.term + "')",
                     m.span, stage);
          continue;
        }
        for (const Span& part : {aligned->before, aligned->after}) {
          if (part.empty()) continue;
          links.push_back({balance_quotes(text, part), it->second, "term"});
          taken.push_back(part);
        }
      }
    }
  }

  // Markers after quoted terms but no numbered glossary: an appendix this stage could not find (or
  // a report published without it) — worth a note, since every such marker stays unlinked.
  if (!numbered) {
    std::size_t quoted_markers = 0;
    std::optional<Span> first;
    for (const Enumerator& m : find_markers(text, {0, text.size()}, 99)) {
      std::size_t p = m.span.begin;
      if (p > 0 && is_blank(before(text, p))) p = prev_pos(text, p);
      if (before(text, p) != 0x201D) continue;
      if (!first) first = m.span;
      ++quoted_markers;
    }
    if (quoted_markers >= 3)
      doc.report(Severity::info, "glossary-not-found",
                 std::to_string(quoted_markers) + " markers like “…”(N) follow quoted terms, but no numbered glossary "
                 "was found to resolve them",
                 first, stage);
  }

  // Every further mention of a term, longest first.
  if (options_.link_terms) {
    TermMatcher matcher(fold);
    KeyTable table;
    // Most reports have no glossary: a matcher without keys finds nothing, so it is neither built
    // (a code table and a double array per document) nor run.
    std::vector<TermMatch> found;
    if (document_entries > 0) {
      add_entry_keys(matcher, table, doc.glossary.entries, options_.min_term_length, document_entries);
      for (const Span& range : body) {
        for (const TermMatch& m : matcher.find(text, range, true)) {
          if (!at_word_edges(text, m.span)) continue;
          if (table.needs_quotes(m.key) &&
              !(is_open_quote(before(text, m.span.begin)) && is_close_quote(at(text, m.span.end))))
            continue;
          found.push_back(m);
        }
      }
    }
    const std::size_t document_matches = found.size();
    for (const Span& range : body) {
      for (TermMatch m : external_matcher_.find(text, range, true)) {
        if (!at_word_edges(text, m.span)) continue;
        m.key |= kExternalBit;
        found.push_back(m);
      }
    }
    // Two runs in order of ends; merged stably, a document match stays ahead of an external one.
    std::inplace_merge(found.begin(), found.begin() + std::ptrdiff_t(document_matches), found.end(),
                       [](const TermMatch& a, const TermMatch& b) { return a.span.end < b.span.end; });
    std::map<int, int> external_index;  // index into external_ -> index into doc.glossary.entries
    for (const TermMatch& m : select_longest(std::move(found), taken)) {
      int entry = -1;
      if (m.key & kExternalBit) {
        const std::uint32_t key = m.key & ~kExternalBit;
        const int ext = key < external_key_entry_.size() ? external_key_entry_[key] : -1;
        if (ext < 0) continue;
        auto [it, inserted] = external_index.try_emplace(ext, int(doc.glossary.entries.size()));
        if (inserted) doc.glossary.entries.push_back(external_[std::size_t(ext)]);
        entry = it->second;
      } else {
        entry = table.at(m.key);
      }
      if (entry >= 0) links.push_back({balance_quotes(text, m.span), entry, "term"});
    }
  }
  std::sort(links.begin(), links.end(), [](const GlossaryLink& a, const GlossaryLink& b) { return a.span < b.span; });
  doc.glossary.links = std::move(links);

  std::vector<bool> referenced(doc.glossary.entries.size(), false);
  for (const GlossaryLink& l : doc.glossary.links) referenced[std::size_t(l.entry)] = true;
  for (std::size_t i = 0; i < document_entries; ++i) {
    if (referenced[i]) continue;
    const GlossaryEntry& e = doc.glossary.entries[i];
    doc.report(Severity::info, "glossary-unreferenced-entry",
               "glossary entry " + (e.number > 0 ? number_text(e.number) + " " : std::string()) + "('" + e.term +
                   "') is never referenced in the text",
               e.term_span, stage);
  }
}

}  // namespace docpipe::glossary_link
