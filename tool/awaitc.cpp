//===- awaitc.cpp - The awaitc command-line driver ------------------------===//
//
//   awaitc [options] <source>... [-- <compiler args>]
//
// Transforms each source (see lib/) and writes the whole translation unit's
// new text to -o, to --out-dir, or to standard output; with -o, --depfile
// also lists the files the parse read, for the build system. Exit status:
// 0 done, 1 errors in the input, 2 usage errors. Output files are written
// atomically, and not at all on error; an input is never modified.
// @file arguments (response files, GNU quoting) are expanded anywhere on the
// command line, also after `--`.
//
//===----------------------------------------------------------------------===//
#include "Transform.h"

#include "clang/Basic/Version.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;
using namespace clang::tooling;

namespace cl = llvm::cl;

static cl::OptionCategory AwaitcCategory("awaitc options");

static cl::opt<std::string>
    OutputFile("o", cl::desc("Write the result for the single input here"),
               cl::value_desc("file"), cl::cat(AwaitcCategory));
static cl::opt<std::string>
    OutputDir("out-dir",
              cl::desc("Write each input's result to <dir>/<input's name>"),
              cl::value_desc("dir"), cl::cat(AwaitcCategory));
static cl::opt<std::string> DepFile(
    "depfile",
    cl::desc("With -o, also write a Make-style depfile: the output, then the "
             "input and every header the parse read"),
    cl::value_desc("file"), cl::cat(AwaitcCategory));
static cl::opt<awaitc::Backend> Emit(
    "emit", cl::desc("What annotated functions become"),
    cl::values(clEnumValN(awaitc::Backend::StateMachine, "state-machine",
                          "C++17 state-machine classes (default)"),
               clEnumValN(awaitc::Backend::Cxx20, "cxx20",
                          "C++20 coroutines on the same runtime; compile "
                          "the output with -std=c++20"),
               clEnumValN(awaitc::Backend::Dot, "dot",
                          "a Graphviz picture of each state machine: its "
                          "states, and how it suspends, resumes, returns "
                          "and throws")),
    cl::init(awaitc::Backend::StateMachine), cl::cat(AwaitcCategory));
static cl::opt<bool> NoLineDirectives(
    "no-line-directives",
    cl::desc("Do not emit #line directives pointing back to the source"),
    cl::cat(AwaitcCategory));

static cl::extrahelp CommonHelp(CommonOptionsParser::HelpMessage);
static cl::extrahelp MoreHelp(R"(
awaitc rewrites functions annotated with AWAITC_ASYNC / AWAITC_GENERATOR into
state-machine classes (or, with --emit=cxx20, into C++20 coroutines);
everything else in the file is copied unchanged.

Examples:
  awaitc app.cpp -o app.awaitc.cpp -- -std=c++17 -I/usr/local/include
  awaitc app.cpp -o gen/app.cpp --depfile=gen/app.cpp.d -- @app.flags
  awaitc -p build src/net.cpp --out-dir build/gen
  awaitc --emit=cxx20 app.cpp -o app.cxx20.cpp -- -std=c++17
  awaitc --emit=dot app.cpp -o app.dot -- -std=c++17 && dot -Tsvg app.dot
)");

static constexpr int ExitInputError = 1;
static constexpr int ExitUsageError = 2;

static void printVersion(llvm::raw_ostream &OS) {
  OS << "awaitc " << AWAITC_VERSION << " (Clang " CLANG_VERSION_STRING ")\n";
}

/// Compiler arguments every parse needs, whatever the user's flags are.
static ArgumentsAdjuster awaitcAdjuster() {
  return [](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out;
    bool HasResourceDir = false, HasLanguage = false;
    for (const std::string &Arg : Args) {
      HasResourceDir |= StringRef(Arg).starts_with("-resource-dir");
      HasLanguage |= StringRef(Arg).starts_with("-x");
    }
    if (Args.empty())
      return Args;
    Out.push_back(Args.front());
    // Clang's builtin headers, wherever awaitc is installed.
    if (!HasResourceDir)
      Out.push_back("-resource-dir=" AWAITC_CLANG_RESOURCE_DIR);
    // Headers are C++ too.
    if (!HasLanguage)
      Out.push_back("-xc++");
    Out.insert(Out.end(), Args.begin() + 1, Args.end());
    // An untransformed body returns T from a Coro<T> function, and nothing
    // from a Coro<void> one; the main file may be a header with #pragma
    // once; a g++ build with precompiled headers (CMake's
    // target_precompile_headers) lists `-include x.hxx` beside an x.hxx.gch
    // that Clang cannot read and reads x.hxx instead, as it should. After
    // the user's flags, so that their -Wall does not turn the warnings on
    // again, but before a `--` that ends the options.
    auto OptionsEnd = std::find(Out.begin(), Out.end(), "--");
    Out.insert(OptionsEnd,
               {"-Wno-return-mismatch", "-Wno-return-type",
                "-Wno-pragma-once-outside-header", "-Wno-ignored-gch"});
    return Out;
  };
}

/// Writes \p Text to \p Path through a temporary file and a rename, so that
/// readers never see a half-written output.
static bool writeAtomically(StringRef Path, const std::string &Text) {
  llvm::SmallString<256> Temp;
  int FD;
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp)) {
    llvm::errs() << "awaitc: error: cannot write '" << Path
                 << "': " << EC.message() << "\n";
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      llvm::sys::fs::remove(Temp);
      llvm::errs() << "awaitc: error: cannot write '" << Path << "'\n";
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    llvm::errs() << "awaitc: error: cannot write '" << Path
                 << "': " << EC.message() << "\n";
    return false;
  }
  return true;
}

/// Appends \p Path as Make spells a file name (Clang's -MD does the same):
/// a space (or tab) is escaped with a backslash, '#' too, and '$' is doubled.
static void printMakePath(llvm::raw_ostream &OS, StringRef Path) {
  for (size_t I = 0, E = Path.size(); I != E; ++I) {
    if (Path[I] == ' ' || Path[I] == '\t') {
      OS << '\\';
      // Backslashes just before the space are taken literally: double them.
      for (size_t J = I; J > 0 && Path[J - 1] == '\\'; --J)
        OS << '\\';
    } else if (Path[I] == '#') {
      OS << '\\';
    } else if (Path[I] == '$') {
      OS << '$';
    }
    OS << Path[I];
  }
}

/// The depfile's text: `<output>: <dependency>...`, one absolute path per
/// dependency, each listed once, in the order the parse read them.
static std::string depfileText(StringRef Output,
                               llvm::ArrayRef<std::string> Dependencies) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  printMakePath(OS, Output);
  OS << ":";
  llvm::StringSet<> Seen;
  for (const std::string &Dependency : Dependencies) {
    llvm::SmallString<256> Path(Dependency);
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path);
    if (!Seen.insert(Path).second)
      continue;
    OS << " \\\n  ";
    printMakePath(OS, Path);
  }
  OS << "\n";
  return Text;
}

static std::string absolutePath(StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

static bool sameFile(StringRef A, StringRef B) {
  llvm::sys::fs::UniqueID IA, IB;
  if (llvm::sys::fs::getUniqueID(A, IA) || llvm::sys::fs::getUniqueID(B, IB))
    return false;
  return IA == IB;
}

/// \p Args with response files expanded (CommonOptionsParser expands them
/// only before `--`, and the compiler flags after it, which a build system
/// puts in a response file, reach no driver that would expand them).
/// False after an error.
static bool expandResponseFiles(llvm::SmallVectorImpl<const char *> &Args,
                                llvm::BumpPtrAllocator &Alloc) {
  cl::ExpansionContext Expansion(Alloc, cl::TokenizeGNUCommandLine);
  if (llvm::Error E = Expansion.expandResponseFiles(Args)) {
    llvm::errs() << "awaitc: error: " << llvm::toString(std::move(E)) << "\n";
    return false;
  }
  // What is left of an @file names none.
  for (const char *Arg : llvm::ArrayRef(Args).drop_front())
    if (Arg[0] == '@') {
      llvm::errs() << "awaitc: error: no such response file: '" << Arg + 1
                   << "'\n";
      return false;
    }
  return true;
}

/// Without `--` and without -p, CommonOptionsParser looks for a compilation
/// database and complains when there is none: look ourselves, and fall back
/// to no flags quietly (an empty `--`).
static std::vector<const char *>
withDefaultCompileFlags(llvm::ArrayRef<const char *> Args) {
  std::vector<const char *> Out(Args.begin(), Args.end());
  bool HasSeparator = false, HasBuildPath = false;
  for (StringRef Arg : Args.drop_front()) {
    HasSeparator |= Arg == "--";
    HasBuildPath |= Arg == "-p" || Arg.starts_with("-p=") ||
                    Arg.starts_with("--p=") || Arg == "--p";
  }
  if (HasSeparator || HasBuildPath)
    return Out;
  std::string Error;
  for (StringRef Arg : Args.drop_front())
    if (!Arg.starts_with("-") &&
        CompilationDatabase::autoDetectFromSource(Arg, Error))
      return Out;
  Out.push_back("--");
  return Out;
}

/// Where the output for \p Source goes; empty for standard output.
static std::string outputFor(StringRef Source) {
  if (!OutputFile.empty())
    return OutputFile.getValue();
  if (!OutputDir.empty())
    return (OutputDir + "/" + llvm::sys::path::filename(Source)).str();
  return std::string();
}

/// Whether the outputs the options name make sense for \p Sources; false
/// after an error.
static bool checkOutputs(const std::vector<std::string> &Sources) {
  auto Error = [](const llvm::Twine &Message) {
    llvm::errs() << "awaitc: error: " << Message << "\n";
    return false;
  };
  if (!OutputFile.empty() && !OutputDir.empty())
    return Error("-o and --out-dir cannot be used together");
  if (!OutputFile.empty() && Sources.size() != 1)
    return Error("-o needs exactly one input; use --out-dir for several");
  if (!DepFile.empty() && OutputFile.empty())
    return Error("--depfile needs -o (one input, one output file)");
  if (!DepFile.empty() && absolutePath(DepFile) == absolutePath(OutputFile))
    return Error("--depfile and -o name the same file '" + DepFile + "'");
  for (const std::string &Source : Sources) {
    if (!llvm::sys::fs::exists(Source))
      return Error("no such file: '" + Source + "'");
    for (const std::string &Written : {outputFor(Source), DepFile.getValue()})
      if (!Written.empty() && sameFile(Source, Written))
        return Error("the output '" + Written +
                     "' is the input; awaitc never overwrites its input");
  }
  if (!OutputDir.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(OutputDir))
      return Error("cannot create '" + OutputDir + "': " + EC.message());
  return true;
}

/// Transforms \p Source and writes its output (and depfile); the exit
/// status.
static int transformFile(const CompilationDatabase &Compilations,
                         const std::string &Source) {
  std::string Target = outputFor(Source);
  ClangTool Tool(Compilations, {Source});
  Tool.appendArgumentsAdjuster(awaitcAdjuster());
  // The diagnostics say what went wrong; no "Error while processing".
  Tool.setPrintErrorMessage(false);
  awaitc::TransformOptions Options;
  Options.Emit = Emit;
  Options.LineDirectives = !NoLineDirectives;
  Options.OutputName = Target.empty() ? "<stdout>" : Target;
  std::optional<std::string> Result;
  std::vector<std::string> Dependencies;
  struct Factory : FrontendActionFactory {
    awaitc::TransformOptions Options;
    std::optional<std::string> *Result;
    std::vector<std::string> *Dependencies;
    std::unique_ptr<FrontendAction> create() override {
      return awaitc::makeTransformAction(
          Options, [this](const std::string &, const std::string &Text,
                          llvm::ArrayRef<std::string> Files) {
            if (*Result)
              return;
            *Result = Text;
            Dependencies->assign(Files.begin(), Files.end());
          });
    }
  } F;
  F.Options = Options;
  F.Result = &Result;
  F.Dependencies = &Dependencies;
  if (Tool.run(&F) != 0 || !Result)
    return ExitInputError;
  if (Target.empty()) {
    llvm::outs() << *Result;
    llvm::outs().flush();
    return 0;
  }
  // The depfile first, removed again if the output cannot be written: a
  // failed run leaves neither.
  if (!DepFile.empty() &&
      !writeAtomically(DepFile, depfileText(Target, Dependencies)))
    return ExitInputError;
  if (!writeAtomically(Target, *Result)) {
    if (!DepFile.empty())
      llvm::sys::fs::remove(DepFile);
    return ExitInputError;
  }
  return 0;
}

int main(int argc, const char **argv) {
  cl::SetVersionPrinter(printVersion);
  llvm::BumpPtrAllocator Alloc;
  llvm::SmallVector<const char *, 64> Expanded(argv, argv + argc);
  if (!expandResponseFiles(Expanded, Alloc))
    return ExitUsageError;
  std::vector<const char *> Args = withDefaultCompileFlags(Expanded);
  int Count = Args.size();
  auto Parser = CommonOptionsParser::create(Count, Args.data(), AwaitcCategory,
                                            cl::OneOrMore);
  if (!Parser) {
    llvm::errs() << "awaitc: error: " << llvm::toString(Parser.takeError())
                 << "\n";
    return ExitUsageError;
  }
  const std::vector<std::string> &Sources = Parser->getSourcePathList();
  if (!checkOutputs(Sources))
    return ExitUsageError;
  int Status = 0;
  for (const std::string &Source : Sources)
    if (int Failed = transformFile(Parser->getCompilations(), Source))
      Status = Failed;
  return Status;
}
