#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "docpipe/export/json_writer.hpp"

using docpipe::json::Writer;

namespace {
std::string quoted(std::string_view s) {
  std::string out;
  docpipe::json::append_string(out, s);
  return out;
}
std::string number(double v) {
  std::string out;
  docpipe::json::append_number(out, v);
  return out;
}
// Poco's parser wants an array or object at the top.
std::string parse_string(const std::string& json) {
  return Poco::JSON::Parser().parse("[" + json + "]").extract<Poco::JSON::Array::Ptr>()->getElement<std::string>(0);
}
}  // namespace

TEST_CASE("strings are escaped per RFC 8259 and UTF-8 passes through") {
  CHECK(quoted("plain") == "\"plain\"");
  CHECK(quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(quoted("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
  CHECK(quoted(std::string_view("\x01\x1f\0", 3)) == "\"\\u0001\\u001f\\u0000\"");
  CHECK(quoted("叢臺😀") == "\"叢臺😀\"");
  CHECK(quoted("/") == "\"/\"");
}

TEST_CASE("malformed UTF-8 becomes U+FFFD so the output stays valid JSON") {
  CHECK(quoted("a\xff" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(quoted("\xe4\xb8") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");   // truncated sequence: one per byte
  CHECK(quoted("\xed\xa0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

TEST_CASE("any byte string reads back through a JSON parser as its sanitized self") {
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a", "\"", "\\", "\n", "\x01", "叢", "😀", "\xff", "\xe4\xb8", " ", "\x7f"};
  for (int round = 0; round < 300; ++round) {
    std::string s, expected;
    const int n = static_cast<int>(rng() % 20);
    for (int i = 0; i < n; ++i) {
      const std::string& piece = alphabet[rng() % std::size(alphabet)];
      s += piece;
    }
    // The expectation: the same string decoded leniently (each malformed byte one U+FFFD).
    for (std::size_t pos = 0; pos < s.size();) docpipe::utf8::append(expected, docpipe::utf8::next(s, pos));
    INFO("round " << round);
    CHECK(parse_string(quoted(s)) == expected);
  }
}

TEST_CASE("numbers use the shortest exact form; integral values print without exponent") {
  CHECK(number(34170000000.0) == "34170000000");
  CHECK(number(6.4) == "6.4");
  CHECK(number(-0.5) == "-0.5");
  CHECK(number(-0.0) == "0");
  CHECK(number(0.1 + 0.2) == "0.30000000000000004");
  CHECK(std::stod(number(1e300)) == 1e300);
  CHECK(number(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(number(std::numeric_limits<double>::infinity()) == "null");
  std::mt19937_64 rng(3);
  for (int i = 0; i < 1000; ++i) {
    const double v = std::ldexp(static_cast<double>(rng() >> 11), static_cast<int>(rng() % 120) - 80);
    REQUIRE(std::stod(number(v)) == v);
  }
}

TEST_CASE("the writer places commas, colons and nesting; pretty output parses to the same value") {
  auto build = [](bool pretty) {
    std::string out;
    Writer w(out, pretty);
    w.begin_object();
    w.member("a", 1).member("b", "x").key("c").begin_array().value(true).null().value(2.5).end_array();
    w.key("empty").begin_object().end_object();
    w.key("nested").begin_array().begin_array().end_array().begin_object().member("k", std::optional<double>{}).end_object().end_array();
    w.end_object();
    return out;
  };
  const std::string compact = build(false);
  CHECK(compact == R"({"a":1,"b":"x","c":[true,null,2.5],"empty":{},"nested":[[],{"k":null}]})");
  const std::string pretty = build(true);
  CHECK(pretty.find("\n  \"a\": 1,\n") != std::string::npos);
  std::ostringstream a, b;
  Poco::JSON::Stringifier::stringify(Poco::JSON::Parser().parse(compact), a);
  Poco::JSON::Stringifier::stringify(Poco::JSON::Parser().parse(pretty), b);
  CHECK(a.str() == b.str());
}

TEST_CASE("long mixed strings escape exactly as one code point at a time would") {
  // The writer skips plain ASCII eight bytes at a time and three-byte sequences inline; a plain
  // per-sequence escaper is the reference, on strings long enough to cross those paths.
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      const std::size_t len = docpipe::utf8::sequence_length(s, i);
      if (c >= 0x80) {
        out += len ? std::string(s.substr(i, len)) : std::string("\xEF\xBF\xBD");
        i += len ? len : 1;
        continue;
      }
      char buf[8];
      if (c == '"' || c == '\\') out += {'\\', static_cast<char>(c)};
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c == '\b') out += "\\b";
      else if (c == '\f') out += "\\f";
      else if (c < 0x20) out += (std::snprintf(buf, sizeof buf, "\\u%04x", c), buf);
      else out += static_cast<char>(c);
      ++i;
    }
    return out + "\"";
  };
  std::mt19937 rng(11);
  const std::string alphabet[] = {"plain text ", "\"", "\\", "\n", "\x1f", "\x7f", "政府工作報告", "😀", "é",
                                  "\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf",
                                  "\xff", "\xe4\xb8", "\xc0\xaf", "\xf4\x90\x80\x80", "!#$%&'()*+,-./0123456789"};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % std::size(alphabet)];
    // Cut at a random byte, so sequences end truncated at the very end too.
    if (!s.empty() && rng() % 3 == 0) s.resize(rng() % s.size());
    INFO("round " << round);
    CHECK(quoted(s) == reference(s));
  }
}

TEST_CASE("every byte value next to plain ASCII is escaped as a single byte would be") {
  for (int c = 0; c < 256; ++c)
    for (std::size_t at : {0, 3, 7, 8, 15}) {
      std::string s(16, 'x');
      s[at] = static_cast<char>(c);
      std::string alone;
      docpipe::json::append_string(alone, std::string(1, static_cast<char>(c)));
      INFO("byte " << c << " at " << at);
      CHECK(quoted(s) == "\"" + s.substr(0, at) + alone.substr(1, alone.size() - 2) + s.substr(at + 1) + "\"");
    }
}

TEST_CASE("members of fixed names write what key() and value() write, at every depth and buffer fill") {
  using docpipe::json::Name;
  // Fixed-name members take an inline path that writes separator, name and value after one test for
  // room; key(string) and value() take the general one. Both must give the same bytes at every depth
  // (past the inline indentation too) and wherever the gathering buffer happens to be full.
  for (const bool pretty : {false, true}) {
    for (int depth = 1; depth <= 40; depth += 13) {
      std::string fast, slow;
      {
        Writer f(fast, pretty), s(slow, pretty);
        for (int d = 0; d < depth; ++d) {
          f.begin_object().key(Name("k"));
          s.begin_object().key("k");
        }
        for (int i = 0; i < 700; ++i) {  // several buffers' worth, so every fill level is met
          f.member(Name("begin"), static_cast<long long>(i) * 1237 - 5000);
          s.key("begin").value(static_cast<long long>(i) * 1237 - 5000);
          f.member(Name("value"), i * 0.37);
          s.key("value").value(i * 0.37);
          const std::string text = i % 3 == 0 ? "short" : i % 3 == 1 ? "with \"quote\"" : "\xE4\xB8\xAD\xE6\x96\x87 text";
          f.member(Name("text"), text);
          s.key("text").value(text);
          f.member(Name("size"), static_cast<std::size_t>(i));
          s.key("size").value(static_cast<std::size_t>(i));
          f.member(Name("level"), i % 7);
          s.key("level").value(i % 7);
          f.member(Name("bom"), i % 2 == 0);
          s.key("bom").value(i % 2 == 0);
        }
        f.begin_object().member(Name("first"), 1LL).end_object();  // the inline path right after a '{'
        s.begin_object().key("first").value(1LL).end_object();
        for (int d = 0; d < depth; ++d) {
          f.end_object();
          s.end_object();
        }
      }
      INFO("pretty " << pretty << ", depth " << depth);
      CHECK(fast == slow);
      CHECK(!fast.empty());
    }
  }
}

TEST_CASE("integers print as std::to_chars prints them, whatever their number of digits") {
  // write_integer() fills a scratch buffer from the end and copies a fixed 19 bytes: every digit count
  // and both signs, the extremes included, must give to_chars's text and nothing past the returned end
  // that the next write does not overwrite.
  std::vector<long long> values = {0, 1, -1, 9, 10, -10, 99, 100, std::numeric_limits<long long>::max(),
                                   std::numeric_limits<long long>::min(), std::numeric_limits<long long>::min() + 1};
  for (long long p = 1; p <= std::numeric_limits<long long>::max() / 10; p *= 10)
    for (long long v : {p - 1, p, p + 1, 10 * p - 1}) values.insert(values.end(), {v, -v});
  std::mt19937_64 rng(9);
  for (int i = 0; i < 2000; ++i) values.push_back(static_cast<long long>(rng() >> (rng() % 64)) * (i % 2 ? -1 : 1));
  for (const long long v : values) {
    char expected[24], got[24];
    const auto e = std::to_chars(expected, expected + sizeof expected, v).ptr;
    char* const end = docpipe::json::write_integer(got, v);
    INFO(v);
    REQUIRE(std::string(got, end) == std::string(expected, e));
    REQUIRE(end - got <= 20);
    std::string appended;
    docpipe::json::append_integer(appended, v);
    CHECK(appended == std::string(expected, e));
  }
}

TEST_CASE("two-member objects, member pairs and null members write what the general calls write") {
  using docpipe::json::Name;
  // object(), members() and a member of an empty optional take inline paths (one test for room, the
  // separators written from the pattern); begin_object()/key()/value()/null()/end_object() take the
  // general ones. The bytes must agree at every depth, past the inline indentation too, at every fill
  // of the gathering buffer, in arrays and in objects, and right after an opening bracket.
  for (const bool pretty : {false, true}) {
    for (int depth = 1; depth <= 40; depth += 3) {
      std::string fast, slow;
      {
        Writer f(fast, pretty), s(slow, pretty);
        for (int d = 0; d < depth; ++d) {
          if (d % 2 == 0) {
            f.begin_array();
            s.begin_array();
          } else {
            f.begin_object().key(Name("k"));
            s.begin_object().key("k");
          }
        }
        const bool in_array = (depth - 1) % 2 == 0;
        if (!in_array) {  // members go in an object: open one as the value of the pending key
          f.begin_object();
          s.begin_object();
        }
        for (int i = 0; i < 900; ++i) {
          const long long a = static_cast<long long>(i) * 7919 - 3000, b = a * 1000003;
          if (in_array) {
            f.object(Name("begin"), a, Name("end"), b);
            s.begin_object().key("begin").value(a).key("end").value(b).end_object();
            if (i % 5 == 0) {  // an array value after a two-member object, and one before the next
              f.begin_array().end_array();
              s.begin_array().end_array();
            }
          } else {
            f.members(Name("term_begin"), a, Name("term_end"), b);
            s.key("term_begin").value(a).key("term_end").value(b);
            f.member(Name("year"), std::optional<double>());
            s.key("year").null();
            f.member(Name("value_high"), i % 2 ? std::optional<double>(i * 0.25) : std::nullopt);
            s.key("value_high").value(i % 2 ? std::optional<double>(i * 0.25) : std::nullopt);
            if (i % 7 == 0) {
              f.key(Name("o")).begin_object().members(Name("begin"), b, Name("end"), a).end_object();
              s.key("o").begin_object().key("begin").value(b).key("end").value(a).end_object();
            }
          }
        }
        if (!in_array) {
          f.end_object();
          s.end_object();
        }
        for (int d = depth - 1; d >= 0; --d) {
          if (d % 2 == 0) {
            f.end_array();
            s.end_array();
          } else {
            f.end_object();
            s.end_object();
          }
        }
      }
      INFO("pretty " << pretty << ", depth " << depth);
      CHECK(fast == slow);
      CHECK(fast.size() > 10000);
    }
  }
  // At the top level there is no inline path: the general one is taken.
  std::string top, general;
  {
    Writer f(top, true), s(general, true);
    f.object(Name("begin"), 1, Name("end"), 2);
    s.begin_object().key("begin").value(1LL).key("end").value(2LL).end_object();
  }
  CHECK(top == general);
  CHECK(top == "{\n  \"begin\": 1,\n  \"end\": 2\n}");
}

TEST_CASE("string values of every length up to past the staging limit quote as append_string does") {
  using docpipe::json::Name;
  // Values that are not short ASCII are scanned once and copied in 16-byte pieces when they fit the
  // gathering buffer: every length, script mix and escape position against the free function.
  const std::string pieces[] = {"\xE4\xB8\xAD", "a", "\xE6\x96\x87\xE5\xAD\x97", "7.8%", "\"", "\xC3\xA9", "\\", "\n", "\xFF"};
  std::mt19937 rng(5);
  for (const bool pretty : {false, true}) {
    std::string got, want;
    {
      Writer w(got, pretty);
      w.begin_object();
      for (std::size_t len = 0; len < 320; ++len) {
        std::string s;
        while (s.size() < len) s += pieces[rng() % (len % 3 == 0 ? 9 : 4)];
        s.resize(len);  // may cut a sequence: malformed tails go through the general path too
        w.member(Name("v"), s);
        std::string expected;
        docpipe::json::append_string(expected, s);
        want += expected;
      }
      w.end_object();
    }
    // Strip the names and separators: what is left is the values, in order.
    std::string values;
    const std::string name = pretty ? "\"v\": " : "\"v\":";
    for (std::size_t at = got.find(name); at != std::string::npos; at = got.find(name, at)) {
      at += name.size();
      std::size_t end = at + 1;
      while (got[end] != '"') end += got[end] == '\\' ? 2 : 1;
      values.append(got, at, end + 1 - at);
    }
    CHECK(values == want);
  }
}

TEST_CASE("the short-string check agrees with the run scan on every short string") {
  // detail::short_plain() decides whether a value of at most 16 bytes is copied as it is; it must
  // say yes exactly where plain_run_end<AsciiStops::json> runs to the end: every one- and two-byte
  // string, and random strings of CJK, ASCII, escapes, other sequence lengths and broken sequences.
  using docpipe::exporting::AsciiStops;
  using docpipe::exporting::plain_run_end;
  auto agrees = [](const std::string& s) {
    INFO(s);
    REQUIRE(docpipe::json::detail::short_plain(s) == (plain_run_end<AsciiStops::json>(s, 0) == s.size()));
  };
  for (int a = 0; a < 256; ++a) {
    agrees(std::string(1, char(a)));
    for (int b = 0; b < 256; ++b) agrees(std::string{char(a), char(b)});
  }
  const std::string pieces[] = {"\xE4\xB8\xAD", "a", "7", "%", "\xE4\xBA\xBF\xE5\x85\x83", "\xC3\xA9", "\xF0\x9F\x98\x80",
                                "\xED\x9F\xBF", "\xED\xA0\x80", "\xE0\xA0\x80", "\xE0\x80\x80", "\"", "\\", "\x1F", "\x7F",
                                "\xEF\xBC\x8C", "\xE4\xB8", "\x80", "\xFF"};
  std::mt19937 rng(11);
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const std::size_t len = rng() % 17;
    while (s.size() < len) s += pieces[rng() % (i % 4 == 0 ? 19 : 6)];
    if (s.size() > 16) s.resize(16);
    agrees(s);
  }
}

TEST_CASE("numbers with a few decimals print as std::to_chars prints them") {
  // write_number() writes values of up to six decimals itself (the first k whose rounded v * 10^k
  // reads back), everything else through std::to_chars. Reference: integral values below 2^53 as
  // integers, the rest by std::to_chars. Values made from decimals, their neighbours one ulp away
  // (17 digits: never taken by the short path), every magnitude around its limits and random bits.
  auto reference = [](double v) {
    char buf[64];
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0)
      return std::string(buf, std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v)).ptr);
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  };
  auto check = [&](double v) {
    if (!std::isfinite(v)) return;
    char buf[40];
    const std::string got(buf, docpipe::json::write_number(buf, v));
    INFO(reference(v));
    REQUIRE(got == reference(v));
  };
  std::mt19937_64 rng(29);
  const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  for (int i = 0; i < 300000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 17);
    long long m = static_cast<long long>(rng() % 1000000000000000000ULL);
    for (int d = 18; d > digits; --d) m /= 10;
    const double v = static_cast<double>(m) / scale[rng() % 9] * (i % 2 ? -1 : 1);
    check(v);
    check(std::nextafter(v, 0.0));
    check(std::nextafter(v, 1e300));
  }
  for (double edge : {0.001, 0.0005, 0.000999, 0.00123, 0.0012345, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.1, 0.7, 1e15 - 0.5,
                      999999999999999.9, 99999999999999.98, 123456789.123456, 4503599627370495.5, 1e14 + 0.25}) {
    for (double v = edge, k = 0; k < 3; ++k, v = std::nextafter(v, 0.0)) {
      check(v);
      check(-v);
    }
    check(std::nextafter(edge, 1e300));
  }
  for (int i = 0; i < 300000; ++i) {
    std::uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    check(v);
    check(std::ldexp(static_cast<double>(rng() >> 11), static_cast<int>(rng() % 70) - 60));
  }
}
