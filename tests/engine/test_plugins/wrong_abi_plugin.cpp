// A test plugin that claims a future SDK ABI major version; the host must refuse it before calling
// its factory (which would abort the test if it were called).
#include <cstdlib>

#include <boost/dll/alias.hpp>

#include "docpipe/abi.hpp"
#include "docpipe/version.hpp"

namespace entry {
const docpipe_plugin_abi_info* abi_info() noexcept {
  static const docpipe_plugin_abi_info info{DOCPIPE_SDK_ABI_MAJOR + 98, 0, DOCPIPE_BUILD_TAG, "test-wrong-abi", "99.0.0"};
  return &info;
}
docpipe::abi::PluginFactory* factory() noexcept { std::abort(); }
}  // namespace entry

BOOST_DLL_ALIAS(entry::abi_info, docpipe_plugin_abi)
BOOST_DLL_ALIAS(entry::factory, docpipe_plugin_factory)
