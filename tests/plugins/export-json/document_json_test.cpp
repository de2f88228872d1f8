#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "docpipe/export/document_json.hpp"
#include "sample_documents.hpp"
#include "schema_validator.hpp"
#include "test_support.hpp"

using Poco::JSON::Array;
using Poco::JSON::Object;
using test_support::slice;

namespace {

const schema_check::Validator& validator() {
  static const schema_check::Validator v(DOCPIPE_SOURCE_DIR "/docs/schema/docpipe.document-1.schema.json");
  return v;
}

Object::Ptr export_and_parse(const docpipe::Document& doc, bool pretty = false) {
  const std::string json = docpipe::exporting::document_to_json(doc, pretty);
  return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
}

std::size_t u(const Object::Ptr& o, const std::string& key) { return o->getValue<std::size_t>(key); }

/// Checks that the object's [begin_key, end_key) code point range of the exported text is exactly
/// the document's byte span.
void check_span(const std::u32string& cps, const std::string& text, const Object::Ptr& o, const docpipe::Span& span,
                const std::string& begin_key = "begin", const std::string& end_key = "end") {
  INFO(begin_key << "/" << end_key << " of " << std::string(span.of(text)));
  CHECK(slice(cps, u(o, begin_key), u(o, end_key)) == std::string(span.of(text)));
}

}  // namespace

TEST_CASE("every fixture document exports valid docpipe.document/1 JSON, compact and pretty") {
  for (const auto& doc : fixtures::all()) {
    for (bool pretty : {false, true}) {
      const std::string json = docpipe::exporting::document_to_json(doc, pretty);
      INFO(doc.id << (pretty ? " pretty" : " compact"));
      const auto errors = validator().validate_text(json);
      for (const auto& e : errors) UNSCOPED_INFO(e);
      CHECK(errors.empty());
      CHECK((json.find('\n') == std::string::npos) == !pretty);
    }
  }
}

TEST_CASE("offsets are code points: text[begin:end] in the export is each span's text") {
  for (const auto& doc : fixtures::all()) {
    INFO(doc.id);
    const Object::Ptr root = export_and_parse(doc);
    const std::string text = root->getValue<std::string>("text");
    REQUIRE(text == doc.text);
    const std::u32string cps = test_support::code_points(text);

    const Array::Ptr numbers = root->getArray("numbers");
    REQUIRE(numbers->size() == doc.numbers.size());
    for (std::size_t i = 0; i < doc.numbers.size(); ++i) {
      check_span(cps, text, numbers->getObject(i), doc.numbers[i].span);
      CHECK(numbers->getObject(i)->getValue<std::string>("text") == doc.numbers[i].text);
      CHECK(numbers->getObject(i)->getValue<double>("value") == doc.numbers[i].value);
    }
    const Array::Ptr indicators = root->getArray("indicators");
    REQUIRE(indicators->size() == doc.indicators.size());
    for (std::size_t i = 0; i < doc.indicators.size(); ++i) {
      check_span(cps, text, indicators->getObject(i), doc.indicators[i].span);
      check_span(cps, text, indicators->getObject(i), doc.indicators[i].sentence, "sentence_begin", "sentence_end");
    }
    for (const char* layer : {"paragraphs", "sentences"}) {
      const auto& spans = std::string(layer) == "paragraphs" ? doc.paragraphs : doc.sentences;
      const Array::Ptr arr = root->getArray(layer);
      REQUIRE(arr->size() == spans.size());
      for (std::size_t i = 0; i < spans.size(); ++i) check_span(cps, text, arr->getObject(i), spans[i]);
    }
    const Object::Ptr glossary = root->getObject("glossary");
    const Array::Ptr links = glossary->getArray("links");
    REQUIRE(links->size() == doc.glossary.links.size());
    for (std::size_t i = 0; i < links->size(); ++i) check_span(cps, text, links->getObject(i), doc.glossary.links[i].span);
    const Array::Ptr unresolved = glossary->getArray("unresolved");
    REQUIRE(unresolved->size() == doc.glossary.unresolved.size());
    for (std::size_t i = 0; i < unresolved->size(); ++i) {
      check_span(cps, text, unresolved->getObject(i), doc.glossary.unresolved[i].span);
      CHECK(slice(cps, u(unresolved->getObject(i), "begin"), u(unresolved->getObject(i), "end")) ==
            unresolved->getObject(i)->getValue<std::string>("marker"));
    }
    const Array::Ptr annotations = root->getArray("annotations");
    REQUIRE(annotations->size() == doc.annotations.size());
    for (std::size_t i = 0; i < annotations->size(); ++i) {
      const Object::Ptr a = annotations->getObject(i);
      check_span(cps, text, a, doc.annotations[i].span);
      CHECK(a->getValue<std::string>("type") == doc.annotations[i].type);
      CHECK(a->getValue<std::string>("producer") == doc.annotations[i].producer);
      CHECK(a->getObject("attributes")->size() == doc.annotations[i].attributes.size());
      for (const auto& [k, v] : doc.annotations[i].attributes) CHECK(a->getObject("attributes")->getValue<std::string>(k) == v);
    }
    const Array::Ptr repairs = root->getArray("repairs");
    REQUIRE(repairs->size() == doc.repairs.size());
    for (std::size_t i = 0; i < repairs->size(); ++i) {
      const Object::Ptr r = repairs->getObject(i);
      check_span(cps, text, r, doc.repairs[i].span);
      CHECK(slice(cps, u(r, "begin"), u(r, "end")) == r->getValue<std::string>("after"));
    }
  }
}

TEST_CASE("the emoji before a span shifts code point offsets by one, not by four bytes") {
  const docpipe::Document doc = fixtures::traditional();
  const Object::Ptr root = export_and_parse(doc);
  const Array::Ptr numbers = root->getArray("numbers");
  // "147.2億元" comes after "6.4%😀;": its code point offset is its byte offset minus the extra
  // bytes of every multi-byte character before it, counted here independently of the exporter.
  const docpipe::Span span = doc.numbers[2].span;
  const std::size_t expected = docpipe::utf8::length(std::string_view(doc.text).substr(0, span.begin));
  CHECK(u(numbers->getObject(2), "begin") == expected);
  CHECK(u(numbers->getObject(2), "end") == expected + 7);  // 1 4 7 . 2 億 元
}

TEST_CASE("repairs carry byte offsets of the input, which hold the replaced text") {
  const docpipe::Document doc = fixtures::traditional();
  const Object::Ptr root = export_and_parse(doc);
  const Array::Ptr repairs = root->getArray("repairs");
  REQUIRE(repairs->size() == 4);
  std::size_t kinds_seen = 0;
  for (std::size_t i = 0; i < repairs->size(); ++i) {
    const Object::Ptr r = repairs->getObject(i);
    const std::size_t sb = u(r, "source_begin"), se = u(r, "source_end");
    // The only rewrite started from the raw input, so the raw bytes are exactly `before`.
    CHECK(doc.raw.substr(sb, se - sb) == r->getValue<std::string>("before"));
    kinds_seen += r->getValue<std::string>("kind") == "punctuation";
  }
  CHECK(kinds_seen == 1);
  CHECK(root->getValue<std::size_t>("source_bytes") == doc.raw.size());
}

TEST_CASE("sections nest by parent, keep document order and their flat index") {
  const docpipe::Document doc = fixtures::traditional();
  const Object::Ptr root = export_and_parse(doc);
  const Array::Ptr top = root->getArray("sections");
  REQUIRE(top->size() == 3);  // 一, 二, 名詞解釋; (一) is inside 二
  CHECK(top->getObject(0)->getArray("children")->size() == 0);
  const Array::Ptr kids = top->getObject(1)->getArray("children");
  REQUIRE(kids->size() == 1);
  CHECK(kids->getObject(0)->getValue<std::string>("title") == "穩增長");
  CHECK(kids->getObject(0)->getValue<int>("index") == 2);
  CHECK(kids->getObject(0)->getValue<int>("level") == 2);
  CHECK(top->getObject(2)->getValue<int>("index") == 3);
  CHECK(top->getObject(2)->getValue<std::string>("kind") == "glossary");
  // An indicator's `section` names a section by that index.
  CHECK(root->getArray("indicators")->getObject(2)->getValue<int>("section") == 2);
  const std::u32string cps = test_support::code_points(doc.text);
  check_span(cps, doc.text, kids->getObject(0), doc.sections[2].heading, "heading_begin", "heading_end");
}

TEST_CASE("a deep chain of sections and a forward parent index do not break the tree") {
  auto chain = [](int length) {
    docpipe::Document doc = fixtures::empty();
    doc.text = "x";
    for (int i = 0; i < length; ++i) doc.sections.push_back({i + 1, "", "s", "body", {0, 1}, {0, 1}, i - 1});
    doc.sections.push_back({1, "", "orphan", "body", {0, 1}, {0, 1}, 999999});
    return doc;
  };
  // Deep enough to exhaust a recursive writer's stack; checked by counting, since JSON parsers
  // (Poco's, Python's) refuse such depth themselves.
  const std::string deep = docpipe::exporting::document_to_json(chain(200000));
  CHECK(std::count(deep.begin(), deep.end(), '[') == std::count(deep.begin(), deep.end(), ']'));
  CHECK(deep.find("\"children\":[]}]}]}]}") != std::string::npos);

  Poco::JSON::Parser parser;
  parser.setDepth(1000);
  const Object::Ptr root = parser.parse(docpipe::exporting::document_to_json(chain(100))).extract<Object::Ptr>();
  const Array::Ptr top = root->getArray("sections");
  REQUIRE(top->size() == 2);
  CHECK(top->getObject(1)->getValue<std::string>("title") == "orphan");
  std::size_t depth = 0;
  for (Object::Ptr node = top->getObject(0); node; ++depth) {
    const Array::Ptr kids = node->getArray("children");
    node = kids->size() ? kids->getObject(0) : nullptr;
  }
  CHECK(depth == 100);
}

TEST_CASE("unknown numbers are null, metadata and encoding are carried") {
  const Object::Ptr t = export_and_parse(fixtures::traditional());
  CHECK(t->getObject("metadata")->getValue<int>("year") == 2024);
  CHECK(t->getObject("metadata")->getObject("extra")->getValue<std::string>("source_url") == "http://www.hdct.gov.cn/report/2024");
  CHECK(t->getObject("encoding")->getValue<std::string>("detected") == "UTF-8");
  const Object::Ptr e = export_and_parse(fixtures::empty());
  CHECK(e->getObject("metadata")->get("year").isEmpty());
  CHECK(e->getObject("metadata")->get("title_begin").isEmpty());
  const Object::Ptr s = export_and_parse(fixtures::simplified());
  const Array::Ptr entries = s->getObject("glossary")->getArray("entries");
  REQUIRE(entries->size() == 2);
  CHECK(entries->getObject(1)->get("begin").isEmpty());  // external entry: no place in the text
  CHECK(entries->getObject(1)->getValue<std::string>("origin") == "glossary/national.tsv");
  CHECK(entries->getObject(0)->getArray("aliases")->getElement<std::string>(0) == "城镇新增就业");
  const Array::Ptr diagnostics = t->getArray("diagnostics");
  REQUIRE(diagnostics->size() == 2);
  CHECK(diagnostics->getObject(1)->get("begin").isEmpty());
  CHECK(diagnostics->getObject(0)->getValue<std::string>("severity") == "warning");
  CHECK(t->getArray("provenance")->getObject(0)->getValue<std::string>("plugin") == "encoding-repair");
  const Array::Ptr range = export_and_parse(fixtures::hostile())->getArray("numbers");
  CHECK(range->getObject(0)->getValue<double>("value_high") == 3.5);
}

TEST_CASE("a text a faulty stage left malformed still gets offsets that index the exported text") {
  docpipe::Document doc = fixtures::empty();
  doc.text = "增長\xe4\xb8" "6.4%\x80;叢臺";
  const std::size_t six = doc.text.find("6.4%");
  const std::size_t tai = doc.text.find("叢臺");
  doc.numbers.push_back({{six, six + 4}, "6.4%", 6.4, {}, "%", "percent", ""});
  doc.annotations.push_back({{tai, doc.text.size()}, "place", {}, "t"});
  const Object::Ptr root = export_and_parse(doc);
  const std::u32string cps = test_support::code_points(root->getValue<std::string>("text"));
  const Object::Ptr n = root->getArray("numbers")->getObject(0);
  CHECK(slice(cps, u(n, "begin"), u(n, "end")) == "6.4%");
  const Object::Ptr a = root->getArray("annotations")->getObject(0);
  CHECK(slice(cps, u(a, "begin"), u(a, "end")) == "叢臺");
  CHECK(u(n, "begin") == 4);  // 增 長 and one U+FFFD per malformed byte
}
