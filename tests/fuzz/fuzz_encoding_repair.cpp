// libFuzzer target: encoding-repair's decoder, cleaner and mojibake repair on arbitrary input bytes.
#include <cstddef>
#include <cstdint>

#include "docpipe/document.hpp"
#include "repairer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static encoding_repair::Repairer repairer(encoding_repair::RepairSettings{});
  docpipe::Document doc;
  doc.id = "fuzz";
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  try {
    repairer.process(doc);
  } catch (const std::exception&) {
    // Refusing a document with an exception is allowed (it fails that document only).
  }
  return 0;
}
