#include "repair_settings.hpp"

namespace encoding_repair {

RepairSettings RepairSettings::from(const docpipe::ParamValues& params) {
  RepairSettings s;
  if (params.has("encoding")) s.encoding = params.get_string("encoding");
  if (params.has("min-confidence")) s.min_confidence = params.get_double("min-confidence");
  if (params.has("repair-mojibake")) s.repair_mojibake = params.get_bool("repair-mojibake");
  if (params.has("strip-html")) s.strip_html = params.get_bool("strip-html");
  if (params.has("restore-fullwidth")) s.restore_fullwidth = params.get_bool("restore-fullwidth");
  if (params.has("script")) s.script = params.get_string("script");
  return s;
}

}  // namespace encoding_repair
