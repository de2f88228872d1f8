// libFuzzer target: the pipeline config parser (XML, untrusted: users share configs).
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    docpipe::engine::parse_config_text(std::string(reinterpret_cast<const char*>(data), size), "<fuzz>");
  } catch (const docpipe::engine::ConfigError&) {
    // A refused config is the expected outcome; anything else escapes and is a finding.
  }
  return 0;
}
