# docpipe_add_plugin_test(NAME PLUGIN plugin SOURCES src... [LIBS lib...])
#
# A Catch2 (v2) test program for plugin PLUGIN (built with docpipe_add_plugin) that links the test
# kit, gets a Catch2 main, and knows the plugin's library as the macro DOCPIPE_PLUGIN_FILE. Registered
# as one CTest test NAME.
function(docpipe_add_plugin_test name)
  cmake_parse_arguments(ARG "" "PLUGIN" "SOURCES;LIBS" ${ARGN})
  if(NOT ARG_PLUGIN OR NOT ARG_SOURCES)
    message(FATAL_ERROR "docpipe_add_plugin_test(${name}): PLUGIN and SOURCES are required")
  endif()
  set(main ${CMAKE_CURRENT_BINARY_DIR}/${name}_catch_main.cpp)
  if(NOT EXISTS ${main})
    file(WRITE ${main} "#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n")
  endif()
  add_executable(${name} ${ARG_SOURCES} ${main})
  target_link_libraries(${name} PRIVATE docpipe::testkit ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE DOCPIPE_PLUGIN_FILE="$<TARGET_FILE:docpipe-plugin-${ARG_PLUGIN}>")
  add_dependencies(${name} docpipe-plugin-${ARG_PLUGIN})
  add_test(NAME ${name} COMMAND ${name})
endfunction()
