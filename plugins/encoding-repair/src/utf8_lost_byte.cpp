#include "utf8_lost_byte.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

#include "context_score.hpp"
#include "damage_triggers.hpp"
#include "decoder.hpp"
#include "double_byte_table.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

/// One character's leftovers are at most three bytes (a four-byte character that lost one); a
/// longer run lost more than one byte, which one byte cannot make whole.
constexpr std::size_t kMostLeftover = 4;

/// A run of leftover bytes: their U+FFFD in the text and their bytes in the input, with the '?'
/// among or right before them.
struct Run {
  std::size_t text_begin = 0, text_end = 0;
  std::size_t source_begin = 0, source_end = 0;
  std::size_t leftover = 0;  ///< Bytes the decoder rejected (the rest are '?').
};

/// A '?' in the text at @p text_at that is the input's '?' at @p source_at (the text is the input
/// there: a UTF-8 document's text differs from its bytes only at the U+FFFD).
bool question_mark(const docpipe::Document& doc, std::size_t text_at, std::size_t source_at) {
  return text_at < doc.text.size() && source_at < doc.raw.size() && doc.text[text_at] == '?' && doc.raw[source_at] == '?';
}

std::vector<Run> leftover_runs(const docpipe::Document& doc) {
  std::vector<Run> runs;
  for (const docpipe::Repair& r : doc.repairs) {
    if (!is_rejected_byte(doc, r)) continue;
    if (!runs.empty()) {
      Run& last = runs.back();
      const bool adjacent = r.span.begin == last.text_end && r.source_begin == last.source_end;
      const bool across_mark = r.span.begin == last.text_end + 1 && r.source_begin == last.source_end + 1 &&
                               question_mark(doc, last.text_end, last.source_end);
      if (adjacent || across_mark) {
        last.text_end = r.span.end;
        last.source_end = r.source_end;
        ++last.leftover;
        continue;
      }
    }
    runs.push_back({r.span.begin, r.span.end, r.source_begin, r.source_end, 1});
  }
  for (Run& run : runs) {
    // A lead byte replaced by '?' leaves the '?' right before the trail bytes, a last trail byte
    // replaced by '?' right after the lead and the first.
    if (run.text_begin > 0 && run.source_begin > 0 && question_mark(doc, run.text_begin - 1, run.source_begin - 1)) {
      --run.text_begin;
      --run.source_begin;
    }
    if (question_mark(doc, run.text_end, run.source_end)) {
      ++run.text_end;
      ++run.source_end;
    }
  }
  std::erase_if(runs, [](const Run& r) { return r.leftover > kMostLeftover; });
  return runs;
}

/// True when @p bytes are valid UTF-8 of characters the model knows (or '?'), at least one of them
/// outside ASCII: the readings worth scoring.
bool readable(std::string_view bytes, const CharModel& model) {
  if (!docpipe::utf8::is_valid(bytes)) return false;
  bool wide = false;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const char32_t c = docpipe::utf8::next(bytes, pos);
    if (c == '?') continue;
    if (c < 0x80 || (c >= 0x80 && c < 0xA0) || !model.known(c)) return false;
    wide = true;
  }
  return wide;
}

/// @p bytes read whole in @p which ('?' as itself), or "" when some byte pairs into no character.
std::string legacy_reading(std::string_view bytes, Legacy which) {
  const DoubleByteTable& table = DoubleByteTable::get(which);
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == '?') {
      out += '?';
      continue;
    }
    if (i + 1 >= bytes.size()) return {};
    const char32_t c = table.decode(b, static_cast<unsigned char>(bytes[i + 1]));
    if (c == 0) return {};
    docpipe::utf8::append(out, c);
    ++i;
  }
  return out;
}

std::string hex(char b) {
  char s[8];
  std::snprintf(s, sizeof s, "0x%02X", static_cast<unsigned char>(b));
  return s;
}

}  // namespace

std::vector<Utf8ByteFix> find_utf8_lost_byte_fixes(const docpipe::Document& doc, const CharModel& model) {
  std::vector<Utf8ByteFix> fixes;
  const std::vector<Run> runs = leftover_runs(doc);
  // Leftovers every few hundred bytes are no damage but another encoding read as UTF-8.
  if (runs.empty() || runs.size() > damage_search_budget(doc.text.size())) return fixes;
  const std::string_view text = doc.text;
  for (const Run& run : runs) {
    const std::string bytes = doc.raw.substr(run.source_begin, run.source_end - run.source_begin);
    // Every reading one byte away, each once (two edits can give the same bytes), with how it came
    // and its kind.
    std::map<std::string, std::pair<std::string, std::string>> readings;
    auto consider = [&](std::string candidate, std::string how, const char* kind = "mojibake-utf8-lost-byte") {
      if (readable(candidate, model)) readings.emplace(std::move(candidate), std::pair{std::move(how), std::string(kind)});
    };
    consider(legacy_reading(bytes, Legacy::gbk), "read as GB18030: a legacy character in UTF-8 text", "mojibake-mixed-encoding");
    consider(legacy_reading(bytes, Legacy::big5), "read as Big5: a legacy character in UTF-8 text", "mojibake-mixed-encoding");
    for (unsigned x = 0x80; x <= 0xF4; ++x) {
      const auto byte = static_cast<char>(x);
      for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '?') continue;
        std::string replaced = bytes;
        replaced[i] = byte;
        consider(std::move(replaced), "'?' at input byte " + std::to_string(run.source_begin + i) + " read as " + hex(byte));
      }
      for (std::size_t i = 0; i <= bytes.size(); ++i) {
        std::string inserted = bytes;
        inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(i), byte);
        consider(std::move(inserted), "lost byte " + hex(byte) + " put back before input byte " + std::to_string(run.source_begin + i));
      }
    }
    if (readings.empty()) continue;
    double best = -1e300, total = 0;
    using Reading = std::pair<const std::string, std::pair<std::string, std::string>>;
    std::vector<std::pair<double, const Reading*>> scored;
    for (const auto& reading : readings) {
      const double s = score_in_context(model, text, run.text_begin, run.text_end, reading.first);
      scored.emplace_back(s, &reading);
      best = std::max(best, s);
    }
    const Reading* winner = nullptr;
    for (const auto& [s, reading] : scored) {
      total += std::pow(10.0, s - best);
      if (s == best && winner == nullptr) winner = reading;
    }
    fixes.push_back({run.text_begin, run.text_end, winner->first, winner->second.second, 1.0 / total, winner->second.first});
  }
  return fixes;
}

}  // namespace encoding_repair
