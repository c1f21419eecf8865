# Header-only dependencies (nlohmann/json, Catch2 v2) come from Debian's /usr/include.
#
# Under Emscripten, /usr/include must not be on the include path (glibc's
# headers then shadow the wasm sysroot's and the build breaks), and CMake's
# package search is confined to the sysroot. So both builds see the two
# libraries through a directory that holds only symlinks to them.
set(WSTATS_ISOLATED_INCLUDE "${CMAKE_BINARY_DIR}/isolated-include")

function(wstats_isolate_header_dir name probe)
  find_path(_root "${probe}"
    PATHS /usr/include /usr/local/include
    NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT _root)
    message(FATAL_ERROR "${probe} not found: install it (scripts/install-deps.sh does)")
  endif()
  file(MAKE_DIRECTORY "${WSTATS_ISOLATED_INCLUDE}")
  if(NOT EXISTS "${WSTATS_ISOLATED_INCLUDE}/${name}")
    file(CREATE_LINK "${_root}/${name}" "${WSTATS_ISOLATED_INCLUDE}/${name}" SYMBOLIC)
  endif()
  unset(_root CACHE)
endfunction()

wstats_isolate_header_dir(nlohmann nlohmann/json.hpp)
wstats_isolate_header_dir(catch2 catch2/catch.hpp)
