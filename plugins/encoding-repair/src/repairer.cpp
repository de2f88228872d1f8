#include "repairer.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "char_model.hpp"
#include "cleaner.hpp"
#include "damage_triggers.hpp"
#include "decoder.hpp"
#include "dropped_lead_repair.hpp"
#include "legacy_lost_trail.hpp"
#include "lost_byte_repair.hpp"
#include "mixup_repair.hpp"
#include "punctuation.hpp"
#include "script_converter.hpp"
#include "utf8_lost_byte.hpp"
#include "docpipe/text_rewriter.hpp"

namespace encoding_repair {

using docpipe::Document;
using docpipe::Severity;

Repairer::Repairer(RepairSettings settings, std::string stage) : settings_(std::move(settings)), stage_(std::move(stage)) {
  if (settings_.script == "t2s" || settings_.script == "s2t") script_ = std::make_unique<ScriptConverter>(settings_.script + ".json");
  if (settings_.repair_mojibake) CharModel::embedded();  // fail early on a broken model, not per document
}

Repairer::~Repairer() = default;

void Repairer::process(Document& doc) {
  const DecodeOutcome decoded = decode_document(doc, settings_.encoding, stage_);
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.3f", doc.encoding.confidence);
  // The document's encoding has one name (the SDK's Encoding); a second one is said here.
  const std::string mixed = decoded.other.empty() ? std::string()
                                                  : ", mixed: " + std::to_string(decoded.stretches) + " stretch" +
                                                        (decoded.stretches == 1 ? "" : "es") + " in " + decoded.other;
  doc.report(Severity::info, "encoding-detected",
             "decoded as " + doc.encoding.name + " (confidence " + confidence + (doc.encoding.bom ? ", with BOM" : "") + mixed + ")",
             std::nullopt, stage_);
  report_nul_bytes(doc, decoded.nul_runs);
  if (settings_.repair_mojibake) {
    // Legacy fragments too short for the decoder's evidence, also in a page it read as mixed; first,
    // since their U+FFFD are a legacy character's bytes, not a UTF-8 character's leftovers.
    const bool utf8 = doc.encoding.name == "UTF-8";
    if (utf8) repair_legacy_fragments(doc, find_legacy_fragment_fixes(doc, CharModel::embedded()));
    // Only where the whole input is UTF-8: in a mixed page a leftover byte may be a legacy part's.
    if (utf8 && decoded.other.empty()) repair_utf8_lost_bytes(doc);
    if (!utf8) repair_lost_trails(doc);
    repair_mojibake(doc);
    if (utf8) repair_legacy_fragments(doc, find_legacy_letter_fixes(doc, CharModel::embedded()));
  }
  clean(doc);
  if (settings_.restore_fullwidth) restore_punctuation(doc);
  if (script_) convert_script(doc);
}

void Repairer::report_nul_bytes(Document& doc, const std::vector<NulRun>& runs) const {
  if (runs.empty()) return;
  std::size_t count = 0;
  for (const NulRun& r : runs) count += r.length;
  // A warning beside the decoder's `control` repairs: NUL bytes in text mean the file was cut or
  // padded on its way here, so text may be missing around them.
  doc.report(Severity::warning, "nul-bytes",
             std::to_string(count) + " NUL byte" + (count == 1 ? "" : "s") + " in " + std::to_string(runs.size()) + " run" +
                 (runs.size() == 1 ? "" : "s") + ", the first at byte offset " + std::to_string(runs.front().source_begin) +
                 ": left out of the text (a `control` repair a run); the file may have been cut or padded",
             std::nullopt, stage_);
}

void Repairer::report_below_threshold(Document& doc, const std::string& what, std::size_t begin, std::size_t end,
                                      const std::string& best, double confidence) const {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.3f", confidence);
  doc.report(Severity::warning, "mojibake-below-threshold",
             "possible " + what + " '" + std::string(doc.text.substr(begin, end - begin)) + "', best candidate '" + best +
                 "' (confidence " + conf + ", not applied)",
             docpipe::Span{begin, end}, stage_);
}

template <class Fix>
void Repairer::apply_or_report(Document& doc, const std::vector<Fix>& fixes, const char* kind, const char* what) const {
  if (fixes.empty()) return;
  docpipe::TextRewriter rw(doc, stage_);
  for (const Fix& f : fixes) {
    if (f.confidence >= settings_.min_confidence) {
      if constexpr (requires { f.kind; }) {
        rw.replace(f.begin, f.end, f.after, f.kind, f.confidence, f.note);
      } else {
        rw.replace(f.begin, f.end, f.after, kind, f.confidence, f.note);
      }
    } else {
      report_below_threshold(doc, what, f.begin, f.end, f.after, f.confidence);
    }
  }
  rw.commit(doc);
}

void Repairer::repair_legacy_fragments(Document& doc, const std::vector<LegacyFragmentFix>& fixes) {
  apply_or_report(doc, fixes, "mojibake-mixed-encoding", "legacy-encoded fragment");
}

void Repairer::repair_lost_trails(Document& doc) {
  apply_or_report(doc, find_legacy_lost_trail_fixes(doc, CharModel::embedded()), "mojibake-lost-byte",
                  "character whose trail byte became ?");
}

void Repairer::repair_utf8_lost_bytes(Document& doc) {
  apply_or_report(doc, find_utf8_lost_byte_fixes(doc, CharModel::embedded()), nullptr, "UTF-8 character that lost a byte");
}

bool Repairer::lost_upstream(Document& doc, std::size_t all_replacements, std::size_t own_replacements) const {
  const std::size_t replaced = all_replacements - std::min(own_replacements, all_replacements);
  if (replaced < kLostUpstreamLeast || replaced * 3 < doc.text.size() / kLostUpstreamShare) return false;
  char share[16];
  std::snprintf(share, sizeof share, "%.0f%%", 300.0 * double(replaced) / double(doc.text.size()));
  doc.report(Severity::warning, "characters-lost-upstream",
             std::to_string(replaced) + " replacement characters (U+FFFD) were in the input already, " + share +
                 " of the text's bytes: a copy upstream was decoded with the wrong encoding (GBK or Big5 read as UTF-8?) and "
                 "what it could not read was replaced; those characters are lost and cannot be repaired here (fetch the source "
                 "again); the lost-lead-byte search was not run",
             std::nullopt, stage_);
  return true;
}

void Repairer::repair_mojibake(Document& doc) {
  const CharModel& model = CharModel::embedded();
  std::vector<LostByteFix> fixes;
  // The U+FFFD the decoder wrote for bytes it could not decode stand for known bytes, not for
  // bytes a wrong decoder upstream threw away.
  std::vector<std::size_t> own;
  for (const docpipe::Repair& r : doc.repairs)
    if (r.kind == "decode-error") own.push_back(r.span.begin);
  std::sort(own.begin(), own.end());
  // Lost-byte damage starts at `?` or U+FFFD followed by something an out-of-step decoder writes;
  // text without such a start never reaches the model (the search would find nothing).
  std::size_t replacements = 0;
  // Big5 input was read out of step by this stage's own decoder, in Big5; everything else in GBK.
  const Legacy legacy = doc.encoding.name == "Big5" ? Legacy::big5 : Legacy::gbk;
  const std::size_t starts = count_damage_starts(doc.text, &replacements, legacy);
  // The punctuation style is a scan of the whole text, so it is read only where a search runs.
  std::optional<LostByteOptions> options;
  auto known_fold = [&]() -> const LostByteOptions& {
    if (!options) {
      options.emplace().fold_punctuation = punctuation_is_folded(doc.text);
      options->legacy = legacy;
      for (const docpipe::Repair& r : doc.repairs)
        if (is_lead_before_lost_trail(doc, r))
          options->known_leads.push_back(r.span.begin);
        else if (is_rejected_byte(doc, r))
          options->rejected.push_back({r.span.begin, static_cast<unsigned char>(doc.raw[r.source_begin])});
      std::sort(options->known_leads.begin(), options->known_leads.end());
      std::sort(options->rejected.begin(), options->rejected.end(),
                [](const RejectedByte& a, const RejectedByte& b) { return a.at < b.at; });
    }
    return *options;
  };
  const bool lost = lost_upstream(doc, replacements, own.size());
  if (lost) {
    // Nothing to search or read: around each U+FFFD the bytes are gone, and the few characters that
    // came through whole would be read as damage (`�档` as 降低, `�С�` as a Big5 mix-up's 爭創).
  } else if (starts > damage_search_budget(doc.text.size())) {
    doc.report(Severity::warning, "mojibake-search-skipped",
               std::to_string(starts) + " possible starts of lost-lead-byte damage in " + std::to_string(doc.text.size()) +
                   " bytes of text: too many for damage (the input encoding is probably wrong); not searched",
               std::nullopt, stage_);
  } else if (starts > 0) {
    fixes = find_lost_byte_fixes(doc.text, model, known_fold());
  }
  std::vector<MixupFix> found = lost ? std::vector<MixupFix>() : find_mixup_fixes(doc.text, model, own);
  // A U+FFFD inside a mix-up is a byte the wrong decoder rejected, which the mix-up reading restores
  // or shows; read as a lost lead byte it turns the mojibake around it into other mojibake. So a
  // lost-byte run starting at U+FFFD yields to a mix-up it overlaps (a run starting at `?`, the
  // seed's damage, does not). Both lists are in text order and each is free of overlaps.
  {
    std::size_t m = 0;
    std::erase_if(fixes, [&](const LostByteFix& f) {
      if (doc.text.compare(f.begin, 3, "\xEF\xBF\xBD") != 0) return false;
      while (m < found.size() && found[m].end <= f.begin) ++m;
      return m < found.size() && found[m].begin < f.end + f.tag_rest;
    });
  }
  // The same damage where the lost lead byte left no `?` (chunked decoding that dropped it).
  // Characters read out of step are also what a mix-up is made of, and a mix-up's reading explains
  // them whole: such a run yields to a mix-up it overlaps.
  if (std::vector<LostByteFix> dropped = lost ? std::vector<LostByteFix>() : find_dropped_lead_fixes(doc.text, model, known_fold, fixes);
      !dropped.empty()) {
    std::erase_if(dropped, [&](const LostByteFix& f) {
      return std::any_of(found.begin(), found.end(), [&](const MixupFix& m) { return m.begin < f.end + f.tag_rest && f.begin < m.end; });
    });
    fixes.insert(fixes.end(), std::make_move_iterator(dropped.begin()), std::make_move_iterator(dropped.end()));
    std::sort(fixes.begin(), fixes.end(), [](const LostByteFix& a, const LostByteFix& b) { return a.begin < b.begin; });
  }
  // Whole-run mix-ups, where they do not overlap a lost-byte run. Both lists are in text order:
  // the fixes beginning before a mix-up's end are a growing prefix, and one of them overlaps it
  // exactly when the furthest end among them lies past the mix-up's begin.
  std::vector<MixupFix> mixups;
  std::size_t prefix = 0, furthest = 0;
  for (MixupFix& m : found) {
    for (; prefix < fixes.size() && fixes[prefix].begin < m.end; ++prefix)
      furthest = std::max(furthest, fixes[prefix].end + fixes[prefix].tag_rest);
    if (prefix == 0 || furthest <= m.begin) mixups.push_back(std::move(m));
  }
  std::vector<std::size_t> lost_byte_begins;
  for (const LostByteFix& f : fixes) lost_byte_begins.push_back(f.begin);
  join_mixup_pieces(mixups, doc.text, settings_.min_confidence, lost_byte_begins);
  if (fixes.empty() && mixups.empty()) return;
  docpipe::TextRewriter rw(doc, stage_);
  auto next_mixup = mixups.begin();
  auto flush_mixups = [&](std::size_t until) {
    for (; next_mixup != mixups.end() && next_mixup->begin < until; ++next_mixup) {
      if (next_mixup->confidence >= settings_.min_confidence) {
        rw.replace(next_mixup->begin, next_mixup->end, next_mixup->after, next_mixup->kind, next_mixup->confidence);
      } else {
        doc.report(Severity::warning, "mojibake-below-threshold",
                   "possible " + next_mixup->kind + " '" + std::string(doc.text.substr(next_mixup->begin, next_mixup->end - next_mixup->begin)) +
                       "', best candidate '" + next_mixup->after + "' (not applied)",
                   docpipe::Span{next_mixup->begin, next_mixup->end}, stage_);
      }
    }
  };
  for (const LostByteFix& f : fixes) {
    flush_mixups(f.begin);
    if (f.confidence >= settings_.min_confidence) {
      rw.replace(f.begin, f.end, f.after, "mojibake-lost-byte", f.confidence, f.note);
      if (f.tag_rest > 0)
        rw.replace(f.end, f.end + f.tag_rest, "", "html", f.confidence, "HTML tag whose '<' the mojibake swallowed");
      // Later stages read numbers here: say that one lost a digit.
      if (f.lost_digit)
        doc.report(Severity::warning, "mojibake-lost-digit",
                   "the damaged run before this point swallowed an ASCII byte, probably a digit of the number that follows",
                   docpipe::Span{f.end, f.end}, stage_);
    } else {
      report_below_threshold(doc, "lost-lead-byte mojibake", f.begin, f.end, f.after, f.confidence);
    }
  }
  flush_mixups(std::string::npos);
  rw.commit(doc);
}

void Repairer::clean(Document& doc) {
  CleanOptions options;
  options.strip_html = settings_.strip_html;
  const auto edits = find_cleaning_edits(doc.text, options);
  if (edits.empty()) return;
  docpipe::TextRewriter rw(doc, stage_);
  for (const CleanEdit& e : edits) rw.replace(e.begin, e.end, e.after, e.kind, 1.0);
  rw.commit(doc);
}

void Repairer::restore_punctuation(Document& doc) {
  const auto edits = find_fullwidth_restorations(doc.text);
  if (edits.empty()) return;
  docpipe::TextRewriter rw(doc, stage_);
  for (const PunctuationEdit& e : edits) rw.replace(e.begin, e.end, e.after, "punctuation", 0.9);
  rw.commit(doc);
}

void Repairer::convert_script(Document& doc) {
  const auto edits = script_->edits(doc.text);
  if (edits.empty()) return;
  docpipe::TextRewriter rw(doc, stage_);
  for (const ScriptEdit& e : edits) rw.replace(e.begin, e.end, e.after, "script", 1.0, "OpenCC " + settings_.script);
  rw.commit(doc);
}

}  // namespace encoding_repair
