#pragma once
/// @file html_escape.hpp
/// Escaping of document text for HTML element content and attribute values.

#include <string>
#include <string_view>

namespace docpipe::html_export {

/// Appends @p text to @p out, escaped for element content and for double- or single-quoted
/// attribute values. Malformed UTF-8 and control characters that HTML forbids become U+FFFD, so a
/// damaged text can never break the page's markup.
void append_escaped(std::string& out, std::string_view text);

/// @p text escaped as by append_escaped().
std::string escaped(std::string_view text);

/// At most @p max_codepoints code points of @p text, with `…` appended when it was cut.
std::string truncated(std::string_view text, std::size_t max_codepoints);

/// @p text percent-encoded for use as one path segment of a relative URL (RFC 3986 unreserved
/// characters kept).
std::string url_path_segment(std::string_view text);

}  // namespace docpipe::html_export
