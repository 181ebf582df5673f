# render_check.cmake - opens the API reference's front page in headless
# Chromium (no network, a fresh profile) and checks that it renders: the DOM
# holds the page title, and a screenshot is written (the CI artifact).
#   cmake -DCHROMIUM=... -DHTML=<index.html> -DSCREENSHOT=<png> -P render_check.cmake
cmake_minimum_required(VERSION 3.16)
if(NOT CHROMIUM)
  message("SKIP: chromium is not installed (Debian: chromium)")
  return()
endif()
if(NOT EXISTS ${HTML})
  message(FATAL_ERROR "${HTML} is missing: build the heapless_docs target first")
endif()
get_filename_component(work ${SCREENSHOT} DIRECTORY)
set(flags --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
          --disable-background-networking --disable-component-update --disable-sync
          --window-size=1280,900)
foreach(step dom screenshot)
  set(profile ${work}/chromium-profile-${step})
  file(REMOVE_RECURSE ${profile})
  if(step STREQUAL "dom")
    set(action --dump-dom)
  else()
    file(REMOVE ${SCREENSHOT})
    set(action --screenshot=${SCREENSHOT})
  endif()
  execute_process(COMMAND timeout 120 ${CHROMIUM} ${flags} --user-data-dir=${profile} ${action}
                          file://${HTML}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(REMOVE_RECURSE ${profile})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "chromium ${step} failed (${rc}):\n${err}")
  endif()
  if(step STREQUAL "dom" AND NOT out MATCHES "<title>heapless: heapless API reference</title>")
    message(FATAL_ERROR "the rendered page has no heapless title:\n${out}")
  endif()
endforeach()
file(SIZE ${SCREENSHOT} size)
if(size LESS 10000)
  message(FATAL_ERROR "the screenshot ${SCREENSHOT} is suspiciously small (${size} bytes)")
endif()
message(STATUS "API reference renders; screenshot: ${SCREENSHOT} (${size} bytes)")
