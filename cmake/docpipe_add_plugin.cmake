# docpipe_add_plugin(NAME SOURCES src... [LIBS lib...] [NO_INSTALL])
#
# Builds plugin NAME as a loadable module NAME.so with the flags the plugin contract requires:
# hidden visibility (only the two DOCPIPE_PLUGIN aliases are exported), no re-export of symbols from
# static libraries, the SDK on the include path, and the output folder the engine searches.
# The target is called docpipe-plugin-NAME. The same file is installed with the SDK's CMake package
# (lib/cmake/docpipe), where DOCPIPE_PLUGIN_OUTPUT_DIR defaults to <build>/plugins and
# DOCPIPE_PLUGIN_INSTALL_DIR to lib/docpipe/plugins.
function(docpipe_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "" "SOURCES;LIBS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "docpipe_add_plugin(${name}): SOURCES is required")
  endif()
  set(target docpipe-plugin-${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE docpipe::sdk ${ARG_LIBS})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${name}
    PREFIX ""
    SUFFIX ".so"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${DOCPIPE_PLUGIN_OUTPUT_DIR})
  target_link_options(${target} PRIVATE -Wl,--exclude-libs,ALL -Wl,--no-undefined)
  # Without an install folder (e.g. the SDK's sample built inside the docpipe tree) a plugin is
  # neither installed nor part of the `docpipe-runtime` target.
  if(NOT ARG_NO_INSTALL AND DEFINED DOCPIPE_PLUGIN_INSTALL_DIR)
    # In-tree plugins join the `docpipe-runtime` target (the executable and every shipped plugin).
    set_property(GLOBAL APPEND PROPERTY DOCPIPE_RUNTIME_PLUGINS ${target})
    install(TARGETS ${target} LIBRARY DESTINATION ${DOCPIPE_PLUGIN_INSTALL_DIR})
  endif()
endfunction()
