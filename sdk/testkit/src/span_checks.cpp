#include "docpipe/testkit/span_checks.hpp"

#include <functional>

namespace docpipe::testkit {

bool on_boundary(const std::string& text, std::size_t offset) noexcept {
  if (offset == text.size()) return true;
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

namespace {

std::string range(const Span& s) {
  std::string out = "[";
  out += std::to_string(s.begin);
  out += ", ";
  out += std::to_string(s.end);
  out += ")";
  return out;
}

// Names every span with its layer so a failure points at the stage's bug, not just "a span".
void walk(const Document& d, const std::function<void(const std::string&, const Span&)>& f) {
  auto idx = [](const char* layer, std::size_t i, const char* field) {
    return std::string(layer) + "[" + std::to_string(i) + "]" + field;
  };
  f("metadata.title_span", d.metadata.title_span);
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    f(idx("sections", i, ".heading"), d.sections[i].heading);
    f(idx("sections", i, ".span"), d.sections[i].span);
  }
  for (std::size_t i = 0; i < d.paragraphs.size(); ++i) f(idx("paragraphs", i, ""), d.paragraphs[i]);
  for (std::size_t i = 0; i < d.sentences.size(); ++i) f(idx("sentences", i, ""), d.sentences[i]);
  for (std::size_t i = 0; i < d.numbers.size(); ++i) f(idx("numbers", i, ".span"), d.numbers[i].span);
  for (std::size_t i = 0; i < d.indicators.size(); ++i) {
    f(idx("indicators", i, ".span"), d.indicators[i].span);
    f(idx("indicators", i, ".sentence"), d.indicators[i].sentence);
  }
  for (std::size_t i = 0; i < d.glossary.entries.size(); ++i) {
    f(idx("glossary.entries", i, ".span"), d.glossary.entries[i].span);
    f(idx("glossary.entries", i, ".term_span"), d.glossary.entries[i].term_span);
  }
  for (std::size_t i = 0; i < d.glossary.links.size(); ++i) f(idx("glossary.links", i, ".span"), d.glossary.links[i].span);
  for (std::size_t i = 0; i < d.glossary.unresolved.size(); ++i)
    f(idx("glossary.unresolved", i, ".span"), d.glossary.unresolved[i].span);
  for (std::size_t i = 0; i < d.annotations.size(); ++i) f(idx("annotations", i, ".span"), d.annotations[i].span);
  for (std::size_t i = 0; i < d.diagnostics.size(); ++i)
    if (d.diagnostics[i].span) f(idx("diagnostics", i, ".span"), *d.diagnostics[i].span);
  for (std::size_t i = 0; i < d.repairs.size(); ++i) f(idx("repairs", i, ".span"), d.repairs[i].span);
}

}  // namespace

std::vector<std::string> span_problems(const Document& doc, std::size_t limit) {
  std::vector<std::string> out;
  auto add = [&](std::string s) {
    if (out.size() < limit) out.push_back(std::move(s));
  };
  walk(doc, [&](const std::string& name, const Span& s) {
    if (s.end < s.begin)
      add(name + " " + range(s) + " ends before it begins");
    else if (s.end > doc.text.size())
      add(name + " " + range(s) + " runs past the text's " + std::to_string(doc.text.size()) + " bytes");
    else if (!on_boundary(doc.text, s.begin) || !on_boundary(doc.text, s.end))
      add(name + " " + range(s) + " cuts a UTF-8 sequence (spans count bytes on code point boundaries)");
  });
  // An empty map with text is a stage that set the text without TextRewriter (or an engine that
  // never decoded); a map of another size is one that changed the text behind the map's back.
  if (!doc.text.empty() || doc.source_map.text_size() != 0) {
    if (doc.source_map.text_size() != doc.text.size())
      add("source_map covers " + std::to_string(doc.source_map.text_size()) + " text bytes but the text has " +
          std::to_string(doc.text.size()) + " (change the text only through TextRewriter)");
    else if (doc.source_map.source_size() > doc.raw.size())
      add("source_map reaches source byte " + std::to_string(doc.source_map.source_size()) + " but raw has " +
          std::to_string(doc.raw.size()));
  }
  for (std::size_t i = 0; i < doc.repairs.size(); ++i) {
    const Repair& r = doc.repairs[i];
    if (r.source_end < r.source_begin || r.source_end > doc.raw.size())
      add("repairs[" + std::to_string(i) + "] source range [" + std::to_string(r.source_begin) + ", " +
          std::to_string(r.source_end) + ") does not lie inside raw");
  }
  return out;
}

std::vector<std::string> order_problems(const Document& doc) {
  std::vector<std::string> out;
  auto in_text_order = [&](const char* layer, const auto& items, auto span_of) {
    for (std::size_t i = 1; i < items.size(); ++i)
      if (span_of(items[i]).begin < span_of(items[i - 1]).begin) {
        out.push_back(std::string(layer) + " not in text order: [" + std::to_string(i) + "] starts at " +
                      std::to_string(span_of(items[i]).begin) + ", before [" + std::to_string(i - 1) + "] at " +
                      std::to_string(span_of(items[i - 1]).begin));
        return;
      }
  };
  auto disjoint_in_order = [&](const char* layer, const std::vector<Span>& spans) {
    for (std::size_t i = 1; i < spans.size(); ++i)
      if (spans[i].begin < spans[i - 1].end) {
        out.push_back(std::string(layer) + "[" + std::to_string(i) + "] starts at " + std::to_string(spans[i].begin) +
                      ", before [" + std::to_string(i - 1) + "] ends at " + std::to_string(spans[i - 1].end) +
                      " (in order, not overlapping)");
        return;
      }
  };
  in_text_order("repairs", doc.repairs, [](const Repair& r) { return r.span; });
  disjoint_in_order("paragraphs", doc.paragraphs);
  disjoint_in_order("sentences", doc.sentences);
  in_text_order("numbers", doc.numbers, [](const NumberMention& n) { return n.span; });
  in_text_order("indicators", doc.indicators, [](const Indicator& n) { return n.span; });
  in_text_order("glossary.links", doc.glossary.links, [](const GlossaryLink& l) { return l.span; });
  in_text_order("glossary.unresolved", doc.glossary.unresolved, [](const UnresolvedMarker& u) { return u.span; });
  return out;
}

}  // namespace docpipe::testkit
