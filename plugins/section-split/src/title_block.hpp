#pragma once
/// @file title_block.hpp
/// Reading the metadata off a report's title block (title, delivery date, meeting, region, year)
/// and its front matter.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/metadata.hpp"

#include "blocks.hpp"
#include "front_matter.hpp"

namespace section_split {

/// A date found in text, as ISO 8601 `YYYY-MM-DD`, or empty. Reads `2024年1月24日` (blanks
/// allowed between the parts) and `二〇二四年一月二十四日`; a date followed by `在` (the delivery
/// date) wins over earlier ones (a web page's time stamp).
std::string find_iso_date(std::string_view s);

/// The meeting a report was delivered at (`第十四届全国人民代表大会第二次会议`) in @p s, with the
/// blanks and line breaks inside it removed, or empty.
std::string find_meeting(std::string_view s);

/// The region or issuing body named by a report title (`2024年邯鄲市叢臺區政府工作報告` gives
/// `邯鄲市叢臺區`), or empty.
std::string region_from_title(std::string_view title);

/// The region a meeting belongs to (`叢臺區第十一屆人民代表大會…` gives `叢臺區`; a national
/// people's congress gives `全国`), or empty.
std::string region_from_meeting(std::string_view meeting);

/// Fills @p out from the blocks before @p body_block (the title block) and from @p front_matter.
void read_metadata(std::string_view text, const std::vector<Block>& blocks, std::size_t body_block,
                   const FrontMatter& front_matter, docpipe::Metadata& out);

}  // namespace section_split
