#pragma once
// The stage's parameters, as the plugin descriptor declares them.

#include <string>

#include "docpipe/params.hpp"

namespace encoding_repair {

/// Validated parameter values of one stage instance.
struct RepairSettings {
  std::string encoding = "auto";   ///< auto, utf-8, gb18030, big5, utf-16le, utf-16be.
  double min_confidence = 0.5;     ///< Mojibake repairs below this are reported, not applied.
  bool repair_mojibake = true;     ///< Run the mojibake repairs at all.
  bool strip_html = true;          ///< Remove HTML tags and comments, decode character references.
  bool restore_fullwidth = false;  ///< Restore full-width punctuation between Chinese characters.
  std::string script = "keep";     ///< keep, t2s or s2t.

  /// Reads the values the host validated against the descriptor (missing names keep defaults).
  static RepairSettings from(const docpipe::ParamValues& params);
};

}  // namespace encoding_repair
