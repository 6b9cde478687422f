# awaitc_target_sources(<target> [EMIT <state-machine|cxx20>]
#                       <PRIVATE|PUBLIC|INTERFACE> <file>... [...])
#
# Transpiles sources written in the awaitc dialect at build time and builds
# the results instead of the originals (SPEC section 5):
#
#   add_executable(app main.cpp net.cpp)
#   awaitc_target_sources(app PRIVATE main.cpp net.cpp shared.h)
#   target_link_libraries(app PRIVATE awaitc::runtime)
#
# For each file, a custom command runs the awaitc tool with the target's own
# include directories, compile definitions and C++ standard (from a response
# file that file(GENERATE) writes from generator expressions), and with a
# depfile, so that editing the file or any header it includes reruns it.
#
# - A source (an extension in CMAKE_CXX_SOURCE_FILE_EXTENSIONS) becomes
#   <binary dir>/awaitc/<path>/<name>.awaitc.cpp, added to the target with
#   the given scope; the original is marked HEADER_FILE_ONLY, so it stays in
#   the target (IDEs show it) but is not compiled.
# - A header with annotated inline functions becomes <binary dir>/awaitc/
#   <path>/<name> (same name), and <binary dir>/awaitc goes first on the
#   target's include path (with the given scope: PUBLIC and INTERFACE give it
#   to the target's users too). The transformed sources sit beside it, so
#   `#include "shared.h"` in them finds the transformed header; list every
#   source of the target that includes such a header.
# - <path> is the file's directory relative to CMAKE_CURRENT_SOURCE_DIR
#   (empty for a file outside it), so relative #includes between files that
#   are all transformed keep working; a generated source also gets
#   -iquote<its original directory>, so its other quoted #includes find what
#   they found before.
#
# EMIT cxx20 makes the files of this call C++20 coroutines on the same
# runtime (awaitc --emit=cxx20) instead of state machines (the default,
# EMIT state-machine), and requires C++20 of the target (cxx_std_20, with
# the scopes the files are given), so the compiler must support coroutines.
#
# Call it in the directory that created the target. The tool is the
# AWAITC_EXECUTABLE cache variable if set, else the awaitc::awaitc target
# (built in this tree, or imported by find_package(awaitc)). Extra tool
# arguments (e.g. --no-line-directives) come from the target property
# AWAITC_OPTIONS; further compiler flags for the parse from the target
# property AWAITC_COMPILE_OPTIONS (the target's COMPILE_OPTIONS are not
# passed: they are options for the real compiler, which may be g++).
# Limitations: a file can be transformed for one target per directory; a
# definition or include directory containing a single quote or a backslash
# is not supported (the response file quotes each argument with ').

include_guard(GLOBAL)
if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "awaitc_target_sources needs CMake 3.20 or newer "
          "(add_custom_command DEPFILE with the Makefile generators)")
endif()
# For the function, whatever the caller's policies (include() and
# find_package() give this file a policy scope of its own; the function
# keeps these settings): CMP0116, depfiles of custom commands in
# subdirectories, and the rest of 3.20.
cmake_policy(VERSION 3.20)

set(AWAITC_EXECUTABLE "" CACHE FILEPATH
    "The awaitc tool that awaitc_target_sources runs (empty: the awaitc::awaitc target)")

function(awaitc_target_sources target)
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "awaitc_target_sources: '${target}' is not a target")
  endif()
  get_target_property(_aliased "${target}" ALIASED_TARGET)
  if(_aliased)
    set(target "${_aliased}")
  endif()
  get_target_property(_target_dir "${target}" SOURCE_DIR)
  if(NOT _target_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    message(FATAL_ERROR "awaitc_target_sources: call it in the directory that "
            "created '${target}' (${_target_dir}), not in ${CMAKE_CURRENT_SOURCE_DIR}")
  endif()

  # The tool.
  if(AWAITC_EXECUTABLE)
    set(_tool "${AWAITC_EXECUTABLE}")
    set(_tool_depends "${AWAITC_EXECUTABLE}")
  elseif(TARGET awaitc::awaitc)
    set(_tool "$<TARGET_FILE:awaitc::awaitc>")
    set(_tool_depends awaitc::awaitc)
  else()
    message(FATAL_ERROR "awaitc_target_sources: no awaitc tool: use "
            "find_package(awaitc) or add_subdirectory(awaitc), or set AWAITC_EXECUTABLE")
  endif()

  # The parse's flags, from the target's own properties (an INTERFACE
  # library has only the INTERFACE_ ones). The directory of transformed
  # headers is left out: the tool must read the originals.
  get_target_property(_type "${target}" TYPE)
  set(_p "")
  if(_type STREQUAL "INTERFACE_LIBRARY")
    set(_p "INTERFACE_")
  endif()
  set(_gen_root "${CMAKE_CURRENT_BINARY_DIR}/awaitc")
  string(REGEX REPLACE "([][+.*()^$?|\\\\{}])" "\\\\\\1" _gen_root_re "${_gen_root}")
  set(_includes "$<FILTER:$<TARGET_PROPERTY:${target},${_p}INCLUDE_DIRECTORIES>,EXCLUDE,^${_gen_root_re}/?$>")
  set(_defines "$<TARGET_PROPERTY:${target},${_p}COMPILE_DEFINITIONS>")
  set(_extra "$<TARGET_PROPERTY:${target},AWAITC_COMPILE_OPTIONS>")
  # The standard: the highest of CXX_STANDARD and the cxx_std_NN compile
  # features (the target's and its libraries'), at least C++17.
  set(_std_prop "$<TARGET_PROPERTY:${target},CXX_STANDARD>")
  set(_features "$<TARGET_PROPERTY:${target},${_p}COMPILE_FEATURES>")
  set(_std 17)
  foreach(_n 17 20 23 26)
    set(_std "$<IF:$<OR:$<STREQUAL:${_std_prop},${_n}>,$<IN_LIST:cxx_std_${_n},${_features}>>,${_n},${_std}>")
  endforeach()
  set(_ext "$<TARGET_PROPERTY:${target},CXX_EXTENSIONS>")
  set(_std_flag "-std=$<IF:$<OR:$<STREQUAL:${_ext},>,$<BOOL:${_ext}>>,gnu,c>++${_std}")
  set(_rsp_content
    "'${_std_flag}'\n"
    "$<$<BOOL:${_includes}>:'-I$<JOIN:${_includes},'\n'-I>'\n>"
    "$<$<BOOL:${_defines}>:'-D$<JOIN:${_defines},'\n'-D>'\n>"
    "$<$<BOOL:${_extra}>:'$<JOIN:${_extra},'\n'>'\n>")
  string(CONCAT _rsp_content ${_rsp_content})

  # EMIT <back end>, anywhere in the arguments.
  set(_emit "state-machine")
  set(_files "")
  set(_want_emit FALSE)
  foreach(_arg IN LISTS ARGN)
    if(_want_emit)
      if(NOT _arg MATCHES "^(state-machine|cxx20)$")
        message(FATAL_ERROR "awaitc_target_sources: EMIT takes state-machine "
                "or cxx20, not '${_arg}'")
      endif()
      set(_emit "${_arg}")
      set(_want_emit FALSE)
    elseif(_arg STREQUAL "EMIT")
      set(_want_emit TRUE)
    else()
      list(APPEND _files "${_arg}")
    endif()
  endforeach()
  if(_want_emit)
    message(FATAL_ERROR "awaitc_target_sources: EMIT needs a value (state-machine or cxx20)")
  endif()

  set(_scope "")
  set(_header_scopes "")
  set(_scopes "")
  foreach(_arg IN LISTS _files)
    if(_arg MATCHES "^(PRIVATE|PUBLIC|INTERFACE)$")
      set(_scope "${_arg}")
      if(NOT _arg IN_LIST _scopes)
        list(APPEND _scopes "${_arg}")
      endif()
      continue()
    endif()
    if(NOT _scope)
      message(FATAL_ERROR "awaitc_target_sources: '${_arg}' comes before "
              "PRIVATE, PUBLIC or INTERFACE")
    endif()

    get_filename_component(_src "${_arg}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${_src}")
      message(FATAL_ERROR "awaitc_target_sources: no such file: ${_src}")
    endif()
    get_filename_component(_dir "${_src}" DIRECTORY)
    get_filename_component(_name "${_src}" NAME)
    get_filename_component(_name_we "${_src}" NAME_WLE)
    get_filename_component(_ext_of "${_src}" LAST_EXT)
    file(RELATIVE_PATH _rel_dir "${CMAKE_CURRENT_SOURCE_DIR}" "${_dir}")
    if(_rel_dir MATCHES "^\\.\\.(/|$)" OR IS_ABSOLUTE "${_rel_dir}")
      set(_rel_dir "")
    endif()
    set(_out_dir "${_gen_root}")
    if(_rel_dir)
      string(APPEND _out_dir "/${_rel_dir}")
    endif()
    string(SUBSTRING "${_ext_of}" 1 -1 _ext_of)
    if(_ext_of IN_LIST CMAKE_CXX_SOURCE_FILE_EXTENSIONS)
      set(_is_source TRUE)
      set(_out "${_out_dir}/${_name_we}.awaitc.cpp")
    else()
      set(_is_source FALSE)
      set(_out "${_out_dir}/${_name}")
    endif()
    file(RELATIVE_PATH _shown "${CMAKE_CURRENT_SOURCE_DIR}" "${_src}")

    # One target per output.
    get_property(_owner GLOBAL PROPERTY "AWAITC_OUTPUT_OWNER:${_out}")
    if(_owner)
      if(_owner STREQUAL "${target}")
        continue()
      endif()
      message(FATAL_ERROR "awaitc_target_sources: ${_shown} is already "
              "transformed for target '${_owner}' in this directory; a file "
              "can be transformed for one target per directory")
    endif()
    set_property(GLOBAL PROPERTY "AWAITC_OUTPUT_OWNER:${_out}" "${target}")

    # Multi-config generators: one response file per configuration.
    get_property(_multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
    if(_multi_config)
      set(_rsp "${_out}.$<CONFIG>.rsp")
    else()
      set(_rsp "${_out}.rsp")
    endif()
    file(GENERATE OUTPUT "${_rsp}" CONTENT "${_rsp_content}")
    add_custom_command(
      OUTPUT "${_out}"
      COMMAND "${_tool}" "--emit=${_emit}" "${_src}" -o "${_out}" "--depfile=${_out}.d"
              "$<TARGET_PROPERTY:${target},AWAITC_OPTIONS>" -- "@${_rsp}"
      DEPENDS "${_src}" "${_rsp}" ${_tool_depends}
      DEPFILE "${_out}.d"
      COMMENT "awaitc: transpiling ${_shown}"
      COMMAND_EXPAND_LISTS
      VERBATIM)

    if(_is_source)
      target_sources("${target}" ${_scope} "${_out}")
      set_source_files_properties("${_src}" TARGET_DIRECTORY "${target}"
        PROPERTIES HEADER_FILE_ONLY ON)
      # Quoted #includes of the original find what they found before.
      set_source_files_properties("${_out}" TARGET_DIRECTORY "${target}"
        PROPERTIES COMPILE_OPTIONS "$<IF:$<CXX_COMPILER_ID:MSVC>,/I${_dir},-iquote${_dir}>")
    else()
      # Generated with the target, seen by whoever gets the include dir.
      if(_type STREQUAL "INTERFACE_LIBRARY" AND CMAKE_VERSION VERSION_LESS 3.19)
        message(FATAL_ERROR "awaitc_target_sources: headers of an INTERFACE "
                "library need CMake 3.19")
      endif()
      target_sources("${target}" PRIVATE "${_out}")
      if(NOT _scope IN_LIST _header_scopes)
        list(APPEND _header_scopes "${_scope}")
      endif()
    endif()
  endforeach()

  foreach(_s IN LISTS _header_scopes)
    target_include_directories("${target}" BEFORE ${_s} "${_gen_root}")
  endforeach()
  if(_emit STREQUAL "cxx20")
    foreach(_s IN LISTS _scopes)
      target_compile_features("${target}" ${_s} cxx_std_20)
    endforeach()
  endif()
endfunction()
