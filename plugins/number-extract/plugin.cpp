// Registration of the number-extract stage: descriptor, parameters and the Stage glue. The logic
// lives in number_extract_core (src/).
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <docpipe/descriptor.hpp>
#include <docpipe/plugin.hpp>
#include <docpipe/stage.hpp>

#include "indicator_table.hpp"
#include "number_extract.hpp"

namespace {

using number_extract::IndicatorTable;

class NumberExtractStage : public docpipe::Stage {
 public:
  explicit NumberExtractStage(const docpipe::StageContext& ctx) {
    options_.indicators = ctx.params.get_bool("indicators");
    options_.names = ctx.params.get_bool("names");
    const std::string extra = ctx.params.get_string("indicator-table");
    if (extra.empty()) {
      table_ = &IndicatorTable::builtin();
      return;
    }
    std::filesystem::path path(extra);
    if (path.is_relative()) path = ctx.config_dir / path;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("number-extract: cannot read indicator table '" + path.string() + "'");
    std::stringstream content;
    content << in.rdbuf();
    own_ = std::make_unique<IndicatorTable>(IndicatorTable::builtin());
    own_->add_tsv(content.str(), path.string());
    table_ = own_.get();
  }

  void process(docpipe::Document& doc) override { number_extract::extract_numbers(doc, *table_, options_); }

 private:
  number_extract::Options options_;
  std::unique_ptr<IndicatorTable> own_;
  const IndicatorTable* table_ = nullptr;
};

docpipe::Descriptor describe() {
  docpipe::Descriptor d;
  d.name = "number-extract";
  d.version = "0.1.0";
  d.description =
      "Finds every number (value, unit, kind, qualifier) and the indicator facts (GDP growth target 7% about, ...).";
  d.kind = docpipe::StageKind::extract;
  d.concurrency = docpipe::Concurrency::per_worker;
  d.author = "docpipe team";
  d.license = "MIT";
  d.params = {
      {"indicators", docpipe::ParamType::boolean, "true", false, {}, {}, {},
       "Also read indicator facts (name, status, period, measure, value) off the numbers."},
      {"names", docpipe::ParamType::boolean, "true", false, {}, {}, {},
       "Keep names made of numerals (二十大, 十四五, “100+10”) in the numbers layer, with kind 'name'."},
      {"indicator-table", docpipe::ParamType::string, "", false, {}, {}, {},
       "Extra indicator table (TSV: canonical id, then name patterns), added to the built-in one; "
       "relative to the config's folder. Empty: built-in table only."},
  };
  return d;
}

}  // namespace

DOCPIPE_PLUGIN("number-extract", NumberExtractStage, describe)
