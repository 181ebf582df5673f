"""Conan 2 recipe for heapless (header-only).

    conan create packaging/conan --version 0.1.0

Consumers: `requires = "heapless/0.1.0"`; CMakeDeps gives find_package(heapless)
and the target heapless::heapless, PkgConfigDeps gives heapless.pc.
"""
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy
from conan.tools.layout import basic_layout


class HeaplessConan(ConanFile):
    name = "heapless"
    version = "0.1.0"
    license = "BSL-1.0"
    url = "https://github.com/OWNER/heapless"
    homepage = "https://github.com/OWNER/heapless"
    description = "Fixed-capacity C++17 containers that never touch the heap (header-only)."
    topics = ("containers", "embedded", "firmware", "no-heap", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True

    def export_sources(self):
        # The recipe lives in packaging/conan/; the library two levels up.
        root = os.path.join(self.recipe_folder, "..", "..")
        copy(self, "include/*", src=root, dst=self.export_sources_folder)
        copy(self, "LICENSE", src=root, dst=self.export_sources_folder)

    def layout(self):
        basic_layout(self, src_folder=".")

    def validate(self):
        check_min_cppstd(self, 17)

    def package_id(self):
        self.info.clear()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder,
             dst=os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", src=os.path.join(self.source_folder, "include"),
             dst=os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.set_property("cmake_file_name", "heapless")
        self.cpp_info.set_property("cmake_target_name", "heapless::heapless")
        self.cpp_info.set_property("pkg_config_name", "heapless")
