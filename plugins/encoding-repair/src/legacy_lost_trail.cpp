#include "legacy_lost_trail.hpp"

#include <cmath>
#include <cstdio>

#include "context_score.hpp"
#include "decoder.hpp"
#include "double_byte_table.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

bool is_lead_before_lost_trail(const docpipe::Document& doc, const docpipe::Repair& rejected) noexcept {
  if (!is_rejected_byte(doc, rejected)) return false;
  const auto lead = static_cast<unsigned char>(doc.raw[rejected.source_begin]);
  return lead >= 0x81 && lead <= 0xFE && rejected.source_end < doc.raw.size() && doc.raw[rejected.source_end] == '?' &&
         rejected.span.end < doc.text.size() && doc.text[rejected.span.end] == '?';
}

std::vector<LostTrailFix> find_legacy_lost_trail_fixes(const docpipe::Document& doc, const CharModel& model) {
  std::vector<LostTrailFix> fixes;
  const bool big5 = doc.encoding.name == "Big5";
  if (!big5 && doc.encoding.name != "GB18030") return fixes;
  const DoubleByteTable& table = DoubleByteTable::get(big5 ? Legacy::big5 : Legacy::gbk);
  for (const docpipe::Repair& r : doc.repairs) {
    if (!is_lead_before_lost_trail(doc, r)) continue;
    const auto lead = static_cast<unsigned char>(doc.raw[r.source_begin]);
    const std::size_t begin = r.span.begin, end = r.span.end + 1;  // the U+FFFD and the `?`
    // Every character of the lead byte, scored where it would stand; their shares of the total
    // probability give the confidence.
    double best = -INFINITY, total = 0;
    std::string best_char;
    unsigned best_trail = 0;
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
      const char32_t c = table.decode(lead, static_cast<unsigned char>(trail));
      if (c == 0 || !model.known(c)) continue;
      std::string candidate;
      docpipe::utf8::append(candidate, c);
      const double score = score_in_context(model, doc.text, begin, end, candidate);
      total += std::pow(10.0, score);
      if (score > best) best = score, best_char = std::move(candidate), best_trail = trail;
    }
    if (best_char.empty()) continue;
    char note[96];
    std::snprintf(note, sizeof note, "%s lead byte %02X with its trail written as ?, read as %02X %02X",
                  big5 ? "Big5" : "GBK", lead, lead, best_trail);
    fixes.push_back({begin, end, best_char, std::pow(10.0, best) / total, note});
  }
  return fixes;
}

}  // namespace encoding_repair
