//===- transform_fuzzer.cpp - libFuzzer over the transform ----------------===//
//
// Each input is the text of one C++17 translation unit, parsed and
// transformed exactly as `awaitc input.cpp -- -std=c++17 -I<runtime>` would
// (makeTransformAction, the tool's compiler flags), with prelude.h included
// first: the runtime, the standard headers the corpus uses and the lit
// tests' Tracer. Whatever the input, the transform must not crash, hang,
// corrupt memory or leak, and a file that annotates nothing must come out
// byte-identical.
//
// Parsing the runtime and the standard headers for every input would cost
// about half a second; the prelude is therefore precompiled once, at start-up
// (LLVMFuzzerInitialize), into a temporary directory, and every input is
// parsed with -include-pch. AWAITC_FUZZ_NO_PCH=1 includes the prelude as
// text instead (slow; to check that a finding is not the PCH's), and
// AWAITC_FUZZ_VERBOSE=1 prints the compiler's and awaitc's diagnostics,
// which are otherwise formatted into a null stream, and whether there was
// output.
//
//===----------------------------------------------------------------------===//
#include "Transform.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace clang;

namespace {

// The in-memory main file; its directory exists nowhere else, so quoted
// includes fall through to the -I directories.
constexpr const char *InputPath = "/awaitc-fuzz-input/input.cpp";

bool envFlag(const char *Name) {
  const char *Value = std::getenv(Name);
  return Value && *Value && llvm::StringRef(Value) != "0";
}

/// Where the precompiled prelude lives; removed at exit.
std::string &pchDirectory() {
  static std::string Dir;
  return Dir;
}

std::string &pchPath() {
  static std::string Path;
  return Path;
}

void removePchDirectory() {
  if (pchDirectory().empty())
    return;
  llvm::sys::fs::remove(pchPath());
  llvm::sys::fs::remove(pchDirectory());
}

/// The flags every parse uses, as the tool's own adjuster adds them to the
/// user's `-std=c++17 -I<runtime>` (tool/awaitc.cpp).
std::vector<std::string> commonFlags() {
  return {"-resource-dir=" AWAITC_CLANG_RESOURCE_DIR,
          "-xc++",
          "-std=c++17",
          "-I" AWAITC_FUZZ_RUNTIME_INCLUDE,
          "-I" AWAITC_FUZZ_SUPPORT_INCLUDE,
          "-Wno-return-mismatch",
          "-Wno-return-type",
          "-Wno-pragma-once-outside-header"};
}

/// Formats every diagnostic (so that awaitc's locations and ranges are
/// exercised too) into a null stream, or to stderr when asked.
class Diagnostics {
public:
  Diagnostics()
      : Options(new DiagnosticOptions),
        Printer(envFlag("AWAITC_FUZZ_VERBOSE") ? llvm::errs() : llvm::nulls(),
                Options.get()) {}
  DiagnosticConsumer *consumer() { return &Printer; }
  DiagnosticOptions *options() { return Options.get(); }

private:
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options;
  TextDiagnosticPrinter Printer;
};

bool runInvocation(std::vector<std::string> CommandLine,
                   std::unique_ptr<FrontendAction> Action,
                   llvm::StringRef MainText) {
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Overlay->pushOverlay(Memory);
  if (!MainText.data())
    MainText = "";
  Memory->addFile(InputPath, 0,
                  llvm::MemoryBuffer::getMemBufferCopy(MainText, InputPath));
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(),
                                                      std::move(Overlay));
  Diagnostics Diags;
  tooling::ToolInvocation Invocation(std::move(CommandLine), std::move(Action),
                                     Files.get());
  Invocation.setDiagnosticConsumer(Diags.consumer());
  Invocation.setDiagnosticOptions(Diags.options());
  return Invocation.run();
}

/// Precompiles prelude.h with the flags the inputs are parsed with.
void precompilePrelude() {
  llvm::SmallString<128> Dir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("awaitc-fuzz-pch", Dir)) {
    llvm::errs() << "transform_fuzzer: cannot create a directory for the "
                    "precompiled prelude: "
                 << EC.message() << "\n";
    std::exit(1);
  }
  pchDirectory() = std::string(Dir);
  llvm::SmallString<128> Pch(Dir);
  llvm::sys::path::append(Pch, "prelude.pch");
  pchPath() = std::string(Pch);
  std::atexit(removePchDirectory);

  std::vector<std::string> CommandLine = {"clang++"};
  for (std::string &Flag : commonFlags())
    CommandLine.push_back(Flag == "-xc++" ? "-xc++-header" : std::move(Flag));
  CommandLine.insert(CommandLine.end(), {AWAITC_FUZZ_PRELUDE, "-o", pchPath()});
  // Diagnostics of the prelude are real errors: show them.
  auto Options = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  TextDiagnosticPrinter Printer(llvm::errs(), Options.get());
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions());
  tooling::ToolInvocation Invocation(std::move(CommandLine),
                                     std::make_unique<GeneratePCHAction>(),
                                     Files.get());
  Invocation.setDiagnosticConsumer(&Printer);
  Invocation.setDiagnosticOptions(Options.get());
  if (!Invocation.run() || !llvm::sys::fs::exists(pchPath())) {
    llvm::errs() << "transform_fuzzer: cannot precompile " AWAITC_FUZZ_PRELUDE
                    "\n";
    std::exit(1);
  }
}

/// True if nothing in \p Text can annotate a function: no annotation macro,
/// no annotate attribute, and no token pasting that could spell either, also
/// once backslash-newlines (which may split an identifier) are spliced.
bool annotatesNothing(llvm::StringRef Text) {
  std::string Spliced;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\\') {
      // Clang allows white space between the backslash and the newline.
      size_t J = I + 1;
      while (J < Text.size() && (Text[J] == ' ' || Text[J] == '\t'))
        ++J;
      if (J < Text.size() && (Text[J] == '\n' || Text[J] == '\r')) {
        if (Text[J] == '\r' && J + 1 < Text.size() && Text[J + 1] == '\n')
          ++J;
        I = J;
        continue;
      }
    }
    Spliced += Text[I];
  }
  llvm::StringRef S(Spliced);
  return !S.contains("AWAITC_") && !S.contains("annotate") && !S.contains("##");
}

} // namespace

// Every parse allocates and frees a few hundred megabytes (most of it in
// Clang, which is not instrumented); ASan's default 256 MB quarantine of
// freed memory then makes each execution fault in fresh pages, about twice
// as slow. A quarter of it still delays the reuse of memory the transform
// frees by many parses. ASAN_OPTIONS overrides this.
extern "C" const char *__asan_default_options() {
  return "quarantine_size_mb=64";
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  if (!envFlag("AWAITC_FUZZ_NO_PCH"))
    precompilePrelude();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Code(reinterpret_cast<const char *>(Data), Size);
  // -fno-caret-diagnostics only silences the compiler's "N errors
  // generated." on stderr: the printer has options of its own.
  std::vector<std::string> CommandLine = {"clang++", "-fsyntax-only",
                                          "-fno-caret-diagnostics"};
  for (std::string &Flag : commonFlags())
    CommandLine.push_back(std::move(Flag));
  if (pchPath().empty())
    CommandLine.insert(CommandLine.end(), {"-include", AWAITC_FUZZ_PRELUDE});
  else
    CommandLine.insert(CommandLine.end(), {"-include-pch", pchPath()});
  CommandLine.push_back(InputPath);

  std::string Result;
  bool Produced = false;
  awaitc::TransformOptions Options;
  auto Action = awaitc::makeTransformAction(
      Options, [&](const std::string &, const std::string &Text,
                   llvm::ArrayRef<std::string>) {
        Result = Text;
        Produced = true;
      });
  runInvocation(std::move(CommandLine), std::move(Action), Code);

  if (envFlag("AWAITC_FUZZ_VERBOSE") && Produced)
    llvm::errs() << "transform_fuzzer: " << Result.size() << " bytes out\n";
  else if (envFlag("AWAITC_FUZZ_VERBOSE"))
    llvm::errs() << "transform_fuzzer: no output\n";
  if (Produced && annotatesNothing(Code) && Result != Code) {
    llvm::errs() << "transform_fuzzer: a file that annotates nothing did not "
                    "come out byte-identical\n";
    std::abort();
  }
  return 0;
}
