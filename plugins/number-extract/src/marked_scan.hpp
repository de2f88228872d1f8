#pragma once
/// @file marked_scan.hpp
/// The pass over characters that start nothing, shared by the scanner and the status words: it runs
/// once per character of every sentence, so it tests several characters per step.

namespace number_extract {

/// The first code point in [@p p, @p end) whose low 16 bits are marked in @p marks (0x10000 entries),
/// or @p end. A code point beyond the BMP is found when its low 16 bits are marked: callers check.
inline const char32_t* find_marked(const char32_t* p, const char32_t* end, const bool* marks) noexcept {
  // Eight lookups joined by `|` and one branch: in report text a mark comes about once in ten to
  // twenty characters, so most steps pass all eight.
  while (end - p >= 8) {
    if (marks[p[0] & 0xFFFF] | marks[p[1] & 0xFFFF] | marks[p[2] & 0xFFFF] | marks[p[3] & 0xFFFF] |
        marks[p[4] & 0xFFFF] | marks[p[5] & 0xFFFF] | marks[p[6] & 0xFFFF] | marks[p[7] & 0xFFFF])
      break;
    p += 8;
  }
  while (p < end && !marks[*p & 0xFFFF]) ++p;
  return p;
}

/// The last code point in [@p begin, @p end) whose low 16 bits are marked in @p marks, or nullptr;
/// the same test as find_marked, walking back (the indicator pass walks clauses from their figure).
inline const char32_t* find_marked_back(const char32_t* begin, const char32_t* end, const bool* marks) noexcept {
  while (end - begin >= 8) {
    if (marks[end[-1] & 0xFFFF] | marks[end[-2] & 0xFFFF] | marks[end[-3] & 0xFFFF] | marks[end[-4] & 0xFFFF] |
        marks[end[-5] & 0xFFFF] | marks[end[-6] & 0xFFFF] | marks[end[-7] & 0xFFFF] | marks[end[-8] & 0xFFFF])
      break;
    end -= 8;
  }
  while (end > begin) {
    --end;
    if (marks[*end & 0xFFFF]) return end;
  }
  return nullptr;
}

}  // namespace number_extract
