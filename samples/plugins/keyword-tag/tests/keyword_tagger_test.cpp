// Tests of the tagger: the annotations and diagnostics it writes into a document.
#include <catch2/catch.hpp>

#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/matchers.hpp"
#include "keyword_tagger.hpp"

using namespace docpipe::testkit;

TEST_CASE("every occurrence becomes an annotation with the configured and the written keyword") {
  keyword_tag::KeywordMatcher m({"营商环境", "GDP"}, true);
  docpipe::Document doc = document_from_bytes("优化营商环境。ＧＤＰ增长5%。营商环境持续改善。");
  CHECK(keyword_tag::tag_keywords(doc, m, {}) == 3);
  CHECK_THAT(doc, HasAnnotation("keyword").onText("营商环境").withAttribute("keyword", "营商环境").times(2).exactly());
  CHECK_THAT(doc, HasAnnotation("keyword").onText("ＧＤＰ").withAttribute("keyword", "GDP").withAttribute("matched", "ＧＤＰ"));
  CHECK_THAT(doc, HasAnnotation("keyword").from("keyword-tag").times(3).exactly());
  CHECK_THAT(doc, HasValidSpans());
  CHECK_THAT(doc, !HasDiagnostic("keyword-tag-none-found"));
}

TEST_CASE("annotations of other stages stay and the layer stays in text order") {
  keyword_tag::KeywordMatcher m({"改善"}, true);
  docpipe::Document doc = document_from_bytes("营商环境持续改善，民生不断改善。");
  docpipe::Annotation other{{0, 12}, "topic", {}, "another-stage"};
  doc.annotations.push_back(other);
  keyword_tag::TaggerOptions options;
  options.type = "policy-term";
  CHECK(keyword_tag::tag_keywords(doc, m, options) == 2);
  REQUIRE(doc.annotations.size() == 3);
  for (std::size_t i = 1; i < doc.annotations.size(); ++i) CHECK_FALSE(doc.annotations[i].span < doc.annotations[i - 1].span);
  CHECK_THAT(doc, HasAnnotation("topic").from("another-stage"));
  CHECK_THAT(doc, HasAnnotation("policy-term").onText("改善").times(2).exactly());
}

TEST_CASE("a document without keywords or without text gets a diagnostic, not an error") {
  keyword_tag::KeywordMatcher m({"乡村振兴"}, true);
  docpipe::Document none = document_from_bytes("城市更新稳步推进。");
  CHECK(keyword_tag::tag_keywords(none, m, {}) == 0);
  CHECK_THAT(none, HasDiagnostic("keyword-tag-none-found").withSeverity(docpipe::Severity::info).from("keyword-tag"));
  docpipe::Document undecoded = document_from_bytes("\xC9\xFA\xB2\xFA\xFF");  // GBK bytes: no text yet
  CHECK(undecoded.text.empty());
  CHECK(keyword_tag::tag_keywords(undecoded, m, {}) == 0);
  CHECK_THAT(undecoded, HasDiagnostic("keyword-tag-no-text").withSeverity(docpipe::Severity::warning));
}
