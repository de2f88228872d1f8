#pragma once
// The whole stage on one document: decode, undo mojibake, clean, then the optional punctuation and
// script passes, each pass one TextRewriter commit so every change is a recorded repair.

#include <memory>
#include <string>
#include <vector>

#include "docpipe/document.hpp"
#include "legacy_fragment.hpp"
#include "nul_bytes.hpp"
#include "repair_settings.hpp"

namespace encoding_repair {

class ScriptConverter;

/// Runs the encoding-repair passes; one instance per worker thread (not thread-safe).
class Repairer {
 public:
  /// Prepares the passes @p settings ask for (loads OpenCC when a script conversion is wanted);
  /// @p stage is the plugin name written into repairs and diagnostics.
  explicit Repairer(RepairSettings settings, std::string stage = "encoding-repair");
  ~Repairer();

  /// Repairs @p doc in place from its raw bytes. Throws BinaryInput for binary input.
  void process(docpipe::Document& doc);

 private:
  /// GBK or Big5 characters whose trail byte became `?`, read back from their lead byte
  /// (legacy_lost_trail.hpp), `mojibake-lost-byte`; below min-confidence a warning.
  void repair_lost_trails(docpipe::Document& doc);
  /// A `nul-bytes` warning when the decoder left NUL bytes out of the text (@p runs, from its
  /// DecodeOutcome): how many, in how many runs, where the first is.
  void report_nul_bytes(docpipe::Document& doc, const std::vector<NulRun>& runs) const;
  /// Applies each of @p fixes at or above min-confidence as a repair (of @p kind, or of the fix's own
  /// `kind` where it has one) and reports each below as a warning, @p what naming the damage.
  template <class Fix>
  void apply_or_report(docpipe::Document& doc, const std::vector<Fix>& fixes, const char* kind, const char* what) const;
  /// A `mojibake-below-threshold` warning: the @p what at [@p begin, @p end) of the text would read
  /// @p best, with too little @p confidence to be applied.
  void report_below_threshold(docpipe::Document& doc, const std::string& what, std::size_t begin, std::size_t end,
                              const std::string& best, double confidence) const;
  /// True, with a `characters-lost-upstream` warning, when the U+FFFD that were in the input (the
  /// text's @p all_replacements but the @p own_replacements the decoder wrote) are at least kLostUpstreamLeast and half the text's
  /// bytes: a copy decoded upstream with the wrong encoding, its characters replaced for good. GBK
  /// or Big5 read as UTF-8 with errors replaced is 0.78-0.83 U+FFFD by bytes; the lossy mix-ups the
  /// mix-up pass reads are at most 0.31 (Big5 read as GBK by Python's codec), so they stay searched
  /// (tests/bench/encoding-repair/replacement_share.py measures both).
  bool lost_upstream(docpipe::Document& doc, std::size_t all_replacements, std::size_t own_replacements) const;
  static constexpr std::size_t kLostUpstreamLeast = 16;
  static constexpr std::size_t kLostUpstreamShare = 2;  // the text's bytes over this
  void repair_legacy_fragments(docpipe::Document& doc, const std::vector<LegacyFragmentFix>& fixes);
  void repair_utf8_lost_bytes(docpipe::Document& doc);
  void repair_mojibake(docpipe::Document& doc);
  void clean(docpipe::Document& doc);
  void restore_punctuation(docpipe::Document& doc);
  void convert_script(docpipe::Document& doc);

  RepairSettings settings_;
  std::string stage_;
  std::unique_ptr<ScriptConverter> script_;
};

}  // namespace encoding_repair
