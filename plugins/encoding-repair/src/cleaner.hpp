#pragma once
// Step 3 of the stage: the leftovers of scraping — HTML tags, comments and character references,
// `<U+XXXX>` escapes, JSON string escapes (`\u4e2d`), control, zero-width and bidi embedding
// characters, no-break and ideographic space runs, CR line ends and U+2028/U+2029 separators.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace encoding_repair {

/// One cleaning edit: replace text bytes [begin, end) with `after`.
struct CleanEdit {
  std::size_t begin = 0;  ///< First byte replaced.
  std::size_t end = 0;    ///< One past the last byte replaced.
  std::string after;      ///< Replacement (often empty).
  const char* kind = "";  ///< `html`, `escape`, `control` or `whitespace`.
};

/// Options of the cleaning pass.
struct CleanOptions {
  bool strip_html = true;  ///< Remove tags and comments and decode character references.
};

/// The cleaning edits for @p text (UTF-8), in order and not overlapping. Clean text costs one scan
/// for the few bytes that can start an edit.
std::vector<CleanEdit> find_cleaning_edits(std::string_view text, const CleanOptions& options = {});

/// The character an HTML character reference (`&nbsp;`, `&#20013;`, `&#x4e2d;`) at @p pos stands for,
/// and its length in @p len; 0 when there is none at @p pos. As in browsers, numeric references are
/// also read without their `;` (`&#20013国`: the digits end them), and the Latin-1 names and `amp`,
/// `lt`, `gt`, `quot` where the name ends there (`&nbsp发展`, not `&copyright`).
char32_t parse_character_reference(std::string_view text, std::size_t pos, std::size_t& len) noexcept;

/// The character a `<U+XXXX>` escape (four to six hex digits) at @p pos stands for, and its length in
/// @p len; 0 when there is none at @p pos. Such escapes are what R and some export tools write for a
/// character the output encoding cannot hold (`<U+00A0>` for a no-break space in GBK pages).
char32_t parse_unicode_escape(std::string_view text, std::size_t pos, std::size_t& len) noexcept;

/// The character a JSON or JavaScript `\uXXXX` escape at @p pos stands for (a surrogate pair
/// `\ud83d\ude00` read as one character), and its length in @p len; 0 when there is none at @p pos.
/// Text scraped from a JSON API or a script's string literal keeps them (`\u653f\u5e9c` for 政府).
char32_t parse_backslash_escape(std::string_view text, std::size_t pos, std::size_t& len) noexcept;

/// The length of an HTML tag, comment, or script/style element starting at @p pos, or 0 when the
/// `<` there starts none. Only real HTML tag names count, so `a<b` in prose is left alone.
std::size_t html_markup_length(std::string_view text, std::size_t pos) noexcept;

}  // namespace encoding_repair
