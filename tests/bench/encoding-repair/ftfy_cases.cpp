#include "ftfy_cases.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "docpipe/utf8.hpp"

namespace encoding_repair::bench {

namespace {

/// Just enough JSON for the case files: values are strings, booleans, null, numbers, arrays and
/// objects; only strings are kept (objects as field -> string).
class Reader {
 public:
  explicit Reader(std::string text) : s_(std::move(text)) {}

  std::vector<std::map<std::string, std::string>> cases() {
    std::vector<std::map<std::string, std::string>> out;
    expect('[');
    if (peek() == ']') return ++i_, out;
    while (true) {
      out.push_back(object());
      if (peek() == ',') {
        ++i_;
        continue;
      }
      expect(']');
      return out;
    }
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string("ftfy case file: ") + what + " at byte " + std::to_string(i_));
  }
  char peek() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    if (i_ == s_.size()) fail("unexpected end");
    return s_[i_];
  }
  void expect(char c) {
    if (peek() != c) fail("unexpected character");
    ++i_;
  }
  unsigned hex4() {
    if (i_ + 4 > s_.size()) fail("short \\u escape");
    const unsigned v = std::stoul(s_.substr(i_, 4), nullptr, 16);
    i_ += 4;
    return v;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          char32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.compare(i_, 2, "\\u") == 0) {
            i_ += 2;
            const unsigned low = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          docpipe::utf8::append(out, cp);
          break;
        }
        default: out += e;  // \" \\ \/
      }
    }
  }
  /// Skips a value that is not a string; returns it as a string when it is one.
  std::string value() {
    const char c = peek();
    if (c == '"') return string();
    if (c == '{') return object(), std::string();
    if (c == '[') {
      ++i_;
      if (peek() == ']') return ++i_, std::string();
      while (true) {
        value();
        if (peek() == ',') {
          ++i_;
          continue;
        }
        expect(']');
        return {};
      }
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' && s_[i_] != '\n') ++i_;
    return s_.substr(start, i_ - start);  // true, false, null or a number, as written
  }
  std::map<std::string, std::string> object() {
    std::map<std::string, std::string> out;
    expect('{');
    if (peek() == '}') return ++i_, out;
    while (true) {
      std::string key = string();
      expect(':');
      out[key] = value();
      if (peek() == ',') {
        ++i_;
        continue;
      }
      expect('}');
      return out;
    }
  }

  std::string s_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<FtfyCase> read_ftfy_cases(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<FtfyCase> out;
  for (auto& fields : Reader(ss.str()).cases()) {
    FtfyCase c;
    c.label = fields["label"];
    c.original = fields["original"];
    c.fixed = fields["fixed"];
    c.has_fixed_encoding = fields.count("fixed-encoding") > 0;
    c.fixed_encoding = fields["fixed-encoding"];
    c.expect_pass = fields["expect"] != "fail";
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace encoding_repair::bench
