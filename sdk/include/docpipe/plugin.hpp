#pragma once
/// @file plugin.hpp
/// DOCPIPE_PLUGIN: the one line that turns a docpipe::Stage into a loadable plugin.
///
/// @code
///   class KeywordTag : public docpipe::Stage {
///    public:
///     explicit KeywordTag(const docpipe::StageContext& ctx);
///     void process(docpipe::Document& doc) override;
///   };
///   docpipe::Descriptor describe() { ... }
///   DOCPIPE_PLUGIN("keyword-tag", KeywordTag, describe)
/// @endcode
/// Build the library with hidden visibility (docpipe_add_plugin does): then the two aliases this
/// macro defines are its only exported symbols.

#include <exception>
#include <memory>
#include <new>
#include <string>

#include <boost/dll/alias.hpp>

#include "docpipe/abi.hpp"
#include "docpipe/version.hpp"

namespace docpipe::detail {

/// Turns the exception in flight into a message.
inline std::string describe_current_exception() noexcept {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception (not derived from std::exception)";
  }
}

/// Wraps a Stage so that no exception leaves the plugin.
template <class S>
class StageAdapter final : public abi::StageInstance {
 public:
  explicit StageAdapter(std::unique_ptr<S> stage) : stage_(std::move(stage)) {}
  abi::Status process(Document& doc) noexcept override {
    try {
      stage_->process(doc);
      return abi::Status::success();
    } catch (...) {
      return abi::Status::failure(describe_current_exception());
    }
  }
  abi::Status finish() noexcept override {
    try {
      stage_->finish();
      return abi::Status::success();
    } catch (...) {
      return abi::Status::failure(describe_current_exception());
    }
  }

 private:
  std::unique_ptr<S> stage_;
};

/// The factory a plugin exports.
template <class S, Descriptor (*Describe)()>
class FactoryAdapter final : public abi::PluginFactory {
 public:
  const Descriptor& descriptor() const noexcept override { return descriptor_; }
  abi::Status create(const StageContext& context, std::unique_ptr<abi::StageInstance>& out) noexcept override {
    try {
      out = std::make_unique<StageAdapter<S>>(std::make_unique<S>(context));
      return abi::Status::success();
    } catch (...) {
      return abi::Status::failure(describe_current_exception());
    }
  }
  /// The single instance, or nullptr when describing the plugin threw.
  static abi::PluginFactory* instance() noexcept {
    try {
      static FactoryAdapter factory;
      return &factory;
    } catch (...) {
      return nullptr;
    }
  }

 private:
  FactoryAdapter() : descriptor_(Describe()) {}
  Descriptor descriptor_;
};

}  // namespace docpipe::detail

/// Defines the plugin's two entry points for stage class @p STAGE (constructible from
/// `const docpipe::StageContext&`), plugin @p NAME (a string literal equal to the descriptor's
/// name) and descriptor function @p DESCRIBE (`docpipe::Descriptor ()`). Use once per plugin.
#define DOCPIPE_PLUGIN(NAME, STAGE, DESCRIBE)                                                       \
  namespace docpipe_plugin_entry {                                                                  \
  const ::docpipe_plugin_abi_info* abi_info() noexcept {                                            \
    static const ::docpipe_plugin_abi_info info{DOCPIPE_SDK_ABI_MAJOR, DOCPIPE_SDK_ABI_MINOR,        \
                                                DOCPIPE_BUILD_TAG, NAME, DOCPIPE_SDK_VERSION};      \
    return &info;                                                                                   \
  }                                                                                                 \
  ::docpipe::abi::PluginFactory* factory() noexcept {                                               \
    return ::docpipe::detail::FactoryAdapter<STAGE, &DESCRIBE>::instance();                        \
  }                                                                                                 \
  }                                                                                                 \
  BOOST_DLL_ALIAS(docpipe_plugin_entry::abi_info, docpipe_plugin_abi)                               \
  BOOST_DLL_ALIAS(docpipe_plugin_entry::factory, docpipe_plugin_factory)
