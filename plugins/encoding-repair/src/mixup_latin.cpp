#include "mixup_latin.hpp"

namespace encoding_repair {

std::optional<LatinReading> read_latin_run_as_utf8(std::string_view, const CharModel&) { return std::nullopt; }

}  // namespace encoding_repair
