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
//                        when GBK has a code for it and those bytes are not valid UTF-8 themselves;
//   legacy-word          one to three Han characters in a row (as many as the text has there, up
//                        to a number drawn from 1-3) written in GBK bytes, whatever those bytes
//                        are: a pair with lead C2-DF and trail A1-BF is well-formed UTF-8 and
//                        reads as a letter of another script (业, D2 B5, as ҵ), so the decoder may
//                        leave no U+FFFD at all;
//   big5-word            the same in Big5 bytes (a traditional page's part); only characters Big5
//                        has a code for.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace encoding_repair::bench {

/// The ways a character loses a byte (see the file comment).
enum class ByteDamage { lead_to_question, lead_lost, trail_lost, trail_to_question, legacy_character, legacy_word, big5_word };

/// Every kind, in a fixed order.
const std::vector<ByteDamage>& all_byte_damage();

/// `lead-to-question`, `lead-lost`, ...
const char* name(ByteDamage kind);

/// @p clean (UTF-8) with @p count of its Han characters (fewer when it has fewer, and for
/// legacy-character only those GBK gives invalid UTF-8 bytes; for legacy-word the first characters
/// of the words, which do not overlap) damaged as @p kind, chosen by a generator seeded with @p seed
/// (the same seed gives the same damage). @p damaged counts them.
std::string damage_utf8(std::string_view clean, ByteDamage kind, std::size_t count, std::uint32_t seed,
                        std::size_t& damaged);

}  // namespace encoding_repair::bench
