#include "markdown_document.hpp"

#include <algorithm>

#include "docpipe/export/block_layout.hpp"
#include "docpipe/export/file_names.hpp"
#include "markdown_text.hpp"

namespace docpipe::markdown_export {

using exporting::Block;
using exporting::layout_blocks;
using exporting::trim_span;

namespace {

// Writes the block's text with the footnote edits inside it; @p next is the first edit not yet
// written and moves past the ones used.
void write_block_text(std::string& out, std::string_view text, Span block, const std::vector<FootnoteEdit>& edits,
                      std::size_t& next) {
  // Edits before the block (in the title, between blocks, or crossing into this block) are dropped:
  // their text is written as it is.
  while (next < edits.size() && edits[next].span.begin < block.begin) ++next;
  std::size_t pos = block.begin;
  bool line_start = true;
  while (next < edits.size()) {
    const FootnoteEdit& e = edits[next];
    // An insertion right at the block's end (after its last term) still belongs to it.
    const bool inside = e.span.begin >= pos && (e.span.empty() ? e.span.begin <= block.end : e.span.end <= block.end);
    if (!inside) break;
    append_inline(out, text.substr(pos, e.span.begin - pos), line_start);
    line_start = line_start && e.span.begin == pos;
    out += "[^" + e.label + "]";
    line_start = false;
    pos = e.span.empty() ? e.span.begin : e.span.end;
    ++next;
  }
  append_inline(out, text.substr(pos, block.end - pos), line_start);
}

}  // namespace

std::string markdown_file_name(const std::string& id) { return exporting::safe_file_stem(id) + ".md"; }

std::string render_markdown(const Document& doc, const MarkdownOptions& options) {
  const std::string_view text = doc.text;
  const Metadata& m = doc.metadata;
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 1024);

  out += "# ";
  // The title span is left out of the body, so its text must stand in the heading when the metadata
  // has no title.
  std::string title = m.title;
  if (title.empty() && !m.title_span.empty() && m.title_span.end <= text.size()) title = std::string(m.title_span.of(text));
  if (single_line(title).empty()) title = doc.id;
  out += inline_text(single_line(title), false);
  out += "\n\n";
  if (options.metadata_line) {
    std::string meta;
    auto add = [&](const std::string& s) {
      if (s.empty()) return;
      if (!meta.empty()) meta += " · ";
      meta += single_line(s);
    };
    add(m.region);
    add(!m.date.empty() ? m.date : (m.year > 0 ? std::to_string(m.year) : std::string()));
    add(m.meeting);
    if (!meta.empty()) {
      out += '*';
      append_inline(out, meta, false);
      out += "*\n\n";
    }
  }

  const std::vector<std::string> labels = footnote_labels(doc.glossary);
  const std::vector<FootnoteEdit> edits = footnote_edits(doc, labels, options.term_references);
  std::size_t next = 0;
  for (const Block& b : layout_blocks(doc)) {
    if (b.kind == Block::Kind::heading) {
      const int level = std::clamp(doc.sections[static_cast<std::size_t>(b.section)].level + 1, 2, 6);
      out.append(static_cast<std::size_t>(level), '#');
      out += ' ';
    }
    write_block_text(out, text, b.span, edits, next);
    out += "\n\n";
  }

  for (std::size_t i = 0; i < doc.glossary.entries.size(); ++i) {
    const GlossaryEntry& e = doc.glossary.entries[i];
    out += "[^" + labels[i] + "]: **" + inline_text(single_line(e.term), false) + "**";
    const std::string definition = single_line(e.definition);
    if (!definition.empty()) out += "：" + inline_text(definition, false);
    out += "\n";
  }
  if (!doc.glossary.entries.empty()) out += "\n";

  if (!doc.glossary.unresolved.empty()) {
    out += "> **未解析的名词解释标记 (unresolved glossary markers):** ";
    for (std::size_t i = 0; i < doc.glossary.unresolved.size(); ++i) {
      if (i) out += "，";
      out += inline_text(doc.glossary.unresolved[i].marker, false);
    }
    out += "\n";
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace docpipe::markdown_export
