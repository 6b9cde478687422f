"""The sweep's inputs: C++ it did not write, and annotated files.

Two categories of Item, in the order the sweep runs them (the fixed
translation units first, then a seeded shuffle):

  real       unannotated C++ the tool must pass through byte-identical (or
             refuse cleanly when it does not compile):
             - corpus/*.cpp: every C++17 standard header, the same with the
               runtime, GoogleTest/GoogleMock, the Clang/LLVM headers, plus
               a listing of every llvm/ADT header;
             - the project's own sources (lib/, tool/, runtime/src/,
               test/unit/), with their flags from compile_commands.json;
             - GoogleTest's own sources and other C++ files found on the
               machine (SYSTEM_SOURCE_ROOTS);
             - a sample of the headers under SYSTEM_INCLUDE_DIR parsed as
               C++ on their own.
  annotated  files the tool transforms: corpus/std_coroutines.cpp (awaitc
             coroutines in a translation unit with the whole standard
             library), examples/*.cpp and test/lit/**/*.cpp.

The LLVM include directory is an option (CMake passes the one the tool is
built against); without it the LLVM/Clang translation units are left out
and the report says so. A standard header that this toolchain's clang++
cannot parse is dropped from the whole-library files (in copies under the
work directory) and logged.
"""

import glob
import json
import os
import re
import shlex
import shutil

from .toolrun import read_bytes, run, write_bytes

CORPUS_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus")

# The fixed translation units over the whole standard library; the first
# one decides which standard headers this toolchain can parse.
ALL_STD_HEADERS = "all_std_headers.cpp"
WHOLE_STD_FILES = [ALL_STD_HEADERS, "all_std_and_runtime.cpp",
                   "std_coroutines.cpp"]

# What LLVM's headers expect to be defined (llvm-config --cxxflags).
LLVM_DEFINES = ["-D__STDC_CONSTANT_MACROS", "-D__STDC_LIMIT_MACROS",
                "-D__STDC_FORMAT_MACROS", "-D_GNU_SOURCE"]

# Where C++ that nobody wrote for this tool is looked for.
GOOGLETEST_SOURCE_DIR = "/usr/src/googletest"
SYSTEM_SOURCE_ROOTS = ["/usr/share", "/usr/lib", "/usr/local", "/opt",
                       "/usr/src"]
SYSTEM_INCLUDE_DIR = "/usr/include"
# Enough files to sample from without walking a whole file system.
MAX_FILES_FOUND_PER_ROOT = 2000

# Priorities: the fixed translation units first; then the project's own
# sources interleaved with the machine's files, so that a short budget sees
# both kinds.
FIXED, OWN, MACHINE, SYSTEM_HEADER = 0, 1, 2, 3


class Item:
    """One input file with the flags to parse it (after the tool's `--`)."""

    def __init__(self, name, category, flags, path, priority=OWN,
                 header=False):
        self.name = name
        self.category = category  # "real", "annotated" or "generated"
        self.flags = list(flags)
        self.path = path
        self.priority = priority
        self.header = header      # parsed as C++ with -x c++
        self.origin_dir = os.path.dirname(path)
        # Set once the sweep has run the item: a mutant's time limit and how
        # often the item is mutated depend on it.
        self.base_seconds = None

    def data(self):
        return read_bytes(self.path)


def find_llvm_include_dir(explicit):
    """(directory or None, how it was found or why not)."""
    if explicit:
        if os.path.isdir(os.path.join(explicit, "llvm")):
            return explicit, "from --llvm-include"
        return None, "--llvm-include %s has no llvm/ directory" % explicit
    llvm_config = shutil.which("llvm-config-19")
    if not llvm_config:
        return None, "no --llvm-include and no llvm-config-19 on PATH"
    r = run([llvm_config, "--includedir"], 60)
    found = r.stdout.decode(errors="replace").strip()
    if r.returncode == 0 and os.path.isdir(os.path.join(found, "llvm")):
        return found, "from llvm-config-19 --includedir"
    return None, "llvm-config-19 --includedir gave no LLVM headers"


def compile_command_flags(entry):
    """The flags of a compile_commands.json entry, for parsing its file from
    any directory: no output, dependency or optimisation options, and
    relative include directories made absolute."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    directory = entry.get("directory", ".")
    source = os.path.realpath(os.path.join(directory, entry["file"]))
    out = []
    skip_next = False
    for i in range(1, len(args)):
        a = args[i]
        if skip_next:
            skip_next = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip_next = True
            continue
        if a == "-c" or a.startswith("-O") or a == "-g" or \
                a.startswith(("-MD", "-MMD")) or \
                os.path.realpath(os.path.join(directory, a)) == source:
            continue
        if a in ("-I", "-isystem", "-iquote") and i + 1 < len(args):
            out += [a, os.path.join(directory, args[i + 1])]
            skip_next = True
            continue
        if a.startswith("-I") and len(a) > 2:
            a = "-I" + os.path.join(directory, a[2:])
        out.append(a)
    return out


def read_compile_commands(path):
    """{real path of a source: its flags} from a compile_commands.json."""
    flags = {}
    if not path or not os.path.exists(path):
        return flags
    try:
        with open(path) as f:
            for entry in json.load(f):
                source = os.path.realpath(os.path.join(entry["directory"],
                                                       entry["file"]))
                flags[source] = compile_command_flags(entry)
    except (ValueError, KeyError, OSError):
        pass
    return flags


def _include_line_header(line):
    m = re.match(rb"\s*#\s*include\s*<([^>]+)>", line)
    return m.group(1).decode() if m else None


class CorpusFinder:
    def __init__(self, source_dir, work_dir, runtime_include, llvm_include,
                 compile_commands, clang_accepts, log, max_machine_files,
                 max_headers):
        self.source_dir = source_dir
        self.scratch_dir = os.path.join(work_dir, "corpus")
        self.runtime_include = runtime_include
        self.llvm_include = llvm_include
        self.compile_commands = compile_commands
        self.clang_accepts = clang_accepts
        self.log = log
        self.max_machine_files = max_machine_files
        self.max_headers = max_headers
        # Filled by the first whole_std_file().
        self.dropped_std_headers = None
        self.bad_all_std_lines = set()

    def scratch_file(self, name, data):
        os.makedirs(self.scratch_dir, exist_ok=True)
        path = os.path.join(self.scratch_dir, name)
        write_bytes(path, data)
        return path

    # -- the whole standard library -----------------------------------------
    def _parseable_std_headers(self):
        """Runs clang++ once over all_std_headers.cpp and remembers the
        standard headers it cannot parse (the lines its errors come from)."""
        if self.dropped_std_headers is not None:
            return
        self.dropped_std_headers = set()
        path = os.path.join(CORPUS_DIR, ALL_STD_HEADERS)
        accepted, r = self.clang_accepts(path, ["-std=c++17",
                                                "-Wno-deprecated"])
        if accepted:
            return
        self.bad_all_std_lines = set(int(n) for n in re.findall(
            re.escape(ALL_STD_HEADERS).encode() + rb":(\d+)", r.stderr))
        lines = read_bytes(path).splitlines(keepends=True)
        for n in self.bad_all_std_lines:
            if 0 < n <= len(lines):
                header = _include_line_header(lines[n - 1])
                if header:
                    self.dropped_std_headers.add(header)
        self.log("std headers that do not parse dropped: %s" %
                 sorted(self.dropped_std_headers))

    def whole_std_file(self, name):
        """The path of corpus/name, or of a copy without the standard
        headers this toolchain cannot parse."""
        self._parseable_std_headers()
        path = os.path.join(CORPUS_DIR, name)
        if not self.dropped_std_headers and not self.bad_all_std_lines:
            return path
        kept = []
        for n, line in enumerate(read_bytes(path).splitlines(keepends=True),
                                 1):
            if name == ALL_STD_HEADERS and n in self.bad_all_std_lines:
                continue
            if _include_line_header(line) in self.dropped_std_headers:
                continue
            kept.append(line)
        return self.scratch_file(name, b"".join(kept))

    # -- real --------------------------------------------------------------
    def _fixed_items(self):
        std = ["-std=c++17", "-Wno-deprecated"]
        items = [
            Item(ALL_STD_HEADERS, "real", std,
                 self.whole_std_file(ALL_STD_HEADERS), FIXED),
            Item("all_std_and_runtime.cpp", "real",
                 std + ["-I", self.runtime_include],
                 self.whole_std_file("all_std_and_runtime.cpp"), FIXED),
        ]
        if self._compiler_finds("gtest/gtest.h"):
            items.append(Item("googletest.cpp", "real", ["-std=c++17"],
                              os.path.join(CORPUS_DIR, "googletest.cpp"),
                              FIXED))
        if self.llvm_include:
            flags = ["-std=c++17", "-I", self.llvm_include] + LLVM_DEFINES
            adt = sorted(glob.glob(os.path.join(self.llvm_include,
                                                "llvm/ADT/*.h")))
            listing = "".join('#include "llvm/ADT/%s"\n' % os.path.basename(h)
                              for h in adt)
            items.append(Item("llvm_adt_all.cpp", "real", flags,
                              self.scratch_file("llvm_adt_all.cpp",
                                                listing.encode()), FIXED))
            items.append(Item("clang_headers.cpp", "real", flags,
                              os.path.join(CORPUS_DIR, "clang_headers.cpp"),
                              FIXED))
        return items

    def _compiler_finds(self, header):
        probe = self.scratch_file("has_include.cpp", (
            "#if !__has_include(<%s>)\n#error not found\n#endif\n" %
            header).encode())
        return self.clang_accepts(probe, ["-std=c++17"], timeout=60)[0]

    def _own_items(self):
        known = read_compile_commands(self.compile_commands)
        # Without a compile command: what lib/ and tool/ are built with.
        tool_flags = ["-std=c++17", "-I",
                      os.path.join(self.source_dir, "lib", "include")]
        if self.llvm_include:
            tool_flags += ["-isystem", self.llvm_include] + LLVM_DEFINES
        fallback = {"lib": tool_flags, "tool": tool_flags}
        items = []
        for pattern in ["lib/*.cpp", "tool/*.cpp", "runtime/src/*.cpp",
                        "test/unit/*.cpp"]:
            for path in sorted(glob.glob(os.path.join(self.source_dir,
                                                      pattern))):
                rel = os.path.relpath(path, self.source_dir)
                flags = known.get(os.path.realpath(path))
                if flags is None:
                    flags = fallback.get(rel.split("/")[0],
                                         ["-std=c++17", "-I",
                                          self.runtime_include])
                if not any(a.startswith("-std=") for a in flags):
                    flags = ["-std=c++17"] + flags
                items.append(Item(rel, "real", flags, path, OWN))
        return items

    def _googletest_items(self, rng):
        root = GOOGLETEST_SOURCE_DIR
        if not os.path.isdir(root):
            return []
        flags = ["-std=c++17"]
        for part in ["googletest/include", "googletest", "googlemock/include",
                     "googlemock", "googletest/test", "googlemock/test"]:
            flags += ["-I", os.path.join(root, part)]
        files = sorted(glob.glob(os.path.join(root, "**", "*.cc"),
                                 recursive=True))
        rng.shuffle(files)
        parent = os.path.dirname(root)
        return [Item(os.path.relpath(f, parent), "real", flags, f, MACHINE)
                for f in files[:self.max_machine_files]]

    def _machine_items(self, rng):
        found = []
        for root in SYSTEM_SOURCE_ROOTS:
            for dirpath, _, filenames in os.walk(root):
                if "googletest" in dirpath:
                    continue
                for n in filenames:
                    if n.endswith((".cpp", ".cc", ".cxx", ".C")):
                        found.append(os.path.join(dirpath, n))
                if len(found) > MAX_FILES_FOUND_PER_ROOT:
                    break
        found.sort()
        rng.shuffle(found)
        return [Item(f, "real", ["-std=c++17", "-I", os.path.dirname(f)], f,
                     MACHINE)
                for f in found[:self.max_machine_files]]

    def _system_header_items(self, rng):
        headers = []
        for dirpath, dirnames, filenames in os.walk(SYSTEM_INCLUDE_DIR):
            dirnames.sort()
            for n in sorted(filenames):
                if n.endswith((".h", ".hpp")):
                    headers.append(os.path.join(dirpath, n))
        rng.shuffle(headers)
        items = []
        for f in headers[:self.max_headers]:
            # A header's own includes are mostly relative to one of the
            # directories above it (/usr/include/llvm-19/llvm/ADT/X.h
            # includes "llvm/..."): offer each of them.
            includes = []
            d = os.path.dirname(f)
            while d.startswith(SYSTEM_INCLUDE_DIR + "/") and \
                    len(includes) < 8:
                includes += ["-I", d]
                d = os.path.dirname(d)
            defines = LLVM_DEFINES if "/llvm" in f else []
            items.append(Item(f, "real", ["-x", "c++", "-std=c++17"] +
                              includes + defines, f, SYSTEM_HEADER,
                              header=True))
        return items

    def real_items(self, rng):
        fixed = self._fixed_items()
        rest = self._own_items() + self._googletest_items(rng) + \
            self._machine_items(rng) + self._system_header_items(rng)
        rng.shuffle(rest)
        own = [i for i in rest if i.priority == OWN]
        others = [i for i in rest if i.priority != OWN]
        mixed = []
        while own or others:
            if own:
                mixed.append(own.pop(0))
            for _ in range(2):
                if others:
                    mixed.append(others.pop(0))
        return fixed + mixed

    # -- annotated ---------------------------------------------------------
    def annotated_items(self, rng):
        flags = ["-std=c++17", "-I", self.runtime_include]
        files = sorted(glob.glob(os.path.join(self.source_dir, "examples",
                                              "*.cpp")))
        files += [f for f in sorted(glob.glob(os.path.join(
            self.source_dir, "test", "lit", "**", "*.cpp"), recursive=True))
            if "/tools/" not in f]
        items = [Item(os.path.relpath(f, self.source_dir), "annotated",
                      flags + ["-I", os.path.dirname(f)], f) for f in files]
        rng.shuffle(items)
        std = Item("std_coroutines.cpp", "annotated", flags,
                   self.whole_std_file("std_coroutines.cpp"), FIXED)
        return [std] + items
