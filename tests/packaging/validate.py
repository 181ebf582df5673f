#!/usr/bin/env python3
"""validate.py - checks the packaging manifests that CI cannot exercise with
their own tools (PlatformIO, Arduino, Zephyr, Bazel, vcpkg, Conan; Meson's wrap
template): that they parse, carry the fields their tools require, agree on
name, version, licence and repository with the library (include/heapless/
detail/config.hpp, CMakeLists.txt), and that every path they list exists.

    python3 tests/packaging/validate.py [repository root]

Prints one line per check; exits 1 when any fails. Run by ctest
(heapless_packaging_manifests).
"""
import ast
import configparser
import glob
import json
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), "..", ".."))
failures = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        failures.append(what)
    return cond


def path(*parts):
    return os.path.join(ROOT, *parts)


def read(*parts):
    with open(path(*parts), encoding="utf-8") as f:
        return f.read()


def exists(rel, what):
    return check(os.path.exists(path(rel)), f"{what}: {rel} exists")


# ---- The library's own facts ------------------------------------------------
config = read("include", "heapless", "detail", "config.hpp")
version = ".".join(re.search(rf"#define HEAPLESS_VERSION_{p} (\d+)", config).group(1)
                   for p in ("MAJOR", "MINOR", "PATCH"))
cmake_version = re.search(r"project\(heapless VERSION ([0-9.]+)", read("CMakeLists.txt")).group(1)
check(cmake_version == version, f"CMakeLists.txt version {cmake_version} == config.hpp {version}")
headers = sorted(os.path.relpath(p, path("include"))
                 for p in glob.glob(path("include", "**", "*.hpp"), recursive=True))
check(len(headers) > 0 and "heapless.hpp" in headers, f"include/ holds {len(headers)} headers")
LICENSE = "BSL-1.0"
urls = set()
spdx = f"// SPDX-License-Identifier: {LICENSE}"
unlicensed = [h for h in headers if not read("include", h).startswith(spdx + "\n")]
check(not unlicensed, f"every header under include/ starts with '{spdx}'"
      + (": missing in " + ", ".join(unlicensed) if unlicensed else ""))
check(read("src", "heapless.hpp").startswith(spdx + "\n"), "src/heapless.hpp starts with the SPDX line")
check(f'set(text "{spdx}' in read("cmake", "amalgamate.cmake") and 'file(STRINGS "${root}/LICENSE"' in read("cmake", "amalgamate.cmake"),
      "cmake/amalgamate.cmake puts the SPDX line and LICENSE at the top of the single header")
check(re.search(r"install\(FILES LICENSE ", read("CMakeLists.txt")) is not None, "cmake --install installs LICENSE")

# ---- Meson --------------------------------------------------------------------
meson = read("meson.build")
m = re.search(r"project\(\s*'heapless'.*?version:\s*'([^']+)'", meson, re.S)
check(m is not None and m.group(1) == version, f"meson.build version == {version}")
check(f"license: '{LICENSE}'" in meson, "meson.build license")
check("declare_dependency(" in meson and "meson.override_dependency('heapless', heapless_dep)" in meson,
      "meson.build declares heapless_dep and overrides dependency('heapless')")
wrap = configparser.ConfigParser()
wrap.read(path("packaging", "meson", "heapless.wrap"))
check(wrap.has_section("wrap-git") and wrap.get("wrap-git", "url", fallback="").endswith(".git"),
      "packaging/meson/heapless.wrap: [wrap-git] url")
check(wrap.get("wrap-git", "revision", fallback="") == f"v{version}", "heapless.wrap revision == v" + version)
check(wrap.get("provide", "heapless", fallback="") == "heapless_dep", "heapless.wrap [provide] heapless = heapless_dep")
urls.add(wrap.get("wrap-git", "url", fallback="").removesuffix(".git"))

# ---- Bazel --------------------------------------------------------------------
module = read("MODULE.bazel")
m = re.search(r'module\(\s*name\s*=\s*"heapless",\s*version\s*=\s*"([^"]+)"', module)
check(m is not None and m.group(1) == version, f"MODULE.bazel module(name = \"heapless\", version = \"{version}\")")
check(re.search(r'bazel_dep\(name = "rules_cc"', module) is not None, "MODULE.bazel depends on rules_cc")
build = read("BUILD.bazel")
check('load("@rules_cc//cc:defs.bzl", "cc_library")' in build, "BUILD.bazel loads cc_library from rules_cc")
lib = re.search(r'cc_library\(\s*name = "heapless",(.*?)\n\)', build, re.S)
if check(lib is not None, "BUILD.bazel: cc_library(name = \"heapless\")"):
    body = lib.group(1)
    globbed = set()
    for pattern in re.findall(r'glob\(\[([^\]]*)\]\)', body):
        for p in re.findall(r'"([^"]+)"', pattern):
            globbed |= {os.path.relpath(f, ROOT) for f in glob.glob(path(p), recursive=True)}
    check(all(os.path.join("include", h) in globbed for h in headers),
          f"BUILD.bazel hdrs glob covers all {len(headers)} headers")
    inc = re.search(r'includes = \["([^"]+)"\]', body)
    check(inc is not None and os.path.isfile(path(inc.group(1), "heapless.hpp")),
          "BUILD.bazel includes = [\"include\"] holds heapless.hpp")
exists("LICENSE", "BUILD.bazel exports_files")

# ---- PlatformIO ---------------------------------------------------------------
lj = json.loads(read("library.json"))
for key in ("name", "version", "description", "keywords", "repository", "license", "frameworks", "platforms"):
    check(key in lj, f"library.json has \"{key}\"")
check(lj.get("name") == "heapless" and lj.get("version") == version, f"library.json name/version == heapless {version}")
check(lj.get("license") == LICENSE, "library.json license")
check(isinstance(lj.get("repository"), dict) and lj["repository"].get("type") == "git"
      and lj["repository"].get("url", "").startswith("https://"), "library.json repository {type: git, url}")
urls.add(lj.get("repository", {}).get("url", "").removesuffix(".git"))
urls.add(lj.get("homepage", ""))
inc_dir = lj.get("build", {}).get("includeDir", "include")
exists(inc_dir, "library.json build.includeDir")
exists(lj.get("build", {}).get("srcDir", "src"), "library.json build.srcDir")
for h in lj.get("headers", []):
    exists(os.path.join(inc_dir, h), "library.json headers")
for p in lj.get("export", {}).get("include", []):
    exists(p, "library.json export.include")
for ex in lj.get("examples", []):
    for f in ex.get("files", []):
        exists(os.path.join(ex["base"], f), f"library.json example {ex.get('name')}")

# ---- Arduino ------------------------------------------------------------------
props = {}
for line in read("library.properties").splitlines():
    if line.strip() and not line.startswith("#"):
        k, _, v = line.partition("=")
        props[k.strip()] = v.strip()
for key in ("name", "version", "author", "maintainer", "sentence", "paragraph", "category", "url", "architectures"):
    check(props.get(key, "") != "", f"library.properties has {key}")
check(props.get("name") == "heapless" and props.get("version") == version, f"library.properties name/version == heapless {version}")
check(props.get("category") in ("Display", "Communication", "Signal Input/Output", "Sensors", "Device Control",
                                "Timing", "Data Storage", "Data Processing", "Other", "Uncategorized"),
      "library.properties category is one of Arduino's")
urls.add(props.get("url", ""))
for h in props.get("includes", "").split(","):
    exists(os.path.join("src", h.strip()), "library.properties includes (src/ layout)")
fwd = read("src", "heapless.hpp")
m = re.search(r'#include "([^"]+)"', fwd)
check(m is not None and os.path.isfile(os.path.normpath(path("src", m.group(1)))), "src/heapless.hpp forwards to a header that exists (the single header)")
sketches = glob.glob(path("examples", "arduino", "*", "*.ino"))
check(len(sketches) > 0, "examples/arduino holds a sketch")
for s in sketches:
    d = os.path.dirname(s)
    check(os.path.basename(d) + ".ino" == os.path.basename(s), f"sketch {os.path.relpath(s, ROOT)} is named after its folder")

# ---- Zephyr -------------------------------------------------------------------
text = read("zephyr", "module.yml")
try:
    import yaml
    mod = yaml.safe_load(text)
except ImportError:  # minimal reader for this two-level file
    mod = {"build": {}}
    for line in text.splitlines():
        mm = re.match(r"^(\s*)(\w+):\s*(.*)$", line)
        if mm and not line.lstrip().startswith("#"):
            (mod["build"] if mm.group(1) else mod)[mm.group(2)] = mm.group(3) or {}
check(mod.get("name") == "heapless", "zephyr/module.yml name: heapless")
b = mod.get("build", {})
if check(isinstance(b, dict) and "cmake" in b and "kconfig" in b, "zephyr/module.yml build: cmake, kconfig"):
    exists(os.path.join(b["cmake"], "CMakeLists.txt"), "zephyr/module.yml build.cmake")
    exists(b["kconfig"], "zephyr/module.yml build.kconfig")
    kconfig = read(b["kconfig"])
    check(re.search(r"^config HEAPLESS$", kconfig, re.M) is not None, "zephyr Kconfig defines HEAPLESS")
    zc = read(b["cmake"], "CMakeLists.txt")
    check("if(CONFIG_HEAPLESS)" in zc and "${ZEPHYR_CURRENT_MODULE_DIR}/include" in zc,
          "zephyr/CMakeLists.txt adds include/ when CONFIG_HEAPLESS")

# ---- vcpkg --------------------------------------------------------------------
vj = json.loads(read("packaging", "vcpkg", "heapless", "vcpkg.json"))
check(vj.get("name") == "heapless" and vj.get("version") == version, f"vcpkg.json name/version == heapless {version}")
check(vj.get("license") == LICENSE and vj.get("description"), "vcpkg.json license, description")
urls.add(vj.get("homepage", ""))
deps = {d["name"] if isinstance(d, dict) else d for d in vj.get("dependencies", [])}
check({"vcpkg-cmake", "vcpkg-cmake-config"} <= deps, "vcpkg.json depends on vcpkg-cmake, vcpkg-cmake-config")
portfile = read("packaging", "vcpkg", "heapless", "portfile.cmake")
cmake_dir = re.search(r"set\(HEAPLESS_CMAKE_DIR \$\{CMAKE_INSTALL_DATADIR\}/(\S+)\)", read("CMakeLists.txt")).group(1)
check(f"vcpkg_cmake_config_fixup(CONFIG_PATH share/{cmake_dir})" in portfile,
      f"portfile.cmake fixes up share/{cmake_dir} (where CMakeLists.txt installs the package)")
for opt in re.findall(r"-D(HEAPLESS_\w+)=", portfile):
    check(re.search(rf"option\({opt}\b", read("CMakeLists.txt")) is not None, f"portfile.cmake option {opt} exists")
check("vcpkg_install_copyright(FILE_LIST \"${SOURCE_PATH}/LICENSE\")" in portfile, "portfile.cmake installs LICENSE")
exists("packaging/vcpkg/heapless/usage", "portfile.cmake usage")
m = re.search(r"REPO (\S+)", portfile)
urls.add("https://github.com/" + m.group(1) if m else "")

# ---- Conan --------------------------------------------------------------------
tree = ast.parse(read("packaging", "conan", "conanfile.py"))
cls = next((n for n in tree.body if isinstance(n, ast.ClassDef)), None)
attrs = {}
if check(cls is not None, "conanfile.py defines a ConanFile class"):
    for n in cls.body:
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant):
            attrs[n.targets[0].id] = n.value.value
check(attrs.get("name") == "heapless" and attrs.get("version") == version, f"conanfile.py name/version == heapless {version}")
check(attrs.get("license") == LICENSE and attrs.get("package_type") == "header-library",
      "conanfile.py license, package_type = header-library")
urls.add(attrs.get("url", ""))
urls.add(attrs.get("homepage", ""))
ast.parse(read("packaging", "conan", "test_package", "conanfile.py"))
for p in ("include", "LICENSE", "packaging/conan/test_package/CMakeLists.txt", "packaging/conan/test_package/main.cpp"):
    exists(p, "conanfile.py export_sources / test_package")

# ---- Every manifest names the same repository ---------------------------------
urls.discard("")
check(len(urls) == 1, "one repository URL across manifests: " + ", ".join(sorted(urls)))

print(f"{'FAILED: ' + str(len(failures)) if failures else 'all packaging checks passed'}")
sys.exit(1 if failures else 0)
