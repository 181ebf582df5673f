# HeaplessDocs.cmake - the API reference (Doxygen, from the headers' ///
# comments): `cmake --build <dir> --target heapless_docs` writes
# <dir>/docs/api/html/index.html and fails on a new Doxygen warning
# (docs/api/check_docs.cmake). With tests on, ctest checks the same
# (heapless_api_docs) and renders the front page in headless Chromium
# (heapless_api_docs_render: <dir>/docs/api/front-page.png).
include_guard(GLOBAL)
find_program(HEAPLESS_DOXYGEN doxygen)
find_program(HEAPLESS_CHROMIUM NAMES chromium chromium-browser)
if(NOT HEAPLESS_DOXYGEN)
  message(STATUS "heapless: doxygen not found (Debian: doxygen): no heapless_docs target")
  return()
endif()

set(HEAPLESS_DOCS_OUTPUT ${CMAKE_BINARY_DIR}/docs/api)
configure_file(${PROJECT_SOURCE_DIR}/docs/api/Doxyfile.in ${HEAPLESS_DOCS_OUTPUT}/Doxyfile @ONLY)
set(_heapless_docs_check ${CMAKE_COMMAND} -DDOXYGEN=${HEAPLESS_DOXYGEN}
    -DDOXYFILE=${HEAPLESS_DOCS_OUTPUT}/Doxyfile -DOUTPUT=${HEAPLESS_DOCS_OUTPUT}
    -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/docs/api/check_docs.cmake)
add_custom_target(heapless_docs COMMAND ${_heapless_docs_check}
  COMMENT "API reference (Doxygen) -> ${HEAPLESS_DOCS_OUTPUT}/html" VERBATIM)

# Checked in one host configuration (CI: clang-release), like the packaging tests.
if(HEAPLESS_BUILD_TESTS AND NOT CMAKE_CROSSCOMPILING AND NOT HEAPLESS_SANITIZE
   AND NOT HEAPLESS_NO_EXCEPTIONS AND NOT HEAPLESS_TEST_SINGLE_HEADER AND NOT HEAPLESS_TEST_FILTER)
  add_test(NAME heapless_api_docs COMMAND ${_heapless_docs_check})
  add_test(NAME heapless_api_docs_render
    COMMAND ${CMAKE_COMMAND} -DCHROMIUM=${HEAPLESS_CHROMIUM}
            -DHTML=${HEAPLESS_DOCS_OUTPUT}/html/index.html
            -DSCREENSHOT=${HEAPLESS_DOCS_OUTPUT}/front-page.png
            -P ${PROJECT_SOURCE_DIR}/docs/api/render_check.cmake)
  set_tests_properties(heapless_api_docs PROPERTIES LABELS docs FIXTURES_SETUP heapless_api_html)
  set_tests_properties(heapless_api_docs_render PROPERTIES LABELS docs
    FIXTURES_REQUIRED heapless_api_html SKIP_REGULAR_EXPRESSION "SKIP: chromium")
endif()
