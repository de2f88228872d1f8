// Tests of the Catch2 matchers: each one must fail on the near miss, not only pass on the hit.
#include <catch2/catch.hpp>

#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/matchers.hpp"

using namespace docpipe;
using namespace docpipe::testkit;

namespace {
Document tagged() {
  Document doc = document_from_bytes("优化营商环境，推动高质量发展。");
  doc.annotations.push_back({{6, 18}, "keyword", {{"keyword", "营商环境"}}, "keyword-tag"});
  doc.annotations.push_back({{27, 42}, "keyword", {{"keyword", "高质量发展"}}, "keyword-tag"});
  doc.report(Severity::warning, "glossary-unresolved-marker", "no entry", Span{6, 18}, "glossary-link");
  doc.repairs.push_back({});
  doc.repairs[0].kind = "mojibake-lost-byte";
  doc.repairs[0].before = "\\xE5";
  doc.repairs[0].after = "发";
  return doc;
}
}  // namespace

TEST_CASE("HasAnnotation: type, text, attributes, producer and counts") {
  const Document doc = tagged();
  CHECK(HasAnnotation("keyword").match(doc));
  CHECK(HasAnnotation("keyword").onText("营商环境").match(doc));
  CHECK_FALSE(HasAnnotation("keyword").onText("营商").match(doc));
  CHECK(HasAnnotation("keyword").withAttribute("keyword", "高质量发展").match(doc));
  CHECK_FALSE(HasAnnotation("keyword").onText("营商环境").withAttribute("keyword", "高质量发展").match(doc));
  CHECK_FALSE(HasAnnotation("keyword").from("other").match(doc));
  CHECK(HasAnnotation("keyword").times(2).exactly().match(doc));
  CHECK_FALSE(HasAnnotation("keyword").times(1).exactly().match(doc));
  CHECK_FALSE(HasAnnotation("keyword").times(3).match(doc));
  CHECK_FALSE(HasAnnotation("topic").match(doc));
  CHECK(HasAnnotation("topic").times(0).exactly().match(doc));
  CHECK_THAT(HasAnnotation("keyword").onText("营商").describe(), Catch::Contains("on \"营商\""));
}

TEST_CASE("HasDiagnostic: code, severity, stage and place") {
  const Document doc = tagged();
  CHECK(HasDiagnostic("glossary-unresolved-marker").match(doc));
  CHECK(HasDiagnostic("glossary-unresolved-marker").withSeverity(Severity::warning).from("glossary-link").onText("营商环境").match(doc));
  CHECK_FALSE(HasDiagnostic("glossary-unresolved-marker").withSeverity(Severity::error).match(doc));
  CHECK_FALSE(HasDiagnostic("glossary-unresolved-marker").from("section-split").match(doc));
  CHECK_FALSE(HasDiagnostic("glossary-unresolved-marker").onText("发展").match(doc));
  CHECK_FALSE(HasDiagnostic("glossary-empty").match(doc));
}

TEST_CASE("HasRepairKind: exact kind, prefix, before and after") {
  const Document doc = tagged();
  CHECK(HasRepairKind("mojibake-lost-byte").match(doc));
  CHECK_FALSE(HasRepairKind("mojibake").match(doc));
  CHECK(HasRepairKind("mojibake").prefix().match(doc));
  CHECK(HasRepairKind("mojibake-lost-byte").changing("\\xE5", "发").match(doc));
  CHECK_FALSE(HasRepairKind("mojibake-lost-byte").changing("\\xE5", "展").match(doc));
}

TEST_CASE("HasValidSpans names the broken span in its description") {
  Document doc = tagged();
  CHECK(HasValidSpans().match(doc));
  doc.annotations[0].span = {7, 18};
  HasValidSpans m;
  CHECK_FALSE(m.match(doc));
  CHECK_THAT(m.describe(), Catch::Contains("annotations[0].span [7, 18)"));
}

TEST_CASE("a failing match prints the layers the document has") {
  const std::string shown = Catch::StringMaker<Document>::convert(tagged());
  CHECK_THAT(shown, Catch::Contains("keyword×2"));
  CHECK_THAT(shown, Catch::Contains("glossary-unresolved-marker×1"));
  CHECK_THAT(shown, Catch::Contains("mojibake-lost-byte×1"));
}
