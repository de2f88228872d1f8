#include "section_splitter.hpp"

#include "blocks.hpp"
#include "front_matter.hpp"
#include "sentences.hpp"
#include "title_block.hpp"

namespace section_split {

void split_document(docpipe::Document& doc, const SplitOptions& options) {
  const std::string_view text = doc.text;
  const FrontMatter front_matter = read_front_matter(text);
  BlockOptions block_options;
  block_options.runon_min_bytes = options.runon_min_bytes;
  const std::vector<Block> blocks = split_blocks(text, front_matter.body_begin, block_options);

  // Every block is read as a heading candidate once: the tree needs all of them, the title block the
  // first ones.
  std::vector<std::optional<Candidate>> all_candidates = read_candidates(text, blocks, options.tree.candidates);
  // the title block ends where the body starts; only the first blocks are read for it
  const std::size_t head = blocks.size() < 60 ? blocks.size() : 60;
  std::vector<std::optional<Candidate>> candidates(all_candidates.begin(), all_candidates.begin() + std::ptrdiff_t(head));
  doc.sections = build_tree(text, blocks, std::move(all_candidates), options.tree);
  std::vector<Block> head_blocks(blocks.begin(), blocks.begin() + std::ptrdiff_t(head));
  std::size_t body = find_body_start(text, head_blocks, candidates);
  if (!doc.sections.empty()) {
    // never read the title block past the first section
    std::size_t first = 0;
    while (first < blocks.size() && blocks[first].end <= doc.sections.front().span.begin) ++first;
    if (body == 0 || body > first) body = first;
  }
  doc.metadata = docpipe::Metadata{};
  read_metadata(text, blocks, body, front_matter, doc.metadata);

  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.paragraphs.reserve(blocks.size());
  // Sentences average about 124 bytes over the benchmark corpus: room for most reports' sentences
  // (five in six there) without regrowing the vector.
  if (options.sentences) doc.sentences.reserve(text.size() / 128 + blocks.size());
  for (const Block& b : blocks) {
    if (!b.has_text) continue;
    doc.paragraphs.push_back({b.begin, b.end});
    if (options.sentences) split_sentences(text, {b.begin, b.end}, doc.sentences);
  }
}

}  // namespace section_split
