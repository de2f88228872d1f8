#include "keyword_tagger.hpp"

#include <algorithm>

namespace keyword_tag {

std::size_t tag_keywords(docpipe::Document& doc, const KeywordMatcher& matcher, const TaggerOptions& options) {
  if (doc.text.empty()) {
    if (!doc.raw.empty())
      doc.report(docpipe::Severity::warning, "keyword-tag-no-text",
                 "the document has no text to search (run encoding-repair before keyword-tag)", {}, options.producer);
    return 0;
  }
  const std::vector<KeywordMatch> matches = matcher.find(doc.text, options.mode);
  if (matches.empty()) {
    doc.report(docpipe::Severity::info, "keyword-tag-none-found", "none of the configured keywords occurs", {},
               options.producer);
    return 0;
  }
  const std::size_t before = doc.annotations.size();
  for (const KeywordMatch& m : matches) {
    docpipe::Annotation a;
    a.span = {m.begin, m.end};
    a.type = options.type;
    a.attributes["keyword"] = matcher.keywords()[m.keyword];
    a.attributes["matched"] = std::string(a.span.of(doc.text));
    a.producer = options.producer;
    doc.annotations.push_back(std::move(a));
  }
  // Other stages' annotations may already be there: keep the whole layer in text order, stably so
  // that equal spans keep their stage order.
  std::stable_sort(doc.annotations.begin(), doc.annotations.end(),
                   [](const docpipe::Annotation& x, const docpipe::Annotation& y) { return x.span < y.span; });
  return doc.annotations.size() - before;
}

}  // namespace keyword_tag
