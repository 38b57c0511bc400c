# Sanitizer and fuzzing builds (docs/reliability.md), included by the top-level CMakeLists.txt
# before any target is defined, so the flags reach the engine, the executables and the tests.
#
#   -DARCHFIT_SANITIZE=address,undefined   every target built with -fsanitize=<list> (gcc or clang);
#                                          any finding aborts (-fno-sanitize-recover=all)
#   -DARCHFIT_FUZZ=ON                      clang only: coverage instrumentation for libFuzzer on all
#                                          code, tests/fuzz targets linked with -fsanitize=fuzzer;
#                                          implies ARCHFIT_SANITIZE=address,undefined unless set

set(ARCHFIT_SANITIZE "" CACHE STRING
    "Comma-separated -fsanitize= list for every target (e.g. address,undefined); empty = off")
option(ARCHFIT_FUZZ "Build the tests/fuzz targets as libFuzzer executables (clang)" OFF)

if(ARCHFIT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ARCHFIT_FUZZ=ON needs clang (libFuzzer): "
                        "configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(NOT ARCHFIT_SANITIZE)
    set(ARCHFIT_SANITIZE "address,undefined")
  endif()
  # Coverage feedback everywhere; only the fuzz executables link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(ARCHFIT_SANITIZE)
  message(STATUS "ArchFit: building with -fsanitize=${ARCHFIT_SANITIZE}")
  add_compile_options(-fsanitize=${ARCHFIT_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${ARCHFIT_SANITIZE})
endif()
