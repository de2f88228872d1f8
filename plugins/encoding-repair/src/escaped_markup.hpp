#pragma once
// HTML markup escaped once more (`&lt;p&gt;`, `&lt;br /&gt;`): a page's source shown as text by a
// CMS, or its text escaped twice on the way to a scraper. Decoding the references alone would leave
// `<p>` in the text; the cleaner removes such a tag as it removes the tag itself.

#include <cstddef>
#include <string_view>

namespace encoding_repair {

/// The length of the escaped tag or comment starting at @p pos (at `&lt;`), or 0: it ends at the
/// first `&gt;` on the same line within 1024 bytes, holds no raw `<` or `>`, and with `&lt;` `&gt;`
/// `&quot;` `&#39;` `&#34;` `&amp;` read as their characters is one tag or comment of a known name as
/// html_markup_length() reads it (so `&lt;5%&gt;` and `&lt;十四五&gt;` stay text).
std::size_t escaped_markup_length(std::string_view text, std::size_t pos);

}  // namespace encoding_repair
