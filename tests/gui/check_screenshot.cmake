# Runs `archfit --screenshot OUT --size 1400x900 INPUT` and checks that OUT is a PNG of a real window.
# Variables: ARCHFIT (executable), OUT (png path), INPUT (workload or project).
get_filename_component(outDir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${outDir}")
file(REMOVE "${OUT}")
execute_process(COMMAND "${ARCHFIT}" --screenshot "${OUT}" --size 1400x900 "${INPUT}"
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "archfit --screenshot failed (${rc}): ${err}")
endif()
if(NOT EXISTS "${OUT}")
  message(FATAL_ERROR "no screenshot written to ${OUT}")
endif()
file(SIZE "${OUT}" size)
# A blank 1400x900 PNG compresses to a few kB; a window with a table, a chart and text is larger.
if(size LESS 40000)
  message(FATAL_ERROR "screenshot ${OUT} is only ${size} bytes: window looks empty")
endif()
file(READ "${OUT}" magic LIMIT 8 HEX)
if(NOT magic STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${OUT} is not a PNG (starts with ${magic})")
endif()
# IHDR width and height (bytes 16..23) must be 1400 x 900.
file(READ "${OUT}" ihdr OFFSET 16 LIMIT 8 HEX)
if(NOT ihdr STREQUAL "0000057800000384")
  message(FATAL_ERROR "screenshot is not 1400x900 (IHDR size bytes ${ihdr})")
endif()
message(STATUS "screenshot ${OUT}: ${size} bytes")
