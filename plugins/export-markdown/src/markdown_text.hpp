#pragma once
/// @file markdown_text.hpp
/// Writing document text into Markdown so that it renders exactly as it reads.

#include <string>
#include <string_view>

namespace docpipe::markdown_export {

/// Appends @p text to @p out as Markdown inline text. Every ASCII character Markdown could read as
/// syntax (`\ * _ [ ] < > # ` ~ & !`) is backslash-escaped, a `-`, `+`, `=` or `1.` at the very start
/// is escaped so the line cannot turn into a list or heading, and each run of white space holding a
/// line break is joined: to nothing between two CJK characters (Chinese has no word spaces), to one
/// space otherwise. @p at_line_start says whether @p text begins a line.
void append_inline(std::string& out, std::string_view text, bool at_line_start);

/// @p text as append_inline() writes it.
std::string inline_text(std::string_view text, bool at_line_start = true);

/// @p text with every run of white space (line breaks included) folded to one space, trimmed.
std::string single_line(std::string_view text);

}  // namespace docpipe::markdown_export
