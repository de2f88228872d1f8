// Registration of the encoding-repair plugin: descriptor and Stage glue only; the logic is in src/.

#include "docpipe/descriptor.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/stage.hpp"
#include "repairer.hpp"

namespace {

class EncodingRepairStage : public docpipe::Stage {
 public:
  explicit EncodingRepairStage(const docpipe::StageContext& ctx)
      : repairer_(encoding_repair::RepairSettings::from(ctx.params), ctx.plugin.empty() ? "encoding-repair" : ctx.plugin) {}
  void process(docpipe::Document& doc) override { repairer_.process(doc); }

 private:
  encoding_repair::Repairer repairer_;
};

docpipe::Descriptor describe() {
  using docpipe::ParamSpec;
  using docpipe::ParamType;
  docpipe::Descriptor d;
  d.name = "encoding-repair";
  d.version = "0.1.0";
  d.description = "Decodes the input bytes (UTF-8, UTF-16, GB18030, Big5), repairs GBK mojibake and cleans scraped leftovers, recording every change.";
  d.kind = docpipe::StageKind::repair;
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe project";
  d.license = "MIT";
  d.params = {
      {"encoding", ParamType::choice, "auto", false, {}, {}, {"auto", "utf-8", "gb18030", "big5", "utf-16le", "utf-16be"},
       "Input encoding; auto detects it (BOM, strict UTF-8, then GB18030/Big5 by character model, ICU as a hint)."},
      {"min-confidence", ParamType::number, "0.5", false, 0.0, 1.0, {},
       "Mojibake repairs below this confidence are not applied but reported as warnings with their best candidate."},
      {"repair-mojibake", ParamType::boolean, "true", false, {}, {}, {},
       "Repair lost-lead-byte GBK mojibake (runs starting at ? or U+FFFD)."},
      {"strip-html", ParamType::boolean, "true", false, {}, {}, {},
       "Remove HTML tags, comments and script/style elements; decode character references."},
      {"restore-fullwidth", ParamType::boolean, "false", false, {}, {}, {},
       "Turn ASCII , : ; ! ? ( ) in Chinese prose back into full-width punctuation."},
      {"script", ParamType::choice, "keep", false, {}, {}, {"keep", "t2s", "s2t"},
       "Keep the script, or convert traditional to simplified (t2s) or back (s2t) with OpenCC."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("encoding-repair", EncodingRepairStage, describe)
