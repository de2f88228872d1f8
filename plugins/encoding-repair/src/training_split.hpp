#pragma once
// Which corpus reports train the character model and which are held out to measure repairs on text
// the model never saw.

#include <cstddef>

namespace encoding_repair {

/// True when the report at @p index (0-based, in the sorted list of corpus/reports/*.txt) is held
/// out of the character model's training text: every fifth report.
inline bool held_out_of_training(std::size_t index) noexcept { return index % 5 == 4; }

}  // namespace encoding_repair
