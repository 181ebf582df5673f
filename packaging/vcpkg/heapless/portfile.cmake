# vcpkg port of heapless (header-only): installs the CMake package
# (find_package(heapless CONFIG REQUIRED), target heapless::heapless),
# heapless.pc and the licence. Set SHA512 for the release archive of REF.
set(VCPKG_BUILD_TYPE release)  # header-only: one configuration is enough

vcpkg_from_github(
  OUT_SOURCE_PATH SOURCE_PATH
  REPO OWNER/heapless
  REF "v${VERSION}"
  SHA512 0
  HEAD_REF main
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DHEAPLESS_BUILD_TESTS=OFF
    -DHEAPLESS_BUILD_BENCH=OFF
    -DHEAPLESS_BUILD_EXAMPLES=OFF
    -DHEAPLESS_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/heapless)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug" "${CURRENT_PACKAGES_DIR}/share/doc")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
