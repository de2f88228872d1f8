#pragma once
// Makes one-byte damage in clean UTF-8 text, so the stage's reading of UTF-8 leftovers is measured
// on text nobody tuned for. Each damaged character is a Han character (three UTF-8 bytes) chosen
// at random among the text's, and loses one byte in one of these ways:
//   lead-to-question     its lead byte written as '?' (a scraper's stand-in for a byte it could
//                        not carry, the seed's damage in UTF-8);
//   lead-lost            its lead byte dropped;
//   trail-lost           one of its two trail bytes dropped (a copy cut inside the sequence);
//   trail-to-question    one of its trail bytes written as '?';
//   legacy-character     written whole in GBK bytes instead (a page stitched from two encodings),
//                        when GBK has a code for it and those bytes are not valid UTF-8 themselves.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace encoding_repair::bench {

/// The ways a character loses a byte (see the file comment).
enum class ByteDamage { lead_to_question, lead_lost, trail_lost, trail_to_question, legacy_character };

/// Every kind, in a fixed order.
const std::vector<ByteDamage>& all_byte_damage();

/// `lead-to-question`, `lead-lost`, ...
const char* name(ByteDamage kind);

/// @p clean (UTF-8) with @p count of its Han characters (fewer when it has fewer, and for
/// legacy-character only those GBK gives invalid UTF-8 bytes) damaged as @p kind, chosen by a
/// generator seeded with @p seed (the same seed gives the same damage). @p damaged counts them.
std::string damage_utf8(std::string_view clean, ByteDamage kind, std::size_t count, std::uint32_t seed,
                        std::size_t& damaged);

}  // namespace encoding_repair::bench
