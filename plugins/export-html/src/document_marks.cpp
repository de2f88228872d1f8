#include "document_marks.hpp"

#include <algorithm>
#include <cstdio>

#include "html_escape.hpp"
#include "value_format.hpp"

namespace docpipe::html_export {

namespace {

Mark make(Span span, int rank, const std::string& tag, const std::string& attrs, const std::string& first_only) {
  Mark m;
  m.span = span;
  m.rank = rank;
  m.open = "<" + tag + attrs + first_only + ">";
  m.open_continued = "<" + tag + attrs + " data-cont=\"1\">";
  m.close = "</" + tag + ">";
  return m;
}

}  // namespace

bool span_fits(std::string_view text, const Span& s) {
  auto boundary = [&](std::size_t o) {
    return o >= text.size() || (static_cast<unsigned char>(text[o]) & 0xC0) != 0x80;
  };
  return s.begin <= s.end && s.end <= text.size() && boundary(s.begin) && boundary(s.end);
}

std::string class_token(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') out += c;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (c == '_' || c == ' ') out += '-';
  }
  return out.empty() ? "other" : out;
}

std::string number_tip(const NumberMention& n) {
  std::string tip = format_figure(n.value, n.value_high, n.unit, n.qualifier);
  const std::string scale = chinese_scale(n.value);
  if (!scale.empty()) tip += "（" + scale + (n.unit.empty() || n.unit == "%" ? "" : " " + n.unit) + "）";
  if (!n.kind.empty()) tip += " · " + n.kind;
  return tip;
}

std::string repair_tip(const Repair& r, std::size_t tip_chars) {
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", r.confidence);
  std::string tip = "「" + truncated(r.before, tip_chars) + "」→「" + truncated(r.after, tip_chars) + "」 · " +
                    (r.kind.empty() ? "repair" : r.kind) + " · " + confidence;
  if (!r.stage.empty()) tip += " · " + r.stage;
  if (!r.note.empty()) tip += " · " + truncated(r.note, tip_chars);
  return tip;
}

std::string annotation_tip(const Annotation& a, std::size_t tip_chars) {
  std::string tip = a.type.empty() ? std::string("annotation") : a.type;
  for (const auto& [key, value] : a.attributes) tip += " · " + key + "=" + truncated(value, tip_chars);
  if (!a.producer.empty()) tip += " · " + a.producer;
  return tip;
}

std::vector<Mark> document_marks(const Document& doc, const MarkOptions& options) {
  const std::string_view text = doc.text;
  std::vector<Mark> marks;
  marks.reserve(doc.numbers.size() + doc.glossary.links.size() + doc.indicators.size() + doc.repairs.size() +
               doc.annotations.size());

  for (const GlossaryLink& l : doc.glossary.links) {
    if (!span_fits(text, l.span) || l.span.empty()) continue;
    if (l.entry < 0 || static_cast<std::size_t>(l.entry) >= doc.glossary.entries.size()) continue;
    const std::string cls = l.kind == "marker" ? "gl gl-marker" : "gl";
    marks.push_back(make(l.span, glossary_rank, "span",
                         " class=\"" + cls + "\" data-g=\"" + std::to_string(l.entry) + "\" tabindex=\"0\" role=\"button\"",
                         ""));
  }
  for (std::size_t i = 0; i < doc.indicators.size(); ++i) {
    const Indicator& ind = doc.indicators[i];
    if (!span_fits(text, ind.span) || ind.span.empty()) continue;
    marks.push_back(make(ind.span, indicator_rank, "span",
                         " class=\"ind\" data-ind=\"" + std::to_string(i) + "\"",
                         " id=\"ind-" + std::to_string(i) + "\""));
    marks.back().anchor = "ind-" + std::to_string(i);
  }
  for (const NumberMention& n : doc.numbers) {
    if (!span_fits(text, n.span) || n.span.empty()) continue;
    marks.push_back(make(n.span, number_rank, "span",
                         " class=\"num num-" + class_token(n.kind) + "\" data-tip=\"" + escaped(number_tip(n)) + "\"",
                         ""));
  }
  for (std::size_t i = 0; i < doc.glossary.unresolved.size(); ++i) {
    const UnresolvedMarker& u = doc.glossary.unresolved[i];
    if (!span_fits(text, u.span) || u.span.empty()) continue;
    const std::string tip = "未解析的名词解释标记 " + u.marker + "：没有编号为 " + std::to_string(u.number) +
                            " 的词条 (unresolved glossary marker)";
    marks.push_back(make(u.span, unresolved_rank, "span",
                         " class=\"unres\" data-tip=\"" + escaped(tip) + "\"",
                         " id=\"u-" + std::to_string(i) + "\""));
    marks.back().anchor = "u-" + std::to_string(i);
  }
  if (options.repairs != RepairMarks::none) {
    for (const Repair& r : doc.repairs) {
      if (!span_fits(text, r.span)) continue;
      if (options.repairs == RepairMarks::significant && r.kind == "whitespace") continue;
      const std::string cls = "rep rep-" + class_token(r.kind) + (r.span.empty() ? " del" : "");
      marks.push_back(make(r.span, repair_rank, "span",
                           " class=\"" + cls + "\" data-tip=\"" + escaped(repair_tip(r, options.tip_chars)) + "\"",
                           ""));
    }
  }
  // The open layer: whatever third-party stages found, shown without knowing what it means.
  for (const Annotation& a : doc.annotations) {
    if (!span_fits(text, a.span) || a.span.empty()) continue;
    marks.push_back(make(a.span, annotation_rank, "span",
                         " class=\"ann ann-" + class_token(a.type) + "\" data-tip=\"" +
                             escaped(annotation_tip(a, options.tip_chars)) + "\"",
                         ""));
  }
  return marks;
}

}  // namespace docpipe::html_export
