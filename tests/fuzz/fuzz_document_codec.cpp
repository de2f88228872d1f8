// libFuzzer target: the binary document form (checkpoints on disk and worker replies are read back).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "document_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto doc = docpipe::engine::decode_document(std::string_view(reinterpret_cast<const char*>(data), size));
    // Decoding normalises (map keys, source map runs); after one round the form must be stable.
    const std::string once = docpipe::engine::encode_document(doc);
    if (docpipe::engine::encode_document(docpipe::engine::decode_document(once)) != once) __builtin_trap();
  } catch (const docpipe::engine::DocumentCodecError&) {
  }
  return 0;
}
