#include "markdown_text.hpp"

#include <array>
#include <string_view>

namespace docpipe::markdown_export {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Syntax characters of CommonMark and GitHub's extensions that may start or end inline markup.
// A table rather than a search: this runs for every byte of every document.
constexpr std::array<bool, 128> syntax_table = [] {
  std::array<bool, 128> t{};
  for (const char c : std::string_view("\\*_[]<>#`~&!")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

bool needs_escape(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 128 && syntax_table[b];
}

// True when the byte ends / starts a non-ASCII character (the CJK text this joins without spaces).
bool wide_before(std::string_view s, std::size_t end) { return end > 0 && (static_cast<unsigned char>(s[end - 1]) & 0x80); }
bool wide_at(std::string_view s, std::size_t pos) { return pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0x80); }

}  // namespace

void append_inline(std::string& out, std::string_view text, bool at_line_start) {
  bool line_start = at_line_start;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_space(c)) {
      std::size_t j = i;
      bool newline = false;
      for (; j < text.size() && is_space(text[j]); ++j) newline |= text[j] == '\n' || text[j] == '\r';
      if (!newline) {
        out.append(text.substr(i, j - i));
      } else if (!(wide_before(text, i) && wide_at(text, j)) && !line_start && j < text.size()) {
        out += ' ';
      }
      i = j;
      continue;
    }
    if (line_start) {
      line_start = false;
      if (c == '-' || c == '+' || c == '=') {
        out += '\\';
        out += c;
        ++i;
        continue;
      }
      if (c >= '0' && c <= '9') {
        // An ordered-list marker is up to nine digits and `.` or `)`.
        std::size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        out.append(text.substr(i, j - i));
        if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
          out += '\\';
          out += text[j++];
        }
        i = j;
        continue;
      }
    }
    if (needs_escape(c)) out += '\\';
    out += c;
    ++i;
  }
}

std::string inline_text(std::string_view text, bool at_line_start) {
  std::string out;
  append_inline(out, text, at_line_start);
  return out;
}

std::string single_line(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (const char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace docpipe::markdown_export
