#include "footnotes.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace docpipe::markdown_export {

namespace {

bool fits(std::string_view text, const Span& s) {
  auto boundary = [&](std::size_t o) {
    return o >= text.size() || (static_cast<unsigned char>(text[o]) & 0xC0) != 0x80;
  };
  return s.begin < s.end && s.end <= text.size() && boundary(s.begin) && boundary(s.end);
}

// Skips white space and closing quotes or brackets: reports write “term”（6）, the marker after the
// quote.
std::size_t skip_closers(std::string_view text, std::size_t pos) {
  static constexpr std::string_view closers[] = {" ", "\t", "”", "’", "」", "』", "》", "〉", "\"", "'", "\u3000"};
  for (bool moved = true; moved;) {
    moved = false;
    for (std::string_view c : closers)
      if (text.substr(pos, c.size()) == c) {
        pos += c.size();
        moved = true;
      }
  }
  return pos;
}

}  // namespace

std::vector<std::string> footnote_labels(const Glossary& glossary) {
  std::map<int, int> uses;
  for (const GlossaryEntry& e : glossary.entries)
    if (e.number > 0) ++uses[e.number];
  std::vector<std::string> labels;
  labels.reserve(glossary.entries.size());
  for (std::size_t i = 0; i < glossary.entries.size(); ++i) {
    const int n = glossary.entries[i].number;
    labels.push_back(n > 0 && uses[n] == 1 ? std::to_string(n) : std::string("g").append(std::to_string(i + 1)));
  }
  return labels;
}

std::vector<FootnoteEdit> footnote_edits(const Document& doc, const std::vector<std::string>& labels,
                                         TermReferences terms) {
  const std::string_view text = doc.text;
  std::vector<const GlossaryLink*> links;
  for (const GlossaryLink& l : doc.glossary.links)
    if (fits(text, l.span) && l.entry >= 0 && static_cast<std::size_t>(l.entry) < labels.size()) links.push_back(&l);
  std::stable_sort(links.begin(), links.end(), [](const GlossaryLink* a, const GlossaryLink* b) { return a->span < b->span; });

  // Markers by start, to see whether one follows a term mention.
  std::map<std::size_t, int> marker_at;
  for (const GlossaryLink* l : links)
    if (l->kind == "marker") marker_at.emplace(l->span.begin, l->entry);

  std::vector<FootnoteEdit> edits;
  std::set<int> referenced;
  std::size_t cursor = 0;
  for (const GlossaryLink* l : links) {
    const std::string& label = labels[static_cast<std::size_t>(l->entry)];
    if (l->kind == "marker") {
      if (l->span.begin < cursor) continue;
      edits.push_back({l->span, label});
      referenced.insert(l->entry);
      cursor = l->span.end;
      continue;
    }
    if (terms == TermReferences::none) continue;
    if (terms == TermReferences::first && referenced.count(l->entry)) continue;
    if (l->span.end < cursor) continue;
    const std::size_t after = skip_closers(text, l->span.end);
    auto marker = marker_at.find(after);
    if (marker != marker_at.end() && marker->second == l->entry) continue;
    edits.push_back({{l->span.end, l->span.end}, label});
    referenced.insert(l->entry);
    cursor = l->span.end;
  }
  return edits;
}

}  // namespace docpipe::markdown_export
