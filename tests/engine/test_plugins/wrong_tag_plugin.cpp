// A test plugin built "with another standard library": the host must refuse its build tag.
#include <cstdlib>

#include <boost/dll/alias.hpp>

#include "docpipe/abi.hpp"
#include "docpipe/version.hpp"

namespace entry {
const docpipe_plugin_abi_info* abi_info() noexcept {
  static const docpipe_plugin_abi_info info{DOCPIPE_SDK_ABI_MAJOR, DOCPIPE_SDK_ABI_MINOR, "msvc19/msvcprt",
                                            "test-wrong-tag", DOCPIPE_SDK_VERSION};
  return &info;
}
docpipe::abi::PluginFactory* factory() noexcept { std::abort(); }
}  // namespace entry

BOOST_DLL_ALIAS(entry::abi_info, docpipe_plugin_abi)
BOOST_DLL_ALIAS(entry::factory, docpipe_plugin_factory)
