// The fast paths of export/utf8_scan.hpp and of the JSON writer against a byte-by-byte reference
// built on docpipe::utf8::sequence_length(), over random strings that put every kind of byte at
// every position of the eight-byte words the scan works in.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>

#include "docpipe/export/json_writer.hpp"
#include "docpipe/export/utf8_scan.hpp"
#include "docpipe/utf8.hpp"

namespace {

// The plain byte-by-byte escaping the writer must match.
std::string reference_quoted(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = docpipe::utf8::sequence_length(s, i);
    if (c >= 0x80 && len != 0) {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    ++i;
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\b') out += "\\b";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20) out += std::string("\\u00") + hex[c >> 4] + hex[c & 0xF];
    else if (c < 0x80) out += static_cast<char>(c);
    else out += "\xEF\xBF\xBD";
  }
  return out + "\"";
}

// Well-formed and malformed pieces, including the lead bytes E0 and ED whose first trail byte is
// restricted, sequences cut short, and every ASCII byte the writer escapes.
const std::string pieces[] = {
    "a", "Z", "0", " ", "\"", "\\", "\n", "\t", std::string(1, '\0'), "\x1f", "\x7f",
    "叢", "臺", "，", "。", "é", "😀",
    "\xe0\xa0\x80", "\xed\x9f\xbf",                 // well-formed: U+0800, U+D7FF
    "\xe0\x80\x80", "\xed\xa0\x80", "\xc0\xaf",     // overlong, surrogate, overlong
    "\xe4\xb8", "\xe4", "\x80", "\xbf", "\xff", "\xf4\x90\x80\x80"};

std::string random_text(std::mt19937& rng, std::size_t max_pieces, int plain_weight) {
  std::string s;
  const std::size_t n = rng() % (max_pieces + 1);
  for (std::size_t i = 0; i < n; ++i) {
    // Mostly CJK and ASCII (runs the fast paths take), now and then anything.
    const int pick = static_cast<int>(rng() % 100);
    if (pick < plain_weight) s += (rng() % 2) ? "叢" : "ab";
    else s += pieces[rng() % std::size(pieces)];
  }
  return s;
}

}  // namespace

TEST_CASE("append_string escapes exactly like the byte-by-byte reference at every position") {
  std::mt19937 rng(29);
  for (int round = 0; round < 20000; ++round) {
    const std::string s = random_text(rng, round % 2 ? 8 : 60, round % 3 == 0 ? 90 : 30);
    std::string out = "prefix";
    docpipe::json::append_string(out, s);
    INFO("round " << round);
    REQUIRE(out == "prefix" + reference_quoted(s));
  }
}

TEST_CASE("append_string appends its suffix after the closing quote, short or long, plain or escaped") {
  for (const std::string s : {"", "begin", "sixteen_bytes_16", "seventeen_bytes17", "a\"b", "叢臺", "\xff"}) {
    std::string out;
    docpipe::json::append_string(out, s, ": ");
    CHECK(out == reference_quoted(s) + ": ");
  }
}

TEST_CASE("is_well_formed and plain_run_end agree with utf8::is_valid and find_invalid") {
  using docpipe::exporting::AsciiStops;
  std::mt19937 rng(31);
  for (int round = 0; round < 20000; ++round) {
    const std::string s = random_text(rng, round % 2 ? 8 : 60, round % 3 == 0 ? 90 : 30);
    INFO("round " << round);
    REQUIRE(docpipe::exporting::is_well_formed(s) == docpipe::utf8::is_valid(s));
    const std::size_t bad = docpipe::utf8::find_invalid(s);
    REQUIRE(docpipe::exporting::plain_run_end<AsciiStops::none>(s, 0) == (bad == std::string_view::npos ? s.size() : bad));
  }
}

TEST_CASE("json_stop_in_well_formed finds what plain_run_end finds on well-formed text, from any start") {
  using docpipe::exporting::AsciiStops;
  std::mt19937 rng(37);
  for (int round = 0; round < 20000; ++round) {
    const std::string s = random_text(rng, round % 2 ? 8 : 60, round % 3 == 0 ? 90 : 30);
    if (!docpipe::utf8::is_valid(s)) continue;
    const std::size_t from = s.empty() ? 0 : rng() % (s.size() + 1);
    if (from < s.size() && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) continue;  // not a code point start
    INFO("round " << round << " from " << from);
    REQUIRE(docpipe::exporting::json_stop_in_well_formed(s, from) == docpipe::exporting::plain_run_end<AsciiStops::json>(s, from));
  }
}

TEST_CASE("every Writer string path writes what the byte-by-byte reference writes") {
  // Short and long, ASCII and not, plain and escaped, well-formed or not: Writer::value, member and
  // (on well-formed text) member_well_formed, compact and pretty, against append_string and the
  // reference.
  std::mt19937 rng(41);
  for (int round = 0; round < 20000; ++round) {
    const std::string s = random_text(rng, round % 2 ? 6 : 60, round % 3 == 0 ? 90 : 30);
    INFO("round " << round);
    for (const bool pretty : {false, true}) {
      std::string a, b, c;
      {
        docpipe::json::Writer w(a, pretty);
        w.begin_object().member("k", s).key("v").value(s).end_object();
      }
      const std::string sep = pretty ? ": " : ":";
      const std::string nl = pretty ? "\n  " : "";
      const std::string expected = "{" + nl + "\"k\"" + sep + reference_quoted(s) + "," + nl + "\"v\"" + sep +
                                   reference_quoted(s) + (pretty ? "\n" : "") + "}";
      REQUIRE(a == expected);
      if (docpipe::utf8::is_valid(s)) {
        docpipe::json::Writer w(b, pretty);
        w.begin_object().member_well_formed(docpipe::json::Name("k"), s).member(docpipe::json::Name("v"), s).end_object();
        REQUIRE(b == expected);
      }
      docpipe::json::Writer top(c, pretty);
      top.value(s);
      REQUIRE(c == reference_quoted(s));  // a top-level value is in the output at once
    }
  }
}

TEST_CASE("a Writer's output crosses its gathering buffer's size without loss, and is complete at the top-level close") {
  std::mt19937 rng(43);
  std::string out, expected = "[";
  docpipe::json::Writer w(out);
  w.begin_array();
  for (int i = 0; i < 3000; ++i) {
    const std::string s = random_text(rng, 12, 50);
    w.value(s).value(static_cast<long long>(i));
    expected += (i ? "," : "") + reference_quoted(s) + "," + std::to_string(i);
  }
  w.end_array();
  expected += "]";
  REQUIRE(out.size() > 4 * 4096);
  CHECK(out == expected);
}

TEST_CASE("members named by json::Name write what members named by strings write, compact and pretty") {
  using docpipe::json::Name;
  for (const bool pretty : {false, true}) {
    std::string by_name, by_string;
    {
      docpipe::json::Writer w(by_name, pretty);
      w.begin_object().member(Name("a"), 1).member(Name("sentence_begin"), 2.5).key(Name("exactly_27_bytes_long_name_")).begin_array();
      w.begin_object().member(Name("k"), "v").key(Name("x")).null().end_object().end_array().end_object();
    }
    {
      docpipe::json::Writer w(by_string, pretty);
      w.begin_object().member("a", 1).member("sentence_begin", 2.5).key("exactly_27_bytes_long_name_").begin_array();
      w.begin_object().member("k", "v").key("x").null().end_object().end_array().end_object();
    }
    CHECK(by_name == by_string);
  }
}
