#include <catch2/catch.hpp>

#include "html_escape.hpp"

using docpipe::html_export::escaped;
using docpipe::html_export::truncated;
using docpipe::html_export::url_path_segment;

TEST_CASE("markup characters are escaped for content and both attribute quotes") {
  CHECK(escaped("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST_CASE("Chinese text, traditional and simplified, passes through unchanged") {
  const std::string s = "叢臺區政府工作報告：增長5.5%左右（約）";
  CHECK(escaped(s) == s);
}

TEST_CASE("malformed UTF-8 and forbidden control characters become U+FFFD") {
  CHECK(escaped(std::string("a\xE4\xB8") + "b") == "a\uFFFD\uFFFDb");
  CHECK(escaped(std::string("x\x01y\x7Fz")) == "x\uFFFDy\uFFFDz");
  CHECK(escaped("tab\tline\nend") == "tab\tline\nend");
  CHECK(escaped("\xC2\x85") == "\uFFFD");  // C1 control NEL
}

TEST_CASE("truncation counts code points and marks the cut") {
  CHECK(truncated("名词解释", 2) == "名词…");
  CHECK(truncated("名词", 2) == "名词");
  CHECK(truncated("", 3).empty());
}

TEST_CASE("path segments are percent-encoded byte by byte") {
  CHECK(url_path_segment("city_a-1.html") == "city_a-1.html");
  CHECK(url_path_segment("a b#?.html") == "a%20b%23%3F.html");
  CHECK(url_path_segment("长沙") == "%E9%95%BF%E6%B2%99");
}

TEST_CASE("runs of plain text are copied whole around every escape, at any position") {
  CHECK(escaped("甲&乙<丙>") == "甲&amp;乙&lt;丙&gt;");
  CHECK(escaped("&甲") == "&amp;甲");
  CHECK(escaped(std::string("甲乙\xE4\xB8")) == "甲乙\uFFFD\uFFFD");           // cut at the end
  CHECK(escaped(std::string("\xE4\x41\x42甲")) == "\uFFFDAB甲");                // bad trail byte
  CHECK(escaped(std::string("\xEF\xBF\xBE甲\xEF\xB7\x90")) == "\uFFFD甲\uFFFD"); // noncharacters
  CHECK(escaped("𠀀 emoji 😀") == "𠀀 emoji 😀");                                 // 4-byte sequences
}
