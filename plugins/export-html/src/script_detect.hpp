#pragma once
/// @file script_detect.hpp
/// Which Chinese script a text is written in, so the page can say `zh-Hant` or `zh-Hans` and the
/// browser picks the matching glyph forms.

#include <string>
#include <string_view>

namespace docpipe::html_export {

/// `zh-Hant` when the first 64 KiB of @p text clearly use traditional characters, `zh-Hans` when
/// they clearly use simplified ones, else `zh`. Counts frequent characters that differ between
/// the scripts (這/这, 國/国, 發/发, ...): one script must have at least five hits and twice the other's.
std::string guess_chinese_lang(std::string_view text);

}  // namespace docpipe::html_export
